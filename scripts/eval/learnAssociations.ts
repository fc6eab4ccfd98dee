/**
 * `npx tsx scripts/eval/learnAssociations.ts [--out PATH] FILE.jsonl [FILE.jsonl …]`: learn which
 * field term stands for a learner's word the documents never use (src/evaluation/associationLearning.ts)
 * from the answerable questions of the files, their gold passages and the gold lines in them, and
 * write the table the retriever reads (default src/retrieval/learnedAssociations.json). Run it on the tune split only
 * (`tests/eval/blind/tune*.jsonl`): the test split must stay unseen. Each file counts as one
 * question set, written apart from the others. It prints counts, never questions. Knobs for
 * experiments (environment; defaults are DEFAULT_ASSOCIATION_THRESHOLDS): ASSOC_MIN_QUESTIONS,
 * ASSOC_MIN_PASSAGES, ASSOC_MIN_SETS, ASSOC_MIN_LIFT, ASSOC_MIN_CONDITIONAL, ASSOC_PER_WORD.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { eng, zho } from "stopword";
import {
  DEFAULT_ASSOCIATION_THRESHOLDS,
  learnAssociations,
  type AssociationExample,
  type GoldText,
} from "../../src/evaluation/associationLearning.js";
import { historyTurns, loadDataset } from "../../src/evaluation/dataset.js";
import { isGoldFor, locateQuote } from "../../src/evaluation/goldMatching.js";
import { conceptNames } from "../../src/retrieval/conceptDefinitions.js";
import { GLOSSARY, termsOf } from "../../src/retrieval/glossary.js";
import { IndexResources } from "../../src/retrieval/indexResources.js";
import { isFiller } from "../../src/retrieval/questionWords.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { openOfflineTutor } from "./offlineTutor.js";

const args = process.argv.slice(2);
const outAt = args.indexOf("--out");
const out = outAt >= 0 ? args[outAt + 1] : "src/retrieval/learnedAssociations.json";
// Without --out (outAt -1) every argument is a file: the first one too.
const files = outAt >= 0 ? args.filter((_, i) => i !== outAt && i !== outAt + 1) : args;
if (files.length === 0 || !out) {
  console.error("usage: npx tsx scripts/eval/learnAssociations.ts [--out PATH] FILE.jsonl [FILE.jsonl …]");
  process.exit(2);
}

const STOP_WORDS = new Set([...eng, ...zho]);
// Chinese words jieba's dictionary tags as function words (conjunctions, pronouns, adverbs,
// prepositions, particles, numerals, measure and time words: 还是, 这样, 特别) say nothing of a
// topic, whatever passages they happen to meet.
const FUNCTION_TAGS = new Set(["c", "r", "d", "ad", "p", "u", "m", "q", "t", "f", "b", "y", "e", "o", "z", "uj", "ul", "mq", "rr", "rz"]);
const functionWords = new Set(
  readFileSync(createRequire(import.meta.url).resolve("@node-rs/jieba/dict.txt"), "utf8")
    .split("\n")
    .map((line) => line.split(" "))
    .filter(([, , tag]) => tag !== undefined && FUNCTION_TAGS.has(tag))
    .map(([word]) => word!),
);
const isContent = (token: string) =>
  token.length > 1 && !/^\d+$/.test(token) && !isFiller(token) && !STOP_WORDS.has(token) && !functionWords.has(token);
const contentTokens = (text: string) => new Set(tokenizeForSearch(text).filter(isContent));

// A field term is a whole name of the glossary or the concept definitions that is one search token
// (lora, 私有化, 吴恩达): a piece of a longer name (据库 of 数据库, augmented) names nothing.
const fieldTerms = new Set<string>();
const addName = (name: string) => {
  const tokens = tokenizeForSearch(name);
  const whole = name.toLowerCase();
  if (tokens.includes(whole)) fieldTerms.add(whole);
  else if (tokens.length === 1) fieldTerms.add(tokens[0]!);
};
for (const entry of GLOSSARY) for (const name of termsOf(entry, { related: false })) addName(name);
for (const names of conceptNames()) for (const name of names) addName(name);

const { answerer, index } = await openOfflineTutor();
const statistics = IndexResources.of(index).statistics;
const sourceText = new Map(index.documents.map((d) => [d.source, d.text]));
const sourceLines = new Map(index.documents.map((d) => [d.source, d.text.split("\n")]));
const linesTokens = (source: string, start: number, end: number) =>
  contentTokens(
    sourceLines
      .get(source)!
      .slice(start - 1, end)
      .join(" "),
  );
const passageTokens = new Map(index.chunks.map((c) => [c.id, contentTokens([...(c.headingPath ?? []), c.text].join(" "))]));

const examples: AssociationExample[] = [];
for (const file of files) {
  for (const line of (await loadDataset(file)).questions) {
    if (line.unanswerable) continue;
    // The standalone question: a follow-up's own words plus the topic it carries, as retrieval sees it.
    const { standaloneQuestion } = await answerer.answer({ question: line.question, history: historyTurns(line.history), k: 5 });
    const golds = line.gold.map((g) => ({ ...g, occurrences: locateQuote(sourceText.get(g.document) ?? "", g.quote) }));
    const goldPassages: GoldText[] = [];
    const goldLines: GoldText[] = [];
    for (const c of index.chunks) {
      const matched = golds.filter((g) =>
        isGoldFor({ source: c.source, text: c.text, startLine: c.startLine, endLine: c.endLine, headingPath: c.headingPath }, g),
      );
      if (matched.length === 0) continue;
      const tokens = passageTokens.get(c.id)!;
      goldPassages.push({ id: c.id, tokens });
      // The lines the quote stands on (a list item, a link line); a passage gold by its heading stands for its line.
      for (const g of matched) {
        const inside = g.occurrences.filter((r) => r.start >= c.startLine && r.end <= c.endLine);
        if (inside.length === 0) goldLines.push({ id: c.id, tokens });
        for (const r of inside) goldLines.push({ id: `${c.id}@${r.start}`, tokens: linesTokens(c.source, r.start, r.end) });
      }
    }
    if (goldPassages.length > 0)
      examples.push({ questionTokens: contentTokens(standaloneQuestion), goldPassages, goldLines, questionSet: file });
  }
}

const knob = (name: string, fallback: number) => (process.env[name] === undefined ? fallback : Number(process.env[name]));
const defaults = DEFAULT_ASSOCIATION_THRESHOLDS;
const thresholds = {
  minQuestions: knob("ASSOC_MIN_QUESTIONS", defaults.minQuestions),
  minPassages: knob("ASSOC_MIN_PASSAGES", defaults.minPassages),
  minSets: knob("ASSOC_MIN_SETS", defaults.minSets),
  minLift: knob("ASSOC_MIN_LIFT", defaults.minLift),
  minConditional: knob("ASSOC_MIN_CONDITIONAL", defaults.minConditional),
  perWord: knob("ASSOC_PER_WORD", defaults.perWord),
};
const associations = learnAssociations(
  examples,
  {
    frequency: (token) => statistics.frequency(token),
    passageCount: statistics.chunkCount,
    isFieldTerm: (token) => fieldTerms.has(token),
  },
  thresholds,
);
const table = {
  $comment:
    "Learned by scripts/eval/learnAssociations.ts from the tune split's answerable questions and their gold passages (never the test split): a learner's word the documents never use → the field term its answers hold. See src/retrieval/learnedAssociations.ts and tests/eval/README.md.",
  thresholds,
  questionSets: files.length,
  questions: examples.length,
  associations,
};
writeFileSync(out, `${JSON.stringify(table, null, 2)}\n`);
console.log(`${examples.length} answerable questions from ${files.length} sets → ${associations.length} associations in ${out}`);
process.exit(0);
