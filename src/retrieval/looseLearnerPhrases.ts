import { fnv1a } from "../text/fnv1a.js";
import { isEnglishStopWord } from "../text/tokenize.js";
import type { GlossaryEntry, GlossaryMatch } from "./glossary.js";
import { LEARNER_ENTRIES, stemOf, type LatinWords } from "./learnerPhrases.js";
import looseKeyData from "./looseLearnerPhraseKeys.json" with { type: "json" };

/**
 * The learners'-words layer (learnerPhrases.ts) matched loosely, for questions that say a phrase
 * of the vocabulary in other order or with words between: its pieces and their weights, the
 * phrases by piece, and findLooseLearnerPhrases. glossary.ts merges these matches with the exact ones.
 */
const LATIN_WORD = /[a-z0-9]+/gi;

/** Share of a phrase's piece weight a question must hold to match it loosely (chosen on tune; tests/eval/README.md). */
const LOOSE_COVERAGE = 0.6;

/** Pieces held by more phrases than this do not propose candidates (they still count toward coverage). */
const MAX_GENERATING_PHRASES = 24;

/** A Han character pair or an English word stem, where the text has it. */
interface Piece {
  key: string;
  start: number;
  end: number;
  /** A Han character pair (else a Latin word's stem). */
  pair?: true;
}

const HAN_RUNS = /\p{Script=Han}+/gu;

/** Two UTF-16 units of a text as one number: a Han pair's key without the string. */
function pairCode(text: string, at: number): number {
  return text.charCodeAt(at) * 0x10000 + text.charCodeAt(at + 1);
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const run of text.matchAll(HAN_RUNS)) {
    for (let i = 0; i + 1 < run[0].length; i++)
      out.push({ key: run[0].slice(i, i + 2), start: run.index + i, end: run.index + i + 2, pair: true });
  }
  for (const m of text.matchAll(LATIN_WORD)) {
    const word = m[0].toLowerCase();
    if (word.length < 2 || isEnglishStopWord(word)) continue;
    out.push({ key: stemOf(word), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface LoosePhrase {
  /** Its keys by id (LooseTable.keyIds). */
  keys: Int32Array;
  /** Each key's weight, in the keys' order. */
  weights: readonly number[];
  /** Position in the table: findLooseLearnerPhrases marks a phrase it has proposed by it. */
  serial: number;
  /** The keys' summed weight. */
  total: number;
  entries: GlossaryEntry[];
}

interface LooseTable {
  /** Every key of a phrase, by id: a question's pieces with no id can neither propose nor cover one. */
  keyIds: Map<string, number>;
  /**
   * The ids of the Han character pairs among them, by the pair's two UTF-16 units (first × 2^16 +
   * second): a question's pairs are looked up by number, not sliced into a string each.
   */
  pairIds: Map<number, number>;
  /** The Han character pairs among them by the pair itself, with their ids (the question scan walks them: glossary.ts). */
  pairKeys: Map<string, number>;
  /** Phrases by each of their keys' ids. */
  byKey: LoosePhrase[][];
  /** Per phrase, the last call that proposed it (calls are numbered; cleared only when the count wraps). */
  proposed: Int32Array;
  /** Per key id, the last call whose question held it, and where its first piece there starts and ends. */
  heldIn: Int32Array;
  heldStart: Int32Array;
  heldEnd: Int32Array;
}

let calls = 0;

let looseTable: LooseTable | undefined;

/**
 * The phrases' keys as loosePhraseTable reads them: every key once, numbered in the order the
 * phrases first hold them; each phrase of two keys or more as its entry (by number in
 * LEARNER_ENTRIES) and its keys' numbers, in order; and the numbers of the keys that are Han pairs,
 * in the order the phrases first hold them. What looseLearnerPhraseKeys.json holds.
 */
export interface LoosePhraseKeys {
  keys: string[];
  phrases: number[][];
  pairs: number[];
}

/** The learners' phrases' key (learnerPhrases.json's phrases): looseLearnerPhraseKeys.json is read only for the phrases it was written from. */
const PHRASES_KEY = (() => {
  const phrases = JSON.stringify(LEARNER_ENTRIES.map((learner) => learner.phrases));
  return `${fnv1a(phrases).toString(16)}:${phrases.length}`;
})();

/** Each phrase's pieces (Porter stems, Han pairs), numbered: the scan looseLearnerPhraseKeys.json saves a server's start (~50 ms of CPU). */
export function scannedLoosePhraseKeys(): LoosePhraseKeys & { source: string } {
  const keyIds = new Map<string, number>();
  const idOf = (key: string) => {
    let id = keyIds.get(key);
    if (id === undefined) keyIds.set(key, (id = keyIds.size));
    return id;
  };
  const phrases: number[][] = [];
  const pairKeys = new Set<string>();
  for (const [index, { phrases: texts }] of LEARNER_ENTRIES.entries()) {
    for (const phrase of texts) {
      const found = pieces(phrase.toLowerCase());
      const keys = [...new Set(found.map((p) => p.key))];
      if (keys.length < 2) continue;
      for (const piece of found) if (piece.pair) pairKeys.add(piece.key);
      phrases.push([index, ...keys.map(idOf)]);
    }
  }
  return { source: PHRASES_KEY, keys: [...keyIds.keys()], phrases, pairs: [...pairKeys].map((key) => keyIds.get(key)!) };
}

/**
 * The keys from looseLearnerPhraseKeys.json (written ahead of time by
 * `scripts/build-loose-learner-phrase-keys.ts`), or scanned when learnerPhrases.json has changed
 * since; tests/retrieval/looseLearnerPhrases.test.ts fails while the file is stale.
 */
function loosePhraseKeys(): LoosePhraseKeys {
  return looseKeyData.source === PHRASES_KEY ? looseKeyData : scannedLoosePhraseKeys();
}

function loosePhraseTable(): LooseTable {
  if (looseTable) return looseTable;
  const { keys, phrases, pairs } = loosePhraseKeys();
  // A key's weight: log(phrases / phrases holding it), so a piece many phrases share counts little.
  const df = new Int32Array(keys.length);
  for (const phrase of phrases) for (let k = 1; k < phrase.length; k++) df[phrase[k]!]!++;
  const weight = Array.from(df, (n) => Math.log(phrases.length / n));
  const keyIds = new Map(keys.map((key, id) => [key, id]));
  const pairIds = new Map<number, number>();
  for (const id of pairs) pairIds.set(pairCode(keys[id]!, 0), id);
  const pairKeyIds = new Map(pairs.map((id) => [keys[id]!, id]));
  const byKey = keys.map((): LoosePhrase[] => []);
  for (let serial = 0; serial < phrases.length; serial++) {
    // [entry, ...keys]: read by index, once per start, where destructuring cost more.
    const row = phrases[serial]!;
    const ids = new Int32Array(row.length - 1);
    const weights: number[] = [];
    let total = 0;
    for (let k = 1; k < row.length; k++) {
      const w = weight[row[k]!]!;
      ids[k - 1] = row[k]!;
      weights.push(w);
      total += w;
    }
    const phrase: LoosePhrase = { keys: ids, weights, serial, total, entries: [LEARNER_ENTRIES[row[0]!]!.entry] };
    for (const id of ids) byKey[id]!.push(phrase);
  }
  const keyCount = keyIds.size;
  looseTable = {
    keyIds,
    pairIds,
    pairKeys: pairKeyIds,
    byKey,
    proposed: new Int32Array(phrases.length),
    heldIn: new Int32Array(keyCount),
    heldStart: new Int32Array(keyCount),
    heldEnd: new Int32Array(keyCount),
  };
  return looseTable;
}

/** The Han character pairs of the phrases' keys, with their ids: what HeldPairs holds. */
export function loosePairs(): ReadonlyMap<string, number> {
  return loosePhraseTable().pairKeys;
}

/** The pairs of loosePairs a walk over the lowercased question found, in text order: ids and start positions. */
export interface HeldPairs {
  count: number;
  ids: Int32Array;
  starts: Int32Array;
}

/**
 * Learners' phrases found loosely: most of a phrase's pieces (Han character pairs, English word
 * stems, weighted by how few phrases share them) are in the question, in any order and with
 * anything between ("一步步把推理过程写出来" holds most of "一步步想" and "逐步推理"; "making stuff
 * up" most of "making things up"). A match spans the question from its first piece to its last,
 * words it did not match included, and is marked `loose`.
 */
export function findLooseLearnerPhrases(text: string, walkedPairs?: HeldPairs, latin?: LatinWords): GlossaryMatch[] {
  const table = loosePhraseTable();
  const { keyIds, pairIds, byKey, proposed, heldIn, heldStart, heldEnd } = table;
  if (calls === 0x7fffffff) {
    proposed.fill(0);
    heldIn.fill(0);
    calls = 0;
  }
  const call = ++calls;
  // The question's keys, each at its first piece, in the order first seen.
  // The pieces of pieces(), in its order (pairs, then words), without a string per pair.
  const held: number[] = [];
  const hold = (id: number | undefined, start: number, end: number) => {
    if (id === undefined || heldIn[id] === call) return;
    heldIn[id] = call;
    heldStart[id] = start;
    heldEnd[id] = end;
    held.push(id);
  };
  const lower = text.toLowerCase();
  if (walkedPairs) {
    // The question scan's walk found them (glossary.ts): the same pairs at the same places, in order.
    for (let k = 0; k < walkedPairs.count; k++) hold(walkedPairs.ids[k], walkedPairs.starts[k]!, walkedPairs.starts[k]! + 2);
  } else {
    for (const run of lower.matchAll(HAN_RUNS)) {
      const units = run[0];
      for (let i = 0; i + 1 < units.length; i++) hold(pairIds.get(pairCode(units, i)), run.index + i, run.index + i + 2);
    }
  }
  const holdWord = (start: number, end: number) => {
    const word = lower.slice(start, end).toLowerCase();
    if (word.length >= 2 && !isEnglishStopWord(word)) hold(keyIds.get(stemOf(word)), start, end);
  };
  // The lowercased question's Latin words, as the question scan's walk found them or read here.
  if (latin) for (let k = 0; k < latin.count; k++) holdWord(latin.starts[k]!, latin.ends[k]!);
  else for (const m of lower.matchAll(LATIN_WORD)) holdWord(m.index, m.index + m[0].length);
  // Candidates come from the question's telling pieces: a piece in many phrases (模型, 数据) adds
  // little to any phrase's coverage, and a phrase held through such pieces alone is held word for
  // word, which the exact matchers find. Each is judged once, in the order first proposed.
  const matches: GlossaryMatch[] = [];
  for (const id of held) {
    const phrases = byKey[id]!;
    if (phrases.length > MAX_GENERATING_PHRASES) continue;
    for (const phrase of phrases) {
      if (proposed[phrase.serial] === call) continue;
      proposed[phrase.serial] = call;
      const match = looseMatch(text, phrase, table, call);
      if (match) matches.push(match);
    }
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The phrase's match when the question holds two of its keys or more, weighing at least
 * LOOSE_COVERAGE of its total; one loop over its few keys (this runs for every proposed phrase).
 */
function looseMatch(text: string, phrase: LoosePhrase, table: LooseTable, call: number): GlossaryMatch | undefined {
  const { heldIn, heldStart, heldEnd } = table;
  let held = 0;
  let covered = 0;
  let start = Infinity;
  let end = -Infinity;
  for (let i = 0; i < phrase.keys.length; i++) {
    const id = phrase.keys[i]!;
    if (heldIn[id] !== call) continue;
    held++;
    // Summed in the keys' order from 0, as a reduce over the held keys does: the same floating-point total.
    covered += phrase.weights[i]!;
    if (heldStart[id]! < start) start = heldStart[id]!;
    if (heldEnd[id]! > end) end = heldEnd[id]!;
  }
  if (held < 2 || covered < LOOSE_COVERAGE * phrase.total) return undefined;
  return { surface: text.slice(start, end), start, end, entries: phrase.entries, loose: true };
}
