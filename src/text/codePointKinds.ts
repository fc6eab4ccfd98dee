/**
 * Whether a code point is a Han character (`\p{Script=Han}`) or whitespace (`\s`), as the `u`
 * patterns read them, from a table by UTF-16 unit filled on first use: a walk over a question's
 * code points with these reads its Han runs and pieces without a pattern's match objects. In a
 * server, `text.matchAll(/\p{Script=Han}+/gu)` over a question cost several µs per call (the
 * tokenizer's pieces, the re-ranker's bigrams); the walk a fraction of that.
 *
 * A unit is tested once with the pattern itself (a lone surrogate is neither); a code point
 * beyond the Basic Multilingual Plane is rare and asks the pattern each time.
 */
const HAN = /^\p{Script=Han}$/u;
const WHITESPACE = /^\s$/u;

/** By unit: 0 until first asked, else 1 + (Han ? 1 : 0) + (whitespace ? 2 : 0). */
const KINDS = new Uint8Array(0x10000);
const HAN_BIT = 1;
const WHITESPACE_BIT = 2;

function kindOfUnit(unit: number): number {
  let kind = KINDS[unit]!;
  if (kind === 0) {
    const char = String.fromCharCode(unit);
    kind = 1 + ((HAN.test(char) ? HAN_BIT : 0) | (WHITESPACE.test(char) ? WHITESPACE_BIT : 0));
    KINDS[unit] = kind;
  }
  return kind - 1;
}

/** Whether `point` (as String.prototype.codePointAt gives it) is a Han character. */
export function isHanCodePoint(point: number): boolean {
  if (point > 0xffff) return HAN.test(String.fromCodePoint(point));
  return (kindOfUnit(point) & HAN_BIT) !== 0;
}

/** Whether `point` (as String.prototype.codePointAt gives it) is whitespace (`\s`). */
export function isWhitespaceCodePoint(point: number): boolean {
  if (point > 0xffff) return WHITESPACE.test(String.fromCodePoint(point));
  return (kindOfUnit(point) & WHITESPACE_BIT) !== 0;
}

/**
 * Each Han run of a text, in order, as its start and end (UTF-16 offsets): the runs
 * `/\p{Script=Han}+/gu` finds, read by a code-point walk over the table.
 */
export function forEachHanRun(text: string, visit: (start: number, end: number) => void): void {
  for (let i = 0; i < text.length;) {
    const point = text.codePointAt(i)!;
    if (!isHanCodePoint(point)) {
      i += point > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    while (i < text.length) {
      const next = text.codePointAt(i)!;
      if (!isHanCodePoint(next)) break;
      i += next > 0xffff ? 2 : 1;
    }
    visit(start, i);
  }
}

/** The Han runs of a text, in order: what `text.match(/\p{Script=Han}+/gu) ?? []` gives, read by the walk. */
export function hanRunsOf(text: string): string[] {
  const runs: string[] = [];
  forEachHanRun(text, (start, end) => runs.push(text.slice(start, end)));
  return runs;
}

/** How many UTF-16 units of a text are Han characters: `text.replace(/[^\p{Script=Han}]/gu, "").length`, read by the walk. */
export function hanUnitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length;) {
    const point = text.codePointAt(i)!;
    const units = point > 0xffff ? 2 : 1;
    if (isHanCodePoint(point)) count += units;
    i += units;
  }
  return count;
}
