import { readFileSync } from "node:fs";
import { cedictGlosses } from "../text/cedict.js";
import { forEachGeneralIdf } from "../text/generalIdf.js";
import { rememberedWhileUsed } from "../text/recentlyUsed.js";
import { toSimplified } from "../text/script.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import tableData from "./outsideSubjects.json" with { type: "json" };

/**
 * Subjects outside the field: what a question to a study assistant is about when it is not about
 * learning LLMs (报税, 雅思, 健身房, "half marathon", "vlookup"). The lexicon
 * (outsideSubjects.source.jsonl) was written blind by a helper who saw only the five documents and a
 * brief: 40 domains of everyday life and of other fields and trades (exams, money, health, home,
 * travel, games, other software, …), ~40 entries per domain in Simplified, Traditional and English,
 * none a word any document uses. A question naming one and sharing no field word with its passages
 * (offFieldSubject.ts) asks about something else than the passages do (confidence.ts).
 */

interface SourceEntry {
  domain: string;
  zh?: string[];
  hant?: string[];
  en?: string[];
}

export interface OutsideSubjectsTable {
  /** Chinese subjects (Simplified), each with its search tokens. */
  zh: { text: string; tokens: string[] }[];
  /** English subjects, lower-cased. */
  en: string[];
}

/**
 * The lexicons the table is built from, all written blind: outsideSubjects.source.jsonl (session
 * 19: specific subjects, 健身房, "half marathon"), outsideHeadWords.source.jsonl (session 20: the
 * short head words that name a subject, 健身, 论文, git, "mortgage"; a word the documents hold only
 * inside a link or a longer name, git of github.com, is kept), outsideNeighbours.source.jsonl
 * (session 40: 22 domains next to computing or using its words, ERP系统, 智能音箱, "3D printer";
 * the few terms the brief gave as examples were taken out, tests/eval/README.md session 40) and
 * outsideSenses.source.jsonl (session 41: 80 of the documents' own terms in their everyday or
 * other fields' senses, 蒸馏水, 注意力不集中, "power transformer"; each phrase holds the term, which
 * outsideQualifier.ts then reads as the subject's word, not the field's).
 */
const OUTSIDE_SUBJECT_SOURCES = [
  new URL("./outsideSubjects.source.jsonl", import.meta.url),
  new URL("./outsideHeadWords.source.jsonl", import.meta.url),
  new URL("./outsideNeighbours.source.jsonl", import.meta.url),
  new URL("./outsideSenses.source.jsonl", import.meta.url),
];

/** The table from the source lexicons (scripts/build-outside-subjects.ts writes it to outsideSubjects.json). */
export function outsideSubjectsTable(sources: readonly URL[] = OUTSIDE_SUBJECT_SOURCES): OutsideSubjectsTable {
  const entries = sources.flatMap((source) =>
    readFileSync(source, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as SourceEntry),
  );
  const zh = new Map<string, { text: string; tokens: string[] }>();
  const en = new Set<string>();
  for (const entry of entries) {
    for (const word of [...(entry.zh ?? []), ...(entry.hant ?? [])]) {
      // A Latin name among the Chinese entries (an app called Keep) is read as the English ones are.
      if (/^[\x20-\x7e]+$/.test(word.trim())) {
        en.add(word.trim().toLowerCase());
        continue;
      }
      const simplified = toSimplified(word.trim());
      const tokens = tokenizeForSearch(simplified);
      if (tokens.length > 0) zh.set(simplified, { text: simplified, tokens });
    }
    for (const phrase of entry.en ?? []) en.add(phrase.trim().toLowerCase());
  }
  const everyday = everydayEnglish();
  return { zh: [...zh.values()], en: [...en].filter((phrase) => !everyday.has(phrase)).sort() };
}

/** General-language idf (jieba's table) under which a Chinese word is common: 保持, 基础, 计划, 习惯. */
const COMMON_IDF = 8;

/**
 * English words of common Chinese words: CC-CEDICT's one-word glosses ("keep", "foundation", "plan")
 * of words jieba's idf table finds common (idf under COMMON_IDF). Such a word is as likely a
 * learner's own way of asking ("I keep falling behind", "the foundation stage") as a subject
 * outside the field; a lexicon entry that is one names nothing by itself. Read when the table is
 * built, never by a server.
 */
function everydayEnglish(): Set<string> {
  const common = new Set<string>();
  forEachGeneralIdf((word, idf) => {
    if (idf < COMMON_IDF) common.add(word);
  });
  const words = new Set<string>();
  for (const [headword, glosses] of cedictGlosses()) {
    if (!common.has(headword)) continue;
    for (const gloss of glosses) {
      const plain = gloss.toLowerCase().replace(/^to /, "").trim();
      if (/^[a-z]+$/.test(plain)) words.add(plain);
    }
  }
  return words;
}

const table = tableData as OutsideSubjectsTable;

interface Lookup {
  /** Chinese subjects by their first token. */
  runs: Map<string, { text: string; tokens: string[] }[]>;
  /** Each Chinese subject whole, for one held inside a longer token. */
  wholes: Set<string>;
  /** Every whole has a unit outside ASCII (a Latin name among the Chinese entries is an English one), so an ASCII token holds none. */
  wholesOutsideAscii: boolean;
  /** English subjects by their first word, as word lists. */
  phrases: Map<string, string[][]>;
}

let lookupValue: Lookup | undefined;

/** The table indexed for a question's few tokens: a question is read in a few map lookups, not a scan of 4,000 subjects. */
function lookup(): Lookup {
  if (lookupValue) return lookupValue;
  const runs = new Map<string, { text: string; tokens: string[] }[]>();
  const wholes = new Set<string>();
  for (const subject of table.zh) {
    const first = subject.tokens[0]!;
    runs.set(first, [...(runs.get(first) ?? []), subject]);
    if (subject.text.length >= 2) wholes.add(subject.text);
  }
  const phrases = new Map<string, string[][]>();
  for (const phrase of table.en) {
    const words = phrase.split(/\s+/);
    phrases.set(words[0]!, [...(phrases.get(words[0]!) ?? []), words]);
  }
  const wholesOutsideAscii = [...wholes].every((whole) => NOT_ASCII.test(whole));
  return (lookupValue = { runs, wholes, wholesOutsideAscii, phrases });
}

/** Whether `words` hold `run` at `start`. */
function runAt(words: readonly string[], start: number, run: readonly string[]): boolean {
  return run.every((word, offset) => words[start + offset] === word);
}

/**
 * Where a learner says who they are ("I'm a frontend dev", "我是念会计的", "我本科是学法律的"): their
 * trade or studies there are the situation they ask from, not what they ask about.
 */
const SELF_DESCRIPTION =
  /\b(?:(?:i'?m|i\s+am|as)\s+(?:a|an)|i\s+(?:studied|majored\s+in))\s+[^.,;:!?，。；！？]*|我(?:本科|之前|以前|现在)?(?:是|学的是|念的是)[^，。；！？,.;!?]*/giu;

/** Tokens whose subjects inside them are remembered: a question's words recur from question to question. */
const TOKENS_REMEMBERED = 4096;
const NONE: readonly string[] = Object.freeze([]);
const NOT_ASCII = /[^\0-\x7F]/;

/**
 * The Chinese subjects held whole inside a token and shorter than it, in the order its substrings
 * are read (by start, then by end). A function of the token alone, remembered: reading every
 * substring of every token was most of this check's time, for words (模型, lora) that come back in
 * nearly every question.
 */
function subjectsInsideToken(token: string): readonly string[] {
  // A subject inside is shorter than the token and at least two units long. An ASCII token (lora,
  // transformer, 2024: most of the long ones) holds none, every whole having a unit outside ASCII.
  if (token.length < 3 || (lookup().wholesOutsideAscii && !NOT_ASCII.test(token))) return NONE;
  return subjectsInsideNonAsciiToken(token);
}

const subjectsInsideNonAsciiToken = rememberedWhileUsed(TOKENS_REMEMBERED, (token: string): readonly string[] => {
  const { wholes } = lookup();
  let inside: string[] | undefined;
  for (let from = 0; from < token.length - 1; from++)
    for (let to = from + 2; to <= token.length; to++) {
      const part = token.slice(from, to);
      if (part.length < token.length && wholes.has(part)) (inside ??= []).push(part);
    }
  return inside ?? NONE;
});

/**
 * The outside subjects a question names. A Chinese one as a run of its tokens, or whole inside one
 * token ("考多益" holds 多益), never straddling two (手作 in 练手|作品, 去哪儿 in 课去|哪儿); an English
 * one as whole words.
 */
export function outsideSubjectsIn(question: string): string[] {
  const { runs, phrases } = lookup();
  const query = question.replace(SELF_DESCRIPTION, " ");
  const found = new Set<string>();
  const tokens = tokenizeForSearch(query);
  tokens.forEach((token, start) => {
    for (const subject of runs.get(token) ?? []) if (runAt(tokens, start, subject.tokens)) found.add(subject.text);
    for (const part of subjectsInsideToken(token)) found.add(part);
  });
  const words = query.toLowerCase().match(/[a-z0-9][a-z0-9+#.'-]*/g) ?? [];
  words.forEach((word, start) => {
    for (const phrase of phrases.get(word) ?? []) if (runAt(words, start, phrase)) found.add(phrase.join(" "));
  });
  return [...found];
}

/**
 * "openrouter那个网站是干啥的", "Kaggle 這個平台": a subject word right after a name and a demonstrative
 * (that website, this platform) says what kind of thing the name is; the question asks about the
 * name. Only a Latin name the corpus uses (`nameUsed`) lends the subject word its place in the field.
 */
export function appositiveSubjects(question: string, subjects: readonly string[], nameUsed: (word: string) => boolean): string[] {
  const simplified = toSimplified(question);
  return subjects.filter((subject) => {
    for (let at = simplified.indexOf(subject); at >= 0; at = simplified.indexOf(subject, at + 1)) {
      const name = NAME_AND_DEMONSTRATIVE.exec(simplified.slice(0, at))?.[1];
      if (name !== undefined && nameUsed(name.toLowerCase())) return true;
    }
    return false;
  });
}

/** A Latin name, then a demonstrative with its classifier, ending where the subject word starts. */
const NAME_AND_DEMONSTRATIVE = /([A-Za-z][A-Za-z0-9.+-]*)\s*(?:那|这)(?:个|家|款|种|类)?\s*$/u;
