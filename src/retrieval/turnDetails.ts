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
  const read = ownReading(standalone, learnersOwn);
  if (read === undefined) return detailsAsked(standalone);
  const own = detailsAsked(read.words);
  if (own.length > 0) return own;
  return asksOfItsOwn(read.asked) ? [] : detailsAsked(standalone);
}

/**
 * The learner's own words (`asked`) and their reading as retrieval read the standalone question
 * (`words`, simplifiedQuestion: a Taiwan writer's 資料集 is a 数据集); undefined when there are none,
 * or when they are that question: one asked without a conversation, in Traditional characters as
 * much as in Simplified. Read character by character instead, "要用哪一個資料集" asked no data set
 * of its own while its standalone reading asked one, and the data set asked was dropped.
 */
function ownReading(standalone: string, learnersOwn: string | undefined): { words: string; asked: string } | undefined {
  if (learnersOwn === undefined) return undefined;
  const words = simplifiedQuestion(learnersOwn.trim());
  return words === standalone ? undefined : { words, asked: learnersOwn };
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
  const read = ownReading(standalone, learnersOwn);
  if (read === undefined) return carried;
  const own = particularAsked(read.words);
  if (own.instance || own.mechanism) return own;
  return detailsAsked(read.words).length > 0 || asksOfItsOwn(read.asked) ? own : carried;
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
  const read = ownReading(standalone, learnersOwn);
  if (carried === undefined || read === undefined) return carried;
  if (conceptAsked(read.words)) return carried;
  return detailsAsked(read.words).length > 0 || asksOfItsOwn(read.asked) ? undefined : carried;
}
