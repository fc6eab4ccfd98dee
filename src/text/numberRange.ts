/**
 * Number ranges as the documents write them: "months 3 to 5", "3到5个月", "3~5", "6 - 8" → "3-5",
 * "6-8". The corpus writes ranges with a hyphen (第 3-5 月, 1-2个月), which the tokenizer keeps
 * as one search token; a question's "3 to 5" would otherwise share only the bare digits, which
 * say nothing. Applied to questions only (the index is built from the documents as written).
 */
const RANGE = /(?<![\w.-])(\d{1,4})\s*(?:to|through|till|until|[-~～–—到至])\s*(\d{1,4})(?![\d.])/giu;

export function normalizeNumberRanges(text: string): string {
  return text.replace(RANGE, (whole, from: string, to: string) => (Number(from) < Number(to) ? `${from}-${to}` : whole));
}
