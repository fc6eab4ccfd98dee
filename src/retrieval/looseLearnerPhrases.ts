import { isEnglishStopWord } from "../text/tokenize.js";
import type { GlossaryEntry, GlossaryMatch } from "./glossary.js";
import { LEARNER_ENTRIES, stemOf } from "./learnerPhrases.js";

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
}

function pieces(text: string): Piece[] {
  const out: Piece[] = [];
  for (const run of text.matchAll(/\p{Script=Han}+/gu)) {
    for (let i = 0; i + 1 < run[0].length; i++) out.push({ key: run[0].slice(i, i + 2), start: run.index + i, end: run.index + i + 2 });
  }
  for (const m of text.matchAll(LATIN_WORD)) {
    const word = m[0].toLowerCase();
    if (word.length < 2 || isEnglishStopWord(word)) continue;
    out.push({ key: stemOf(word), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

interface LoosePhrase {
  keys: readonly string[];
  /** The keys' summed weight. */
  total: number;
  entries: GlossaryEntry[];
}

interface LooseTable {
  /** Phrases by each of their keys. */
  byKey: Map<string, LoosePhrase[]>;
  /** A key's weight: log(phrases / phrases holding it), so a piece many phrases share counts little. */
  weight: Map<string, number>;
}

let looseTable: LooseTable | undefined;

function loosePhraseTable(): LooseTable {
  if (looseTable) return looseTable;
  const all: { keys: string[]; entry: GlossaryEntry }[] = [];
  for (const { entry, phrases } of LEARNER_ENTRIES) {
    for (const phrase of phrases) {
      const keys = [...new Set(pieces(phrase.toLowerCase()).map((p) => p.key))];
      if (keys.length >= 2) all.push({ keys, entry });
    }
  }
  const df = new Map<string, number>();
  for (const { keys } of all) for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
  const weight = new Map([...df].map(([k, n]) => [k, Math.log(all.length / n)]));
  const byKey = new Map<string, LoosePhrase[]>();
  for (const { keys, entry } of all) {
    const phrase: LoosePhrase = { keys, total: keys.reduce((sum, k) => sum + weight.get(k)!, 0), entries: [entry] };
    for (const k of keys) {
      const list = byKey.get(k);
      if (list) list.push(phrase);
      else byKey.set(k, [phrase]);
    }
  }
  looseTable = { byKey, weight };
  return looseTable;
}

/**
 * Learners' phrases found loosely: most of a phrase's pieces (Han character pairs, English word
 * stems, weighted by how few phrases share them) are in the question, in any order and with
 * anything between ("一步步把推理过程写出来" holds most of "一步步想" and "逐步推理"; "making stuff
 * up" most of "making things up"). A match spans the question from its first piece to its last,
 * words it did not match included, and is marked `loose`.
 */
export function findLooseLearnerPhrases(text: string): GlossaryMatch[] {
  const { byKey, weight } = loosePhraseTable();
  const at = new Map<string, Piece>();
  for (const piece of pieces(text.toLowerCase())) if (!at.has(piece.key)) at.set(piece.key, piece);
  // Candidates come from the question's telling pieces: a piece in many phrases (模型, 数据) adds
  // little to any phrase's coverage, and a phrase held through such pieces alone is held word for
  // word, which the exact matchers find.
  const candidates = new Set<LoosePhrase>();
  for (const key of at.keys()) {
    const phrases = byKey.get(key);
    if (phrases && phrases.length <= MAX_GENERATING_PHRASES) for (const phrase of phrases) candidates.add(phrase);
  }
  const matches: GlossaryMatch[] = [];
  for (const phrase of candidates) {
    const held = phrase.keys.filter((k) => at.has(k));
    if (held.length < 2) continue;
    const covered = held.reduce((sum, k) => sum + weight.get(k)!, 0);
    if (covered < LOOSE_COVERAGE * phrase.total) continue;
    const start = Math.min(...held.map((k) => at.get(k)!.start));
    const end = Math.max(...held.map((k) => at.get(k)!.end));
    matches.push({ surface: text.slice(start, end), start, end, entries: phrase.entries, loose: true });
  }
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}
