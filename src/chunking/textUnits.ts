/**
 * Size of a text in "units": one per CJK character plus one per latin word or number. Counting
 * characters would make English chunks 5x larger than Chinese ones; counting whitespace words
 * would make a Chinese paragraph one "word". A URL is one unit: it is a single thing to a reader.
 */
const URL = /(?:https?:\/\/|www\.)[^\s)\]）】」>"']+/gi;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

export function countUnits(text: string): number {
  // A text with a URL or a character beyond the BMP is rare: the patterns read it.
  if (URL_START.test(text) || SURROGATE.test(text)) return countUnitsByPatterns(text);
  for (let i = 0; i < text.length; i++) if (unitKinds[text.charCodeAt(i)] === UNKNOWN) learnKind(text.charCodeAt(i));
  const kinds = unitKinds;
  let units = 0;
  for (let i = 0; i < text.length;) {
    const kind = kinds[text.charCodeAt(i)]!;
    i++;
    if (kind === CJK_UNIT) units++;
    else if (kind === WORD_CHARACTER) {
      // LATIN_WORD from here, where a CJK character is a space (the patterns replace it by one).
      units++;
      for (;;) {
        while (i < text.length && kinds[text.charCodeAt(i)] === WORD_CHARACTER) i++;
        if (i + 1 < text.length && kinds[text.charCodeAt(i)] === JOINER && kinds[text.charCodeAt(i + 1)] === WORD_CHARACTER) i += 2;
        else break;
      }
    }
  }
  return units;
}

/** countUnits by its three patterns: URLs out, CJK characters out, latin words counted. */
export function countUnitsByPatterns(text: string): number {
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
 * countUnits reads a text without a URL or a surrogate code unit character by character: each
 * BMP character's kind, from the same patterns, learnt the first time it is met (a corpus has a
 * few thousand distinct characters). The patterns' callbacks (one call per CJK character) were a
 * third of chunking a large corpus.
 */
const URL_START = /https?:\/\/|www\./i;
const SURROGATE = /[\ud800-\udfff]/;
const OTHER = 0;
const CJK_UNIT = 1;
/** \p{L} or \p{N}, not CJK. */
const WORD_CHARACTER = 2;
/** What may join two parts of one latin word: ' ’ . - */
const JOINER = 3;
const UNKNOWN = 255;
const unitKinds = new Uint8Array(0x10000).fill(UNKNOWN);
const CJK_CHARACTER = new RegExp(CJK.source, "u");
const WORD = /[\p{L}\p{N}]/u;

function learnKind(code: number): void {
  const char = String.fromCharCode(code);
  unitKinds[code] = CJK_CHARACTER.test(char) ? CJK_UNIT : WORD.test(char) ? WORD_CHARACTER : "'’.-".includes(char) ? JOINER : OTHER;
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
