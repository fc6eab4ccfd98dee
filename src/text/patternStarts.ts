import { unitsWithCaseOutsideAscii } from "./ignoreCaseTest.js";

/**
 * Which of a set of patterns can match a text at all, from one pass over its characters: a
 * pattern that matches consumes a first character, and that character is one a match of the
 * pattern can start with. So a text holding none of a pattern's start characters cannot match it,
 * and the pattern's test is skipped. The question's detail kinds are ~22 patterns of Chinese and
 * English words, and a question holds the start characters of a few.
 *
 * The start characters are read from the pattern's source (startUnits below). Whatever the reading
 * does not follow (`.`, a negated class, `\S`, `\p{…}`, a character written by escape, a
 * back-reference, a pattern that can match the empty string) makes the pattern one that is always
 * tested: the gate only ever skips a test that could not have matched.
 */

/** A set of UTF-16 units, or "any" when the reading cannot tell. */
type Units = ReadonlySet<number> | "any";
/** The first two units of matches longer than one, by the first; "any" for a second the reading does not bound. */
type Pairs = ReadonlyMap<number, Units> | "any";

/** What a piece of a pattern can match, as far as the gate needs it. */
interface Piece {
  /** Whether the piece can match without consuming a character. */
  empty: boolean;
  /** The characters it can match alone (a match one unit long). */
  one: Units;
  /** The characters its matches can start with. */
  starts: Units;
  /** The first two units of its matches of two units or more. */
  pairs: Pairs;
}

const NONE: ReadonlySet<number> = new Set();
const NO_PAIRS: ReadonlyMap<number, Units> = new Map();
const NOTHING: Piece = { empty: true, one: NONE, starts: NONE, pairs: NO_PAIRS };
const ANYTHING: Piece = { empty: false, one: "any", starts: "any", pairs: "any" };
/** A back-reference: it can be empty, or anything. */
const ANYTHING_OR_EMPTY: Piece = { empty: true, one: "any", starts: "any", pairs: "any" };
/** More second units than this after one first unit are read as any second: the table stays small. */
const MAX_SECONDS = 64;

/**
 * An ASCII word character right after `\b` ("\bhow much") starts a match only where a word
 * starts: it is read as its own unit plus AT_WORD_START, a unit no text holds, looked up only at
 * a word's start. "how" then opens nothing inside "should". As a second unit it is itself again.
 */
const AT_WORD_START = 0x10000;
const isAsciiWordUnit = (unit: number): boolean =>
  (unit >= 0x30 && unit <= 0x39) || (unit >= 0x41 && unit <= 0x5a) || (unit >= 0x61 && unit <= 0x7a) || unit === 0x5f;

const single = (units: Units): Piece => ({ empty: false, one: units, starts: units, pairs: NO_PAIRS });

/** What `\s` matches, with or without `u` (the ECMAScript WhiteSpace and LineTerminator characters). */
export const WHITESPACE_UNITS: readonly number[] = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

const codes = (from: string, to: string): number[] => {
  const out: number[] = [];
  for (let unit = from.charCodeAt(0); unit <= to.charCodeAt(0); unit++) out.push(unit);
  return out;
};
const DIGIT_UNITS = codes("0", "9");
/** `\w` without `u` (with `iu` it also holds ſ and the Kelvin sign, which the gate treats as any pattern's start). */
const WORD_UNITS = [...codes("a", "z"), ...codes("A", "Z"), ...DIGIT_UNITS, "_".charCodeAt(0)];

function unionUnits(a: Units, b: Units): Units {
  if (a === "any" || b === "any") return "any";
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const out = new Set(a);
  for (const unit of b) out.add(unit);
  return out;
}

function unionPairs(a: Pairs, b: Pairs): Pairs {
  if (a === "any" || b === "any") return "any";
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  const out = new Map(a);
  for (const [first, seconds] of b) out.set(first, boundedSeconds(unionUnits(out.get(first) ?? NONE, seconds)));
  return out;
}

const boundedSeconds = (seconds: Units): Units => (seconds !== "any" && seconds.size > MAX_SECONDS ? "any" : seconds);

/** Every pair of a unit of `firsts` followed by a unit of `seconds` (a second is never at a word's start). */
function pairsOf(firsts: Units, seconds: Units): Pairs {
  if (firsts === "any") return "any";
  if (seconds !== "any" && seconds.size === 0) return NO_PAIRS;
  const second = seconds === "any" ? seconds : new Set([...seconds].map((unit) => unit % AT_WORD_START));
  const out = new Map<number, Units>();
  for (const first of firsts) out.set(first, boundedSeconds(second));
  return out;
}

/** A piece right after `\b`: its ASCII word characters in the first place count only at a word's start. */
function atWordStart(piece: Piece): Piece {
  const mark = (unit: number) => (isAsciiWordUnit(unit) ? unit + AT_WORD_START : unit);
  const units = (set: Units): Units => (set === "any" ? set : new Set([...set].map(mark)));
  const pairs = piece.pairs === "any" ? piece.pairs : new Map([...piece.pairs].map(([first, seconds]) => [mark(first), seconds] as const));
  return { empty: piece.empty, one: units(piece.one), starts: units(piece.starts), pairs };
}

/** `a` then `b`. */
function sequenceOf(a: Piece, b: Piece): Piece {
  return {
    empty: a.empty && b.empty,
    one: unionUnits(b.empty ? a.one : NONE, a.empty ? b.one : NONE),
    starts: unionUnits(a.starts, a.empty ? b.starts : NONE),
    pairs: unionPairs(unionPairs(a.pairs, pairsOf(a.one, b.starts)), a.empty ? b.pairs : NO_PAIRS),
  };
}

function alternativeOf(a: Piece, b: Piece): Piece {
  return {
    empty: a.empty || b.empty,
    one: unionUnits(a.one, b.one),
    starts: unionUnits(a.starts, b.starts),
    pairs: unionPairs(a.pairs, b.pairs),
  };
}

/** A reader of one pattern's source, piece by piece. */
class StartReader {
  private at = 0;

  constructor(private readonly source: string) {}

  read(): Piece {
    const piece = this.alternation();
    // Anything left over (an unmatched ")") is a source this reader does not follow.
    return this.at === this.source.length ? piece : ANYTHING;
  }

  private alternation(): Piece {
    let piece = this.sequence();
    while (this.source[this.at] === "|") {
      this.at++;
      piece = alternativeOf(piece, this.sequence());
    }
    return piece;
  }

  private sequence(): Piece {
    let piece = NOTHING;
    // Whether a `\b` came last, with nothing consumed before it: the next piece starts at a boundary.
    let boundary = false;
    while (this.at < this.source.length && this.source[this.at] !== "|" && this.source[this.at] !== ")") {
      const at = this.at;
      const next = this.quantified(this.atom());
      piece = sequenceOf(piece, boundary ? atWordStart(next) : next);
      boundary = this.source.slice(at, this.at) === "\\b" && consumesNothing(piece);
    }
    return piece;
  }

  private quantified(piece: Piece): Piece {
    const rest = this.source.slice(this.at);
    const count = /^(?:[*+?]|\{(\d+)(?:,\d*)?\})/.exec(rest);
    if (!count) return piece;
    this.at += count[0].length;
    if (this.source[this.at] === "?") this.at++;
    // Repeated, a piece can also start with one match of it and go on with the next.
    const repeated =
      count[0] === "?" || count[0] === "{1}" ? piece : { ...piece, pairs: unionPairs(piece.pairs, pairsOf(piece.one, piece.starts)) };
    const none = count[0] === "*" || count[0] === "?" || count[1] === "0";
    return none ? { ...repeated, empty: true } : repeated;
  }

  private atom(): Piece {
    const char = this.source[this.at]!;
    if (char === "(") return this.group();
    if (char === "[") return this.characterClass();
    if (char === "\\") return this.escape();
    this.at++;
    if (char === "^" || char === "$") return NOTHING;
    if (char === ".") return ANYTHING;
    const unit = char.charCodeAt(0);
    // A surrogate half written in the source: the astral character it starts is no unit to look up.
    if (unit >= 0xd800 && unit <= 0xdfff) return ANYTHING;
    return single(new Set([unit]));
  }

  private group(): Piece {
    const rest = this.source.slice(this.at);
    const opening = /^\((?:\?(?:[:=!]|<[=!]|<[A-Za-z_$][\w$]*>))?/.exec(rest)![0];
    this.at += opening.length;
    const inner = this.alternation();
    if (this.source[this.at] !== ")") return ANYTHING;
    this.at++;
    // A lookaround consumes nothing: the match's first character comes after it.
    const lookaround = opening === "(?=" || opening === "(?!" || opening === "(?<=" || opening === "(?<!";
    return lookaround ? NOTHING : inner;
  }

  private escape(): Piece {
    const next = this.source[this.at + 1];
    this.at += 2;
    if (next === undefined) return ANYTHING;
    if (next === "b" || next === "B") return NOTHING;
    const set = classEscape(next);
    if (set === "any") return ANYTHING;
    if (set) return single(new Set(set));
    // A back-reference can be empty; \c, \x, \u, \k write what this reader does not follow.
    if (/[0-9cxuk]/.test(next)) return ANYTHING_OR_EMPTY;
    return single(new Set([identityEscape(next)]));
  }

  private characterClass(): Piece {
    this.at++;
    if (this.source[this.at] === "^") return this.skipClass();
    const units = new Set<number>();
    let previous: number | undefined;
    while (this.at < this.source.length && this.source[this.at] !== "]") {
      const char = this.source[this.at]!;
      if (char === "-" && previous !== undefined && this.source[this.at + 1] !== "]") {
        const end = this.classUnit();
        if (end === undefined) return this.skipClass();
        for (let unit = previous; unit <= end; unit++) units.add(unit);
        previous = undefined;
        continue;
      }
      if (char === "\\") {
        const set = classEscape(this.source[this.at + 1] ?? "");
        if (set === "any") return this.skipClass();
        if (set) {
          this.at += 2;
          for (const unit of set) units.add(unit);
          previous = undefined;
          continue;
        }
      }
      const unit = this.classUnit(true);
      if (unit === undefined) return this.skipClass();
      units.add(unit);
      previous = unit;
    }
    if (this.source[this.at] !== "]") return ANYTHING;
    this.at++;
    return single(units);
  }

  /** One character of a class (after a "-" when `first` is false), or undefined for what the reader does not follow. */
  private classUnit(first = false): number | undefined {
    if (!first) this.at++;
    const char = this.source[this.at];
    if (char === undefined || char === "]") return undefined;
    if (char === "\\") {
      const next = this.source[this.at + 1] ?? "";
      this.at += 2;
      if (next === "b") return 0x08;
      if (/[0-9cxuk]/.test(next) || classEscape(next)) return undefined;
      return identityEscape(next);
    }
    this.at++;
    const unit = char.charCodeAt(0);
    return unit >= 0xd800 && unit <= 0xdfff ? undefined : unit;
  }

  /** A class this reader does not follow: skipped to its end, read as any character. */
  private skipClass(): Piece {
    while (this.at < this.source.length && this.source[this.at] !== "]") this.at += this.source[this.at] === "\\" ? 2 : 1;
    this.at++;
    return ANYTHING;
  }
}

/** Whether a piece can only match the empty string (assertions alone). */
function consumesNothing(piece: Piece): boolean {
  return piece.empty && piece.one !== "any" && piece.one.size === 0 && piece.starts !== "any" && piece.starts.size === 0;
}

/** The units of `\d`, `\s`, `\w`; "any" for their negations and a property; undefined for another escape. */
function classEscape(letter: string): readonly number[] | "any" | undefined {
  if (letter === "d") return DIGIT_UNITS;
  if (letter === "s") return WHITESPACE_UNITS;
  if (letter === "w") return WORD_UNITS;
  if (letter === "D" || letter === "S" || letter === "W" || letter === "p" || letter === "P") return "any";
  return undefined;
}

const CONTROL_ESCAPES: Record<string, number> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b, "0": 0 };

function identityEscape(letter: string): number {
  return CONTROL_ESCAPES[letter] ?? letter.charCodeAt(0);
}

/** How a match of a pattern starts: a unit alone (`one`, or a first unit of `pairs` with any second), or a pair of units. */
export interface MatchStarts {
  one: ReadonlySet<number>;
  pairs: ReadonlyMap<number, ReadonlySet<number>>;
}

/**
 * How a match of `pattern` starts, or "any" when the reading cannot tell (see above). With `i`,
 * an ASCII letter stands for both its cases; a letter with case outside ASCII makes it "any".
 */
export function matchStarts(pattern: RegExp): MatchStarts | "any" {
  const piece = new StartReader(pattern.source).read();
  if (piece.empty || piece.one === "any" || piece.pairs === "any") return "any";
  const ignoreCase = pattern.flags.includes("i");
  const cased = unitsWithCaseOutsideAscii();
  const cases = (units: ReadonlySet<number>): Set<number> | undefined => {
    if (!ignoreCase) return new Set(units);
    const out = new Set<number>();
    for (const unit of units) {
      const real = unit % AT_WORD_START;
      if (cased[real] === 1) return undefined;
      out.add(unit);
      const char = String.fromCharCode(real);
      if (/[A-Za-z]/.test(char))
        out.add(unit - real + (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()).charCodeAt(0));
    }
    return out;
  };
  const one = cases(piece.one);
  if (!one) return "any";
  const pairs = new Map<number, Set<number>>();
  for (const [first, seconds] of piece.pairs) {
    const firsts = cases(new Set([first]));
    if (!firsts) return "any";
    // A first unit with any second opens the pattern alone.
    const bounded = seconds === "any" ? undefined : cases(seconds);
    if (seconds !== "any" && !bounded) return "any";
    for (const unit of firsts) {
      if (!bounded) one.add(unit);
      else for (const second of bounded) (pairs.get(unit) ?? pairs.set(unit, new Set()).get(unit)!).add(second);
    }
  }
  return { one, pairs };
}

/** MatchStarts as JSON holds them: the units, and each first unit with its seconds. */
export type StoredStarts = "any" | { one: number[]; pairs: [number, number[]][] };

export function storedStarts(starts: MatchStarts | "any"): StoredStarts {
  if (starts === "any") return "any";
  return { one: [...starts.one], pairs: [...starts.pairs].map(([first, seconds]) => [first, [...seconds]]) };
}

export function startsFromStored(stored: StoredStarts): MatchStarts | "any" {
  if (stored === "any") return "any";
  return { one: new Set(stored.one), pairs: new Map(stored.pairs.map(([first, seconds]) => [first, new Set(seconds)])) };
}

/** Bits of the patterns that may match; pattern k is bit k (at most 32 patterns). */
export interface PatternGate {
  mayMatch(text: string): number;
  /**
   * `text` with each of `everywhere` (the gate's patterns, each global) replaced in turn, skipping
   * those that cannot match the text as it stands. A replacement changes the text, which can open
   * a pattern that was closed, so the gate reads the text again after each one that changed it.
   */
  replaceInTurn(text: string, everywhere: readonly RegExp[], replacement: string): string;
}

/**
 * The pairs of units a gate's patterns start with and the bits each opens: a hash table with its
 * keys (open addressing, at most a quarter full), so a text's pair opens only the patterns that
 * start with that very pair. (Slots without keys made a question's thirty pairs open a pattern
 * or two by chance nearly every time.)
 */
class PairTable {
  private readonly firsts: Uint32Array;
  private readonly seconds: Uint16Array;
  private readonly bits: Uint32Array;
  private readonly shift: number;
  private readonly mask: number;

  constructor(pairs: number) {
    let slotBits = 10;
    while (1 << slotBits < 4 * pairs) slotBits++;
    this.firsts = new Uint32Array(1 << slotBits);
    this.seconds = new Uint16Array(1 << slotBits);
    this.bits = new Uint32Array(1 << slotBits);
    this.shift = 32 - slotBits;
    this.mask = (1 << slotBits) - 1;
  }

  /** The top bits of a multiplicative hash: every bit of either unit (a word start's mark too) moves them. */
  private slot(first: number, second: number): number {
    return Math.imul(first ^ Math.imul(second, 0x85ebca6b), 0x9e3779b1) >>> this.shift;
  }

  add(first: number, second: number, bits: number): void {
    let slot = this.slot(first, second);
    // A first unit is stored plus one: 0 marks an empty slot.
    while (this.firsts[slot] !== 0 && (this.firsts[slot] !== first + 1 || this.seconds[slot] !== second)) slot = (slot + 1) & this.mask;
    this.firsts[slot] = first + 1;
    this.seconds[slot] = second;
    this.bits[slot]! |= bits;
  }

  get(first: number, second: number): number {
    let slot = this.slot(first, second);
    for (;;) {
      const stored = this.firsts[slot]!;
      if (stored === 0) return 0;
      if (stored === first + 1 && this.seconds[slot] === second) return this.bits[slot]!;
      slot = (slot + 1) & this.mask;
    }
  }
}

/** The units unitsWithCaseOutsideAscii marks, in order: listed once for every gate (a walk over 65,536 units). */
let casedUnitList: readonly number[] | undefined;

function unitsWithCaseOutsideAsciiListed(): readonly number[] {
  if (!casedUnitList) {
    const cased = unitsWithCaseOutsideAscii();
    const units: number[] = [];
    for (let unit = 0; unit < 0x10000; unit++) if (cased[unit] === 1) units.push(unit);
    casedUnitList = units;
  }
  return casedUnitList;
}

/** How many patterns one gate holds: its answer is one int32's bits. */
export const PATTERNS_PER_GATE = 32;

/** `items` in runs of PATTERNS_PER_GATE, in order: run g is what gate g of patternGates holds. */
export function inGates<T>(items: readonly T[]): T[][] {
  const runs: T[][] = [];
  for (let first = 0; first < items.length; first += PATTERNS_PER_GATE) runs.push(items.slice(first, first + PATTERNS_PER_GATE));
  return runs;
}

/**
 * Gates over any number of patterns, one per run of inGates: pattern k is bit k % PATTERNS_PER_GATE
 * of gate ⌊k / PATTERNS_PER_GATE⌋.
 */
export function patternGates(patterns: readonly RegExp[], startsOf?: (pattern: RegExp) => MatchStarts | "any"): PatternGate[] {
  return inGates(patterns).map((run) => patternGate(run, startsOf));
}

/**
 * A gate over up to 32 patterns: `mayMatch(text)` has bit k set for every pattern k that matches
 * somewhere in `text` (and for some that do not). Two table lookups per character of the text:
 * the character alone, and the character with the next (four at a word's start). Under `i`, a character with case outside
 * ASCII (ſ, the Kelvin sign, Σ) or a surrogate opens every case-insensitive pattern: how it folds
 * is left to the pattern.
 *
 * `startsOf` reads a pattern's starts (matchStarts, or a table of them written ahead of time).
 */
export function patternGate(patterns: readonly RegExp[], startsOf: (pattern: RegExp) => MatchStarts | "any" = matchStarts): PatternGate {
  if (patterns.length > PATTERNS_PER_GATE)
    throw new Error(`a pattern gate holds at most ${PATTERNS_PER_GATE} patterns, not ${patterns.length}`);
  const alone = new Uint32Array(AT_WORD_START + 0x80);
  let always = 0;
  const casedUnits = unitsWithCaseOutsideAsciiListed();
  const starts = patterns.map(startsOf);
  let pairCount = 0;
  for (const start of starts) if (start !== "any") for (const seconds of start.pairs.values()) pairCount += seconds.size;
  const paired = new PairTable(pairCount);
  // The case-insensitive patterns' bits, OR'd into every unit with case outside ASCII in one loop
  // after (one per pattern was ~30 ms of cold code on a server's first question for two dozen).
  let ignoringCase = 0;
  patterns.forEach((pattern, k) => {
    const bit = 1 << k;
    const start = starts[k]!;
    if (start === "any") {
      always |= bit;
      return;
    }
    for (const unit of start.one) alone[unit]! |= bit;
    for (const [first, seconds] of start.pairs) for (const second of seconds) paired.add(first, second, bit);
    if (pattern.flags.includes("i")) ignoringCase |= bit;
  });
  if (ignoringCase !== 0) for (const unit of casedUnits) alone[unit]! |= ignoringCase;
  return {
    mayMatch(text) {
      let bits = always;
      // Whether the unit before is an ASCII word character: then no word starts here.
      let inWord = false;
      for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        const next = i + 1 < text.length ? text.charCodeAt(i + 1) : -1;
        bits |= alone[unit]!;
        if (next >= 0) bits |= paired.get(unit, next);
        if (unit < 0x80 && !inWord) {
          bits |= alone[unit + AT_WORD_START]!;
          if (next >= 0) bits |= paired.get(unit + AT_WORD_START, next);
        }
        inWord = isAsciiWordUnit(unit);
      }
      return bits;
    },
    replaceInTurn(text, everywhere, replacement) {
      let open = this.mayMatch(text);
      for (let k = 0; k < everywhere.length; k++) {
        if ((open & (1 << k)) === 0) continue;
        const replaced = text.replace(everywhere[k]!, replacement);
        if (replaced !== text) {
          text = replaced;
          open = this.mayMatch(text);
        }
      }
      return text;
    },
  };
}
