/**
 * `pattern.test(text)` for a case-insensitive Unicode pattern (flags `iu`), through the same
 * pattern without `u` where the two cannot differ. V8 (Node 20) runs an `iu` alternation of
 * Chinese and English words 5-10× slower than the same pattern with `i` alone (the detail
 * rules' 1-2 µs each against 0.1-0.2 µs over a bench question), and most questions a rule reads
 * are plain Chinese and ASCII.
 *
 * Why the twin gives the same answer, and when it is not used:
 * - Case: with `u`, two characters match ignoring case when their simple case foldings are equal;
 *   without it, when their single-character upper cases are, non-ASCII never matching ASCII. For
 *   ASCII letters and for characters without case the two rules agree; they differ only through
 *   characters with case outside ASCII (ſ folds to s and the Kelvin sign to k with `u` alone,
 *   which also puts them in `\w` and `\b`). So the twin is used only on a text without such a
 *   character, and only for a pattern whose own non-ASCII characters have no case and sit in no
 *   range (a range could hold ſ or the Kelvin sign) and that writes no character by escape.
 * - Code points: with `u`, `.`, a negated class and a count ({0,12}) read a surrogate pair as one
 *   character. The twin is used only on a text without surrogates, where units are code points.
 * - Syntax: `\p{…}`, `\P{…}` and `\u{…}` mean something else (or nothing) without `u`: a pattern
 *   holding one keeps its own test. Everything else valid with `u` reads the same without it.
 */

/** Any character with case outside ASCII, or a surrogate (an astral character or a lone half). */
const CASED_OUTSIDE_ASCII_OR_ASTRAL =
  /(?![A-Za-z])[\p{Cased}\p{Changes_When_Casefolded}\p{Changes_When_Casemapped}]|[\u{10000}-\u{10FFFF}]|[\uD800-\uDFFF]/u;

/** Escapes that write a character (or a property) the check of the pattern's characters cannot see. */
const OPAQUE_ESCAPE = /\\[pPux]|\\c/;
/** A range with a non-ASCII end ("一-龥"), or one written next to a non-ASCII character. */
const NON_ASCII_RANGE = /[^\0-\x7F]-|-[^\0-\x7F]/u;

/** Whether the pattern's non-ASCII characters all lack case and none is in a range or written by escape. */
function twinReadsAlike(pattern: RegExp): boolean {
  const { source, flags } = pattern;
  if (!flags.includes("i") || !flags.includes("u") || flags.includes("g") || flags.includes("y") || flags.includes("v")) return false;
  if (OPAQUE_ESCAPE.test(source) || NON_ASCII_RANGE.test(source)) return false;
  return !CASED_OUTSIDE_ASCII_OR_ASTRAL.test(source);
}

/** The last text asked about, and whether the twins may read it: one request tests many patterns on one question. */
let lastText: string | undefined;
let lastPlain = false;

/**
 * 1 for each UTF-16 unit that CASED_OUTSIDE_ASCII_OR_ASTRAL finds (a surrogate stands for its
 * astral character): a table lookup per unit instead of the pattern's three-way test (0.16 against
 * 0.6 µs on a bench question). Made at the first question (~5 ms), not at start-up.
 */
let unitsNotPlain: Uint8Array | undefined;

/** 1 for each UTF-16 unit with case outside ASCII, or a surrogate; also read by patternStarts.ts. */
export function unitsWithCaseOutsideAscii(): Uint8Array {
  if (!unitsNotPlain) {
    unitsNotPlain = new Uint8Array(0x10000);
    for (let unit = 0; unit <= 0xffff; unit++) unitsNotPlain[unit] = CASED_OUTSIDE_ASCII_OR_ASTRAL.test(String.fromCharCode(unit)) ? 1 : 0;
  }
  return unitsNotPlain;
}

/** Whether every non-ASCII character of `text` lacks case and is in the Basic Multilingual Plane. */
function plainText(text: string): boolean {
  if (text !== lastText) {
    const notPlain = unitsWithCaseOutsideAscii();
    let plain = true;
    for (let i = 0; i < text.length && plain; i++) if (notPlain[text.charCodeAt(i)] === 1) plain = false;
    lastText = text;
    lastPlain = plain;
  }
  return lastPlain;
}

/**
 * The pattern to run on a text: `pattern` itself, or its twin without `u` when `pattern` is
 * case-insensitive and Unicode and the text is plain. Either finds the same match (same index,
 * same groups): for every character of such a text both read the same set of pattern characters.
 */
export function ignoreCaseTwin(pattern: RegExp): (text: string) => RegExp {
  if (!twinReadsAlike(pattern)) return () => pattern;
  const twin = new RegExp(pattern.source, pattern.flags.replace("u", ""));
  return (text) => (plainText(text) ? twin : pattern);
}

/** A test with `pattern`'s answers (ignoreCaseTwin's pattern for the text). */
export function ignoreCaseTester(pattern: RegExp): (text: string) => boolean {
  const patternFor = ignoreCaseTwin(pattern);
  return (text) => patternFor(text).test(text);
}
