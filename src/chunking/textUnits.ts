/**
 * Size of a text in "units": one per CJK character plus one per latin word or number. Counting
 * characters would make English chunks 5x larger than Chinese ones; counting whitespace words
 * would make a Chinese paragraph one "word". A URL is one unit: it is a single thing to a reader.
 */
const URL = /(?:https?:\/\/|www\.)[^\s)\]）】」>"']+/gi;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countUnits(text: string): number {
  let urls = 0;
  const withoutUrls = text.replace(URL, () => {
    urls++;
    return " ";
  });
  let cjk = 0;
  const withoutCjk = withoutUrls.replace(CJK, () => {
    cjk++;
    return " ";
  });
  return urls + cjk + (withoutCjk.match(LATIN_WORD)?.length ?? 0);
}

/**
 * End offset (exclusive) of the longest prefix of text[start..end) holding at most maxUnits units,
 * at least one character. Used to hard-split a sentence too long for one chunk.
 */
export function prefixEndWithinUnits(text: string, start: number, end: number, maxUnits: number): number {
  let units = 0;
  let inWord = false;
  let lastBreak = -1;
  for (let i = start; i < end; i++) {
    const char = text[i]!;
    const isCjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(char);
    const isWordChar = !isCjk && /[\p{L}\p{N}]/u.test(char);
    const added = isCjk || (isWordChar && !inWord) ? 1 : 0;
    if (units + added > maxUnits) return lastBreak > start ? lastBreak : Math.max(i, start + 1);
    units += added;
    inWord = isWordChar;
    // Prefer to cut after a comma or a space rather than in the middle of a word.
    if (/[\s,，、:：]/.test(char) || isCjk) lastBreak = i + 1;
  }
  return end;
}
