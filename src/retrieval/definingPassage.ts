import { escapeRegExp } from "../text/escapeRegExp.js";
import type { Chunk } from "../chunking/types.js";
import { gatedTest } from "../text/questionGate.js";

/**
 * "文中那个【必看】tag 是什么意思": a question asking what a mark or a quoted word means is answered
 * by the passage that says so ("标记为【必看】的是…"), not by the passages that use it: a reading
 * list marks a dozen items 【必看】, and each of those holds the word as often as the definition.
 */
const MEANING_ASKED =
  /是什么意思|是啥意思|(?:什么|什麼|啥)(?:样|樣)?的?意思|意思是(?:什么|什麼|啥)|指的是什么|指的是啥|代表什么|代表啥|表示什么|表示啥|\bmeaning\b|\bwhat does\b[^?？]*\bmean\b|\bstand for\b/iu;

/** Asked of every question a retrieval reads: `iu`, so through its twin (ignoreCaseTest.ts). */
const asksMeaning = gatedTest(MEANING_ASKED);

/** A term the question sets apart: in 【】, 「」, 『』, “” or quotes. */
const MARKED_TERM = /【([^】]{1,12})】|「([^」]{1,12})」|『([^』]{1,12})』|“([^”]{1,12})”|"([^"]{1,12})"/u;

/** The marked term whose meaning the question asks, as the documents write it (with its 【】 when it had them). */
export function meaningAsked(question: string): string | undefined {
  if (!asksMeaning(question)) return undefined;
  const marked = MARKED_TERM.exec(question);
  if (!marked) return undefined;
  const term = marked
    .slice(1)
    .find((group) => group !== undefined)!
    .trim();
  return marked[0].startsWith("【") ? `【${term}】` : term;
}

/** The first of `chunks` (best first) that defines `term`: the term, then a word saying what it is or means. */
export function definingChunk(term: string, chunks: readonly Chunk[]): Chunk | undefined {
  const defines = new RegExp(`${escapeRegExp(term)}\\s*(?:的是|是指|指的是|指|表示|代表|意思是|即|means|stands for)`, "iu");
  return chunks.find((chunk) => defines.test(chunk.text));
}
