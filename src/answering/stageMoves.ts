/**
 * How a follow-up moves from the stage the conversation is at: "那下一阶段呢?" / "and the next one?"
 * after "第三阶段学什么" asks the previous question of the stage one step on (by its place, or after a
 * stage named by its name), "and for the applied practice stage?" asks it of another stage named in
 * English, and a stage by its place is written back as words (第3阶段, 最后一个阶段). Read by the
 * standalone question (followUp.ts) and by a follow-up on the stage an answer gave (answeredStage.ts).
 */
import { sequenceIntent } from "../retrieval/analyzeQuery.js";
import { withoutDetailQuestions } from "../retrieval/detailKinds.js";
import { findGlossaryMatches } from "../retrieval/glossary.js";
import { READINESS_ASKED } from "../retrieval/sequenceContext.js";
import { replaceStageOrdinals, type StageOrdinal } from "../retrieval/stageReference.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import { EN_LEAD, LATIN_WORD, namesSomething, withoutSequenceWords, ZH_LEAD } from "./followUpCues.js";
import { bareStep } from "./itemMoves.js";

/** A stage reference as words ("第3阶段", "最后一个阶段"). */
export function samePlace(ordinal: StageOrdinal): string {
  if (ordinal.from === "start") return `第${ordinal.position}阶段`;
  return ordinal.position === 1 ? "最后一个阶段" : `倒数第${ordinal.position}阶段`;
}

/** A stage reference moved one step in `direction` ("第一阶段" after "之后" → "第2阶段"); "" when it leaves the roadmap. */
export function moved(ordinal: StageOrdinal, direction: "next" | "previous"): string {
  const step = direction === "next" ? 1 : -1;
  if (ordinal.from === "start") return ordinal.position + step >= 1 ? `第${ordinal.position + step}阶段` : "";
  const fromEnd = ordinal.position - step;
  return fromEnd < 1 ? "" : fromEnd === 1 ? "最后一个阶段" : `倒数第${fromEnd}阶段`;
}

/**
 * "the entry stage", "the applied practice phase", "the API/integration stage": an English stage
 * named by its words (not "the five-stage guide"); a word may join two by a slash, as learners
 * name a stage by two things it holds.
 */
const EN_NAMED_STAGE = /\bthe\s+((?:[a-z][a-z-]*(?:\/[a-z][a-z-]*)?\s+){1,3}?)(?:stage|phase)\b/iu;

/**
 * "the stage where you shore up your fundamentals", "the phase about deployment": a stage named by
 * what is done in it, in a clause after the stage word.
 */
const EN_DESCRIBED_STAGE =
  /\bthe\s+(?:stage|phase)\s+((?:where|in which|when|that|which|for|about|on|covering)\s+[a-z][a-z' -]{2,60}?)(?=\s*(?:[—–,;:?.!]|\s-\s|$))/iu;

/** What a follow-up that only names another stage says beside it ("and for …?", "what about …?"). */
const EN_STAGE_FOLLOW_UP_WORDS = /\b(?:and|so|ok|okay|what|about|how|for|in|then|the)\b|[?？.!\s]/giu;

/**
 * The previous question asked of the stage an English follow-up names, when the previous question
 * named a stage by its words ("and for the applied practice stage?"); a follow-up that asks
 * something of its own comes first. Undefined otherwise.
 */
export function withStageSwapped(question: string, previous: string, isStageName?: (phrase: string) => boolean): string | undefined {
  const zh = zhStageSwapped(question, previous) ?? zhStageNamedAlone(question, previous, isStageName);
  if (zh !== undefined) return zh;
  const named = EN_NAMED_STAGE.exec(question) ?? EN_DESCRIBED_STAGE.exec(question);
  const before = EN_NAMED_STAGE.exec(previous);
  if (!named || !before || named[1]!.trim().toLowerCase() === before[1]!.trim().toLowerCase()) return undefined;
  const swapped = `${previous.slice(0, before.index)}${named[0]}${previous.slice(before.index + before[0].length)}`;
  // "and the foundation stage, how many weeks?": its own question, of the stage it names, in the
  // previous question's setting without the stage that question named (both would be searched,
  // and the one named by more of its words would win).
  return question.replace(named[0], " ").replace(EN_STAGE_FOLLOW_UP_WORDS, "").length > 0 ? `${question} ${swapped}` : swapped;
}

/**
 * "那 API 那个阶段呢？" / "那应用实践阶段呢" after "原理阶段要多久？": the previous question asked of the
 * stage the follow-up names by its name or by a thing it holds (API), in place of the stage the
 * previous question named by its name. Without this both stages were searched and the previous one,
 * named whole, won. Only a follow-up that asks nothing else ("那 X 阶段呢？"): one that asks its own
 * question is read by the rest of the standalone reading.
 */
function zhStageSwapped(question: string, previous: string): string | undefined {
  const named = ZH_FOLLOW_UP_STAGE.exec(question.trim());
  if (!named) return undefined;
  const name = named[1]!.trim();
  return namesStage(name) ? stageSwapped(name, previous) : undefined;
}

/** The previous question asked of the stage `name`, in place of the stage it named by its name. */
function stageSwapped(name: string, previous: string): string | undefined {
  const before = [...previous.matchAll(NAMED_STAGE)].find((m) => namesStage(m[1]!.trim()));
  if (!before || before[1]!.trim() === name) return undefined;
  const stage = /^[A-Za-z]/.test(name) ? ` ${name} 阶段` : `${name}阶段`;
  return `${previous.slice(0, before.index)}${stage}${previous.slice(before.index + before[0].length)}`;
}

/**
 * "那基础夯实呢？" after "入门阶段每周建议花多少时间？": a follow-up that names only a stage's name, without
 * the stage word, is that stage when the index says it is one (Retriever.namesStage) and the previous
 * question named a stage by its name: the same question of it, as zhStageSwapped reads "那基础夯实阶段呢".
 */
function zhStageNamedAlone(question: string, previous: string, isStageName?: (phrase: string) => boolean): string | undefined {
  if (!isStageName) return undefined;
  const named = ZH_FOLLOW_UP_NAME.exec(question.trim());
  if (!named || !isStageName(named[1]!)) return undefined;
  return stageSwapped(named[1]!, previous);
}

/** "那基础夯实呢", "还有应用实践呢": a follow-up that names one thing and asks nothing else. */
const ZH_FOLLOW_UP_NAME =
  /^(?:那么|那|还有|再看看|再说说)?\s*((?:(?![的之里在中与和及那这个])\p{Script=Han}){2,8})\s*(?:呢|咧|嘞)\s*[?？]?$/u;

/** "那 API 那个阶段呢？", "还有应用实践阶段呢", "那讲 RAG 的阶段呢": a follow-up that only names a stage. */
const ZH_FOLLOW_UP_STAGE =
  /^(?:那么|那|还有|再看看|再说说)?\s*(?:讲|学|管|做)?\s*((?:[A-Za-z][\w/+.-]*|(?:(?![的之里在中与和及那这个])\p{Script=Han}){2,8})(?:\s*[A-Za-z][\w/+.-]*)?)\s*(?:的|那个|那一个|这个)?\s*(?:阶段|那段)\s*(?:呢|咧|嘞)\s*[?？]?$/u;

/** A stage's name, not its place, a demonstrative or the roadmap's count ("第二", "下一", "前一", "三" of 三阶段); 前沿 and 后端 are words. */
function namesStage(name: string): boolean {
  return (
    !/阶段|篇/u.test(name) &&
    !/^(?:第|倒数|下一?|上一?|[前后](?:一|面|边|$)|最后|最初|首|末|哪|这|那|每|各|该|本)|[个一几哪这那每各该本两三四五六七八九十零〇\d]$/u.test(
      name,
    )
  );
}

/**
 * The direction a follow-up moves in: its sequence cue, else a bare step ("那再下一个呢", "and the one
 * before it?", itemMoves.ts bareStep), which after a stage is a step to the neighbouring stage (after
 * an item picked by its place it is the next item: itemMoves.ts, read first). Null when it moves nowhere.
 */
export function stepAsked(question: string): "next" | "previous" | null {
  return sequenceIntent(question) ?? bareStep(question) ?? null;
}

/**
 * "那下一阶段呢?" / "and the next one?" after "第三阶段学什么" (a stage by its place or its name,
 * asked without a direction of its own): the previous question about the stage one step on
 * ("第4阶段学什么", "入门阶段之后要多久"); a detail the follow-up asks itself ("那下一阶段要多久?")
 * comes along. Undefined when the follow-up moves nowhere, names a topic, or the step leaves the
 * roadmap.
 */
export function movedOn(question: string, previous: string, byPlace: boolean, neighbourStage?: NeighbourStage): string | undefined {
  const direction = stepAsked(question);
  // "and the projects for the stage right after that one?" after a question about the first
  // stage's projects names nothing the previous question did not: it only moves.
  const own = withoutWordsOf(previous, withoutSequenceWords(question).replace(EN_STAGE_WORDS, " "));
  if (!direction || namesSomething(own)) return undefined;
  // "那再下一个呢" after "原理学习阶段" → "下一个呢" (read as "原理学习阶段之后"): one more step, from the stage after it.
  if (sequenceIntent(previous)) return neighbourStage ? steppedOnceMore(previous, direction, neighbourStage) : undefined;
  const stepped = byPlace ? stepByPlace(previous, direction) : stepByName(previous, direction);
  if (stepped === undefined) return undefined;
  const asked = withoutSequenceWords(question.replace(ZH_LEAD, "").replace(EN_LEAD, "")).replace(/^[\s?？]+|[\s?？]+$/gu, "");
  // "做完这些以后，怎么判断自己可以进下一阶段了": whether one is ready to move on is asked too (the stage's assessment).
  return withoutDetailQuestions(asked) !== asked || READINESS_ASKED.test(asked) ? `${asked} ${stepped}` : stepped;
}

/** `text` without the Latin words and glossary terms `previous` also uses (compared case-insensitively). */
export function withoutWordsOf(previous: string, text: string): string {
  const before = previous.toLowerCase();
  let rest = text.replace(LATIN_WORD, (word) =>
    new RegExp(`(?<![a-z0-9])${escapeRegExp(word.toLowerCase())}`, "u").test(before) ? " " : word,
  );
  for (const match of findGlossaryMatches(rest)) if (before.includes(match.surface.toLowerCase())) rest = rest.replace(match.surface, " ");
  return rest;
}

/**
 * The question with its stage ordinal moved one step ("第三阶段" → "第4阶段"). One step on from the
 * last stage is asked as "最后一个阶段之后", one back from the first as "第1阶段之前的阶段": the
 * retriever reads those as steps out of the roadmap (roadmapContext.ts stepPastEnd), not as the
 * last (first) stage again.
 */
function stepByPlace(previous: string, direction: "next" | "previous"): string | undefined {
  const stepped = replaceStageOrdinals(previous, (ordinal) => {
    const to = moved(ordinal, direction);
    if (to !== "") return to;
    return direction === "next" ? `${samePlace(ordinal)}之后` : `${samePlace(ordinal)}之前的阶段`;
  });
  return stepped === previous ? undefined : stepped;
}

/**
 * The stage a question names by its name ("五阶段指南的入门阶段" → 入门阶段), as stepByName finds it; undefined
 * for a stage by its place, the roadmap's shape (三阶段) or none.
 */
export function stageNamedByName(question: string): string | undefined {
  return [...question.matchAll(NAMED_STAGE)].find((m) => namesStage(m[1]!.trim()))?.[0];
}

/** The stage beside one a phrase names by its name, in the one roadmap with that stage (Retriever.neighbourStage). */
export type NeighbourStage = (phrase: string, direction: "next" | "previous") => string | undefined;

/**
 * A step written by stepByName ("原理学习阶段之后") taken once more the same way: from the stage beside
 * the named one ("接入开发阶段之后"). Undefined for any other question with a direction.
 */
function steppedOnceMore(previous: string, direction: "next" | "previous", neighbourStage: NeighbourStage): string | undefined {
  const cue = direction === "next" ? "之后" : "之前";
  const step = new RegExp(`((?:(?![的之里在中])\\p{Script=Han}){2,16})(阶段|篇)${cue}`, "u").exec(previous);
  if (!step) return undefined;
  // The stage's name is the longest end of the run some roadmap has a stage of ("编程基础与工具使用", not 工具使用).
  const run = Array.from(step[1]!);
  for (let from = 0; from <= run.length - 2; from++) {
    const beside = neighbourStage(run.slice(from).join(""), direction);
    if (beside === undefined) continue;
    const start = step.index + run.slice(0, from).join("").length;
    return `${previous.slice(0, start)}${beside}${previous.slice(step.index + step[1]!.length)}`;
  }
  return undefined;
}

/** The question with the direction after the stage it names ("入门阶段" → "入门阶段之后"): the retriever finds that stage's neighbour. */
function stepByName(previous: string, direction: "next" | "previous"): string | undefined {
  // Not an ordinal, a demonstrative or a count: "三阶段" in "CSDN那篇三阶段的" is the roadmap's shape.
  const named = [...previous.matchAll(NAMED_STAGE)].find((m) => namesStage(m[1]!.trim()));
  if (!named) return undefined;
  const at = named.index + named[0].length;
  return `${previous.slice(0, at)}${direction === "next" ? "之后" : "之前"}${previous.slice(at)}`;
}

/**
 * A stage by its name ("入门阶段", "0x20 应用篇") or by a thing it holds ("API 阶段"): its name is the
 * characters before 阶段 or 篇, no particle among them, or a Latin word.
 */
const NAMED_STAGE = /((?:(?![的之里在中与和及])\p{Script=Han}){2,8}?|(?<![A-Za-z0-9])[A-Za-z][\w/+.-]*\s?)(?:阶段|篇)/gu;

/** Words of "and the next one?" / "what about the stage after?" that name no topic. */
export const EN_STAGE_WORDS =
  /\b(?:the|a|one|ones|stage|stages|phase|phases|step|steps|part|parts|level|move|moving|go|going|on|to|comes?|right|just|immediately|straight|it|that|this)\b/giu;
