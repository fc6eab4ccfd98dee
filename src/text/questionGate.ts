import { ignoreCaseTester } from "./ignoreCaseTest.js";
import {
  matchStarts,
  patternGate,
  startsFromStored,
  storedStarts,
  type MatchStarts,
  type PatternGate,
  type StoredStarts,
} from "./patternStarts.js";
import written from "./questionGateStarts.json" with { type: "json" };

/**
 * One reading of a text for the question rules of every module: the patterns registered here
 * (gatedTest, mayMatchGated) are gated together, 32 to a gate (patternStarts.ts), and a text is
 * read once per gate, the first time one of its patterns is asked about that text. A pattern the
 * reading closes cannot match the text, and its test is skipped; an open one is run as before.
 *
 * Before, each module ran its own patterns over the question, each pattern a scan of the whole
 * text (a bench ask ran ~270 of them, about half on texts holding none of the characters a match
 * of theirs starts with). The detail rules have their own gate (detailKinds.ts); this one is for
 * the rules scattered over the question's readers.
 *
 * Only ever skips a test that could not have matched (patternStarts.ts says why), so every answer
 * is the pattern's own.
 */

/** Patterns in registration order; pattern k is bit k % 32 of gate k >> 5. */
const registered: RegExp[] = [];
/** The gates made so far (the last one may hold fewer than 32 patterns), remade past a registration. */
let gates: PatternGate[] = [];
let gatedCount = 0;

/**
 * How each registered pattern can start a match, read from questionGateStarts.json (written ahead of
 * time by scripts/build-question-gate-starts.ts) instead of from the patterns' sources on a server's
 * first question (~35–45 ms for two dozen, code run once and cold). A pattern the table lacks (edited
 * or added since) is read from its source as before: slower, never wrong.
 * tests/text/questionGateStarts.test.ts fails until the script is rerun.
 */
const WRITTEN_STARTS = written.starts as unknown as Record<string, StoredStarts>;

function startsOf(pattern: RegExp): MatchStarts | "any" {
  const stored = WRITTEN_STARTS[patternKey(pattern)];
  return stored !== undefined ? startsFromStored(stored) : matchStarts(pattern);
}

/** A pattern's key in the table: its source and flags, as a literal writes them. */
function patternKey(pattern: RegExp): string {
  return `/${pattern.source}/${pattern.flags}`;
}

/** The table of every registered pattern's starts, as the script writes it. */
export function questionGateTable(): { starts: Record<string, StoredStarts> } {
  return { starts: Object.fromEntries(registered.map((pattern) => [patternKey(pattern), storedStarts(matchStarts(pattern))])) };
}

/** A reading of one text: each gate's open bits, read when first asked for. */
interface Reading {
  text: string;
  bits: Int32Array;
  /** 1 where bits holds gate k's reading. */
  read: Uint8Array;
}

/**
 * The last few texts read: a request asks about its question, its search form and a few short
 * pieces of them, in turn; a ring, so a lookup is a few comparisons (mostly of lengths).
 */
const RECENT_READINGS = 8;
let readings: (Reading | undefined)[] = new Array<Reading | undefined>(RECENT_READINGS);
let nextReading = 0;

function register(pattern: RegExp): number {
  registered.push(pattern);
  return registered.length - 1;
}

/** The gates over every pattern registered so far (remade when patterns came in since: a module loaded late). */
function currentGates(): PatternGate[] {
  if (gatedCount !== registered.length) {
    const made: PatternGate[] = [];
    for (let from = 0; from < registered.length; from += 32) {
      // A full gate made before still holds the same 32 patterns.
      made.push(from + 32 <= gatedCount ? gates[from >> 5]! : patternGate(registered.slice(from, from + 32), startsOf));
    }
    gates = made;
    gatedCount = registered.length;
    // Readings made with fewer gates have no room for the new ones.
    readings = new Array<Reading | undefined>(RECENT_READINGS);
  }
  return gates;
}

function readingOf(text: string, gateCount: number): Reading {
  for (const reading of readings) if (reading !== undefined && reading.text === text) return reading;
  const reading: Reading = { text, bits: new Int32Array(gateCount), read: new Uint8Array(gateCount) };
  readings[nextReading] = reading;
  nextReading = (nextReading + 1) % RECENT_READINGS;
  return reading;
}

function mayMatch(id: number, text: string): boolean {
  const all = currentGates();
  const gate = id >> 5;
  const reading = readingOf(text, all.length);
  if (reading.read[gate] === 0) {
    reading.bits[gate] = all[gate]!.mayMatch(text);
    reading.read[gate] = 1;
  }
  return (reading.bits[gate]! & (1 << (id & 31))) !== 0;
}

/**
 * Whether `pattern` can match `text` at all (false only where it cannot), from the shared
 * reading: for a pattern used with replace, match or matchAll, whose call is skipped when the
 * answer is false. Flags g and y are allowed (the gate reads the whole text, from its start).
 */
export function mayMatchGated(pattern: RegExp): (text: string) => boolean {
  const id = register(pattern);
  return (text) => mayMatch(id, text);
}

/**
 * `pattern.test(text)` (through its ignore-case twin where one reads alike: ignoreCaseTest.ts),
 * skipped where the shared reading says the pattern cannot match. Not for a global or sticky
 * pattern, whose test depends on lastIndex.
 */
export function gatedTest(pattern: RegExp): (text: string) => boolean {
  if (pattern.global || pattern.sticky) throw new Error(`gatedTest reads no global or sticky pattern: /${pattern.source}/${pattern.flags}`);
  const id = register(pattern);
  const test = ignoreCaseTester(pattern);
  return (text) => mayMatch(id, text) && test(text);
}
