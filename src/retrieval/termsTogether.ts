import type { TermGroup } from "./abstention.js";

/**
 * Whether the words of the question the top passages hold are held together: two or more of its
 * term groups (abstention.ts, each found by any of its names' tokens) are in the top passages, and
 * one passage holds every one of them. "有木有那种让大模型把本事传给一个小模型的法子？" finds 大模型 and
 * 小模型 in the passage on distillation, and nothing else of its own words: thin coverage, but the
 * passage is about what the question puts together. Read by thinEvidence.ts.
 *
 * Only as a reason to trust thin evidence, never against an answer: the unanswerable questions
 * answered high (session 20, q20c) have their found words in one passage as often as answerable ones,
 * since a gold passage holds every word found in only about 60 % of answerable questions.
 */

/** Found groups the passage must hold together: one word found says nothing of how the question's words go together. */
const MIN_TOGETHER = 2;

/** `top`: the token sets of the passages the answer is built from, best first. */
export function termsFoundTogether(groups: readonly TermGroup[], top: readonly ReadonlySet<string>[]): boolean {
  const found = groups.filter((group) => top.some((tokens) => holdsGroup(tokens, group)));
  if (found.length < MIN_TOGETHER) return false;
  return top.some((tokens) => found.every((group) => holdsGroup(tokens, group)));
}

function holdsGroup(tokens: ReadonlySet<string>, group: TermGroup): boolean {
  return group.tokens.some((token) => tokens.has(token));
}
