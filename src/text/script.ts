import * as OpenCC from "opencc-js";

/**
 * Traditional → Simplified Chinese, so a question written in 學習路線/微調 finds passages written
 * in 学习路线/微调 (and a Traditional corpus is searched with Simplified questions alike).
 *
 * OpenCC's character-level Taiwan → Mainland table (`tw` → `cn`), not its phrase table (`twp`):
 * the phrase table rewrites vocabulary (資料庫 → 数据库, but also 向量 → 矢量, which is wrong in
 * machine-learning text). Character by character, 向量 stays 向量 and every field term keeps its
 * form; a Simplified or Latin text comes back unchanged.
 */
let converter: ((text: string) => string) | undefined;

export function toSimplified(text: string): string {
  // Fast path: most text is Simplified or Latin; building the converter costs ~20 ms once.
  if (!HAN.test(text)) return text;
  // opencc-js ships no types for Converter's return: it is a string → string function.
  const convert = (converter ??= OpenCC.Converter({ from: "tw", to: "cn" }) as (text: string) => string);
  return convert(text);
}

const HAN = /\p{Script=Han}/u;
const HAN_CHARS = /\p{Script=Han}/gu;

let toTraditionalConverter: ((text: string) => string) | undefined;

/**
 * Simplified → Traditional (OpenCC `cn` → `tw`, character level, the inverse of toSimplified):
 * for the answer's own words when the learner wrote in Traditional characters. Quotes from the
 * documents are never passed through it: citations point at their exact lines.
 */
export function toTraditional(text: string): string {
  if (!HAN.test(text)) return text;
  const convert = (toTraditionalConverter ??= OpenCC.Converter({ from: "cn", to: "tw" }) as (text: string) => string);
  return convert(text);
}

/**
 * Whether a text is written in Traditional characters: some of its Han characters have a
 * different Simplified form (學, 習, 調, 麼). A Simplified or Latin text has none.
 */
export function isTraditional(text: string): boolean {
  const simplified = toSimplified(text);
  if (simplified === text) return false;
  const original = Array.from(text.matchAll(HAN_CHARS), (m) => m[0]);
  const converted = Array.from(simplified.matchAll(HAN_CHARS), (m) => m[0]);
  return original.some((char, i) => char !== converted[i]);
}
