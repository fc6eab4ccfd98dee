import { stemmer } from "stemmer";
import { fnv1a } from "../text/fnv1a.js";
import { questionMemo } from "../text/questionMemo.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { rememberedWhileUsed } from "../text/recentlyUsed.js";
import { STOPWORDS } from "../text/stopwords.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import conceptUnitData from "./conceptUnits.json" with { type: "json" };
import definitionData from "./conceptDefinitions.json" with { type: "json" };
import { isFiller } from "./questionWords.js";

/**
 * A beginner's glossary of the field (conceptDefinitions.json, written blind: the writer saw only
 * the concepts' names): for each concept the documents name, a plain definition in Chinese and in
 * English. A learner who describes a thing instead of naming it ("once models get big enough they
 * suddenly pick up new skills", "模型里养了好多个小专家、每次只叫几个干活") uses words its
 * definition uses. Matching a question against the definitions is a reverse dictionary, the idea
 * of explicit semantic analysis (a concept represented by the text that explains it): each
 * definition is a small document; its units are Chinese words and English Porter stems, weighted
 * by how few definitions share them. The concept whose definition shares the most weight with the
 * question, if enough, is the one it describes; retrieval then also searches the documents' names
 * of it (questionExpansions.ts).
 */

/** A concept's texts as the import writes them (scripts/import-concept-definitions.ts). */
export interface RawDefinition {
  /** The concept's names as the documents write them. */
  docTerms: string[];
  /** Its texts, one per writer. */
  zh: string[];
  en: string[];
}

export interface DescribedConcept {
  /** The concept's names as the documents write them. */
  docTerms: readonly string[];
  /** The units the question shares with its definition, for tracing. */
  shared: string[];
  score: number;
}

/**
 * A unit in more than this share of the definitions says nothing about which concept is meant
 * (模型, model, train). 0.04 is 12 of 300 definitions.
 */
const MAX_UNIT_SHARE = 0.04;
/** At least this many distinct units shared: one word in common is a coincidence. */
const MIN_SHARED_UNITS = 2;
/**
 * Minimum summed idf of the shared units: two words each in a handful of definitions. Chosen on
 * tune among 7, 8, 9 and 11 (tests/eval/README.md "Concept definitions").
 */
const MIN_SCORE = 9;

/** A Chinese word of two characters or more: one character (会, 新) says too little. */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;
const LATIN_WORD = /^[a-z][a-z'-]*$/;
/** An English word's unit, its Porter stem: remembered, since questions repeat their words. */
const englishUnit = recentlyComputed(8192, (word: string) => `en:${stemmer(word)}`);

/** A search token's unit: a Chinese word as it is, an English word as its stem; none for filler and stopwords. */
export function unitOfToken(token: string): string | undefined {
  if (isFiller(token) || STOPWORDS.has(token)) return undefined;
  if (HAN_WORD.test(token)) return token;
  if (LATIN_WORD.test(token) && token.length > 2) return englishUnit(token);
  return undefined;
}

/**
 * A question's units, remembered: the described concept (here) and the concept space
 * (conceptSpace.ts) both read them, once per new question.
 */
export const questionUnits: (question: string) => ReadonlySet<string> = questionMemo((question: string) => unitsOf(question));

function unitsOf(text: string): Set<string> {
  const units = new Set<string>();
  for (const token of tokenizeForSearch(text)) {
    const unit = recentTokenUnits(token);
    if (unit !== null) units.add(unit);
  }
  return units;
}

/**
 * unitOfToken of a question's tokens (null for none), remembered per token: questions repeat their
 * words (学习, lora, 之后), and a token's unit took a filler check, a stop-word lookup and two
 * patterns each time. Not used for the index's vocabulary (conceptVectors.ts), read once per term.
 */
const recentTokenUnits = rememberedWhileUsed(4096, (token: string): string | null => unitOfToken(token) ?? null);

const DEFINITIONS = definitionData.entries as RawDefinition[];
const DOC_TERMS: readonly (readonly string[])[] = DEFINITIONS.map((raw) => Object.freeze([...raw.docTerms]));

/** The concepts' names as the documents write them, by concept number (conceptSpace.ts reads them too). */
export function conceptNames(): readonly (readonly string[])[] {
  return DOC_TERMS;
}

/** A unit of the definitions: its idf over them and the definitions holding it, ascending. */
export interface DefinitionUnit {
  weight: number;
  concepts: readonly number[];
}

/** A concept's texts as one, for its units. */
const textOf = (raw: RawDefinition) => [...raw.zh, ...raw.en].join(" ");

/**
 * The units of the definitions' and the descriptions' texts, read from conceptUnits.json (written
 * ahead of time by `scripts/build-concept-units.ts`): tokenizing the 600 texts took ~100 ms of
 * every server's start. A text is found by its key, its hash and length, so a text edited since
 * (or any other) is tokenized here as before; tests/retrieval/conceptDefinitions.test.ts fails
 * while the file is stale.
 */
const WRITTEN_UNITS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(conceptUnitData.units));

const textKey = (text: string) => `${fnv1a(text).toString(16)}:${text.length}`;

const textUnits = (text: string): Iterable<string> => WRITTEN_UNITS.get(textKey(text)) ?? unitsOf(text);

/** Each text's units by its key, in the order tokenizing finds them: what conceptUnits.json holds. */
export function conceptUnitsTable(entries: readonly RawDefinition[]): Record<string, string[]> {
  const table: Record<string, string[]> = {};
  const texts = new Map<string, string>();
  for (const raw of entries) {
    const text = textOf(raw);
    const key = textKey(text);
    // Two texts under one key would read each other's units: refuse to write such a table.
    if (texts.has(key) && texts.get(key) !== text) throw new Error(`two concept texts share the key ${key}`);
    texts.set(key, text);
    table[key] = [...unitsOf(text)];
  }
  return table;
}

/** The concepts holding each unit of their texts (one text per concept, by concept number). */
function unitHolders(texts: readonly string[]): ReadonlyMap<string, readonly number[]> {
  const holders = new Map<string, number[]>();
  texts.forEach((text, concept) => {
    for (const unit of textUnits(text)) {
      const list = holders.get(unit);
      if (list) list.push(concept);
      else holders.set(unit, [concept]);
    }
  });
  return holders;
}

/** The units held by at most `maxShare` of `count` texts, with their idf over them. */
function unitsHeldBy(
  holders: ReadonlyMap<string, readonly number[]>,
  count: number,
  maxShare: number,
): ReadonlyMap<string, DefinitionUnit> {
  const units = new Map<string, DefinitionUnit>();
  const maxHolders = Math.max(1, count * maxShare);
  for (const [unit, concepts] of holders)
    if (concepts.length <= maxHolders) units.set(unit, { weight: Math.log(count / concepts.length), concepts });
  return units;
}

/** The definitions holding each unit, built once. */
const HOLDERS = unitHolders(DEFINITIONS.map(textOf));

/** The units held by at most `maxShare` of the definitions, with their idf. */
export function tellingUnits(maxShare: number): ReadonlyMap<string, DefinitionUnit> {
  return unitsHeldBy(HOLDERS, DEFINITIONS.length, maxShare);
}

/**
 * A reverse dictionary over the concepts' texts (one entry per concept): the concept a question
 * describes in its texts' words, if one does clearly enough. Each telling unit with its idf and
 * the concepts holding it (ascending) is built once: a question is scored through its own few
 * units, not against every text.
 */
export function reverseDictionary(
  entries: readonly RawDefinition[],
  options: {
    /**
     * A unit inside a longer Chinese unit the concept shares too (哪几 of 哪几个, 大堆 of 一大堆) is
     * one word of the question, not a second one: it counts once, towards neither the shared units
     * nor the score.
     */
    nestedOnce?: boolean;
  } = {},
): (question: string) => DescribedConcept | undefined {
  return dictionaryOver(entries, unitHolders(entries.map(textOf)), options);
}

/** reverseDictionary over the concepts' units' holders, built before. */
function dictionaryOver(
  entries: readonly RawDefinition[],
  holders: ReadonlyMap<string, readonly number[]>,
  options: { nestedOnce?: boolean } = {},
): (question: string) => DescribedConcept | undefined {
  const docTerms = entries.map((raw) => Object.freeze([...raw.docTerms]));
  const units = unitsHeldBy(holders, entries.length, MAX_UNIT_SHARE);
  /** Per concept, scratch for one question: its summed weight and how many of its units the question shares (0 = not reached). */
  const scores = new Float64Array(entries.length);
  const sharedCounts = new Int32Array(entries.length);
  const touched: number[] = [];

  // null, not undefined, for "none": the memo computes again on undefined.
  const recentMatches = questionMemo((question: string): DescribedConcept | null => {
    // Each concept's summed weight and shared units in scratch arrays by concept (not a Map of
    // objects per question): added in the units' order, the concepts read in the order first reached.
    const asked = questionUnits(question);
    touched.length = 0;
    for (const unit of asked) {
      const telling = units.get(unit);
      if (!telling) continue;
      for (const concept of telling.concepts) {
        if (sharedCounts[concept] === 0) {
          touched.push(concept);
          scores[concept] = telling.weight;
        } else scores[concept] = scores[concept]! + telling.weight;
        sharedCounts[concept] = sharedCounts[concept]! + 1;
      }
    }
    // Only a concept that passes as counted so far can fail once nested units count once.
    if (options.nestedOnce)
      for (const concept of touched) {
        if (sharedCounts[concept]! < MIN_SHARED_UNITS || scores[concept]! < MIN_SCORE) continue;
        const words = outermost([...asked].filter((unit) => units.get(unit)?.concepts.includes(concept)));
        sharedCounts[concept] = words.length;
        scores[concept] = words.reduce((sum, unit) => sum + units.get(unit)!.weight, 0);
      }
    // The best score; of equal ones, the concept listed first.
    let best = -1;
    for (const concept of touched) {
      const score = scores[concept]!;
      if (
        sharedCounts[concept]! >= MIN_SHARED_UNITS &&
        score >= MIN_SCORE &&
        (best < 0 || score > scores[best]! || (score === scores[best] && concept < best))
      )
        best = concept;
    }
    const described =
      best < 0
        ? null
        : {
            docTerms: docTerms[best]!,
            shared: [...asked].filter((unit) => units.get(unit)?.concepts.includes(best)),
            score: scores[best]!,
          };
    for (const concept of touched) sharedCounts[concept] = 0;
    return described;
  });
  return (question) => recentMatches(question) ?? undefined;
}

/**
 * The concept a question describes in a definition's words, if one does clearly enough. Over the
 * holders built for tellingUnits: building them again for it was ~10 ms of every server's start.
 */
export const describedConcept = dictionaryOver(DEFINITIONS, HOLDERS);

/** The units not inside a longer Chinese unit among them (哪几 of 哪几个): a question's words, each once. */
function outermost(units: readonly string[]): string[] {
  const isHan = (unit: string) => !unit.startsWith("en:");
  return units.filter((unit) => !isHan(unit) || !units.some((other) => isHan(other) && other.length > unit.length && other.includes(unit)));
}
