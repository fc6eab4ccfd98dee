/**
 * Sentence boundaries for mixed Chinese/English text. Chinese terminators (。！？；…) always end a
 * sentence; latin ones (. ! ? ;) only before whitespace or the end of the line, and a period
 * never ends "e.g." / "i.e." / "etc." / a list number "1." — so decimals and URLs stay whole.
 * Line breaks always end a sentence.
 */

export interface SentenceSpan {
  /** [start, end) offsets in the line, trimmed of surrounding whitespace. */
  start: number;
  end: number;
}

const CJK_TERMINATOR = /[。！？；…]/;
const LATIN_TERMINATOR = /[.!?;]/;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const CLOSER = /[”’"'）)\]】」』》〉]/;
const ABBREVIATIONS = new Set([
  "e.g",
  "i.e",
  "etc",
  "vs",
  "cf",
  "al",
  "mr",
  "mrs",
  "ms",
  "dr",
  "prof",
  "fig",
  "no",
  "vol",
  "approx",
  "inc",
  "ltd",
  "st",
  "jr",
  "sr",
]);

export function sentenceSpans(line: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    let boundary = false;
    if (CJK_TERMINATOR.test(char)) {
      boundary = true;
    } else if (LATIN_TERMINATOR.test(char)) {
      // Chinese text often uses half-width "!" "?" "." with no space before the next sentence.
      const next = line[i + 1];
      const nextIsBreak = next === undefined || /\s/.test(next) || CLOSER.test(next) || CJK_CHAR.test(next);
      boundary = nextIsBreak && !(char === "." && isNonFinalPeriod(line, start, i));
    }
    if (!boundary) continue;
    let end = i + 1;
    while (end < line.length && (CJK_TERMINATOR.test(line[end]!) || LATIN_TERMINATOR.test(line[end]!) || CLOSER.test(line[end]!))) end++;
    pushTrimmed(line, start, end, spans);
    start = end;
    i = end - 1;
  }
  pushTrimmed(line, start, line.length, spans);
  return spans;
}

/** The sentences of a text (line breaks included as boundaries), as strings. */
export function splitSentences(text: string): string[] {
  return text.split(/\r?\n/).flatMap((line) => sentenceSpans(line).map((span) => line.slice(span.start, span.end)));
}

function isNonFinalPeriod(line: string, sentenceStart: number, index: number): boolean {
  const before = line.slice(sentenceStart, index);
  const word = /([\p{L}\p{N}.]+)$/u.exec(before)?.[1] ?? "";
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // A single capital letter: an initial ("J. Smith"), not the end of a sentence.
  if (/^\p{Lu}$/u.test(word)) return true;
  // "1." / "12." opening the line is a list number.
  return /^\s*\d{1,3}$/.test(before);
}

function pushTrimmed(line: string, start: number, end: number, spans: SentenceSpan[]): void {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(line[s]!)) s++;
  while (e > s && /\s/.test(line[e - 1]!)) e--;
  if (e > s) spans.push({ start: s, end: e });
}
