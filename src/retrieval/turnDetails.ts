import { simplifiedQuestion } from "../text/taiwanSenses.js";
import { conceptAsked } from "./conceptMembers.js";
import { detailsAsked, type DetailKind } from "./detailKinds.js";
import { particularAsked } from "./particularAsked.js";
import type { ParticularAsked } from "./types.js";

/**
 * The details a follow-up asks. Its standalone question carries the previous question along
 * ("roughly how long is it?" + "How much does the course cost?"): when the learner's own words
 * ask a detail of their own, that detail is what is asked, not the one carried ("how long", not
 * "how much"). A follow-up that asks none of its own ("and for the next stage?") asks the carried one.
 */
export function detailsAskedInTurn(standalone: string, learnersOwn: string | undefined): DetailKind[] {
  const read = learnersOwn === undefined ? undefined : ownReading(standalone, learnersOwn);
  if (read === undefined || learnersOwn === undefined) return detailsAsked(standalone);
  const own = detailsAsked(read);
  if (own.length > 0) return own;
  return asksOfItsOwn(learnersOwn) ? [] : detailsAsked(standalone);
}

/**
 * The learner's own words read as retrieval read the standalone question (simplifiedQuestion: a
 * Taiwan writer's 資料集 is a 数据集), or undefined when they are that question: a question asked
 * without a conversation, in Traditional characters as much as in Simplified. Read character by
 * character instead, "要用哪一個資料集" asked no data set of its own, while its standalone reading
 * asked one, and the data set asked was dropped.
 */
function ownReading(standalone: string, learnersOwn: string): string | undefined {
  const read = simplifiedQuestion(learnersOwn.trim());
  return read === standalone ? undefined : read;
}

/**
 * Whether the learner's own words ask a question of their own: "第二个是啥，里面最推荐看哪个？" does;
 * only an elliptical one ("那第二个呢？", "and for the next stage?") asks again what the previous
 * question asked.
 */
function asksOfItsOwn(learnersOwn: string): boolean {
  return ASKS_ITS_OWN.test(learnersOwn.replace(ELLIPTICAL_LEAD, " "));
}

const ASKS_ITS_OWN = /什么|什麼|啥|哪|几|幾|多少|怎么|怎麼|如何|谁|誰|\b(?:what|which|who|how|why|when|where)\b/iu;
/** "what about …", "how about …": words of going on, not a question of its own. */
const ELLIPTICAL_LEAD = /\b(?:what|how)\s+about\b/giu;

/**
 * What a follow-up asks in particular (which one, how exactly), read as its details are: "要学多长时间？"
 * after "那阶段推荐了哪些开源模型？" asks a duration, not which model its standalone question carries.
 */
export function particularAskedInTurn(carried: ParticularAsked, standalone: string, learnersOwn: string | undefined): ParticularAsked {
  const read = learnersOwn === undefined ? undefined : ownReading(standalone, learnersOwn);
  if (read === undefined || learnersOwn === undefined) return carried;
  const own = particularAsked(read);
  if (own.instance || own.mechanism) return own;
  return detailsAsked(read).length > 0 || asksOfItsOwn(learnersOwn) ? own : carried;
}

/**
 * The concept a follow-up asks a member of (conceptMembers.ts), read as the which-one ask is:
 * "要学多长时间？" after "哪个 embedding model 好？" asks a duration, not which embedding model.
 */
export function conceptAskedInTurn<Asked>(
  carried: Asked | undefined,
  standalone: string,
  learnersOwn: string | undefined,
): Asked | undefined {
  const own = learnersOwn === undefined ? undefined : ownReading(standalone, learnersOwn);
  if (carried === undefined || own === undefined || learnersOwn === undefined) return carried;
  if (conceptAsked(own)) return carried;
  return detailsAsked(own).length > 0 || asksOfItsOwn(learnersOwn) ? undefined : carried;
}
