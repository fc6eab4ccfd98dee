/**
 * Builds src/retrieval/learnerPhrases.json from a learners'-words vocabulary written blind (from
 * the five documents only, never from a question set; tests/eval/README.md "Learners' words").
 *
 *   npx tsx scripts/import-learner-phrases.ts VOCAB.jsonl [MORE.jsonl …] [--corpus corpus/roadmaps] [--english-words]
 *
 * Each line of the first file: {"id", "doc_terms": [terms as the documents write them], "zh":
 * [everyday Simplified phrases], "en": [everyday English phrases]}. Lines of further files (other
 * writers, same concepts) give an id of the first file and more "zh"/"en" phrases for it. Kept phrases are the ones a question
 * can match without meaning something else: at least two Han characters or three Latin letters
 * (or an acronym), not question filler, not a word the documents use everywhere, and claimed by
 * one concept only. A doc term that no document contains is an error.
 *
 * Single English words are left out unless --english-words is given: on tune they found no
 * passage the glossary and CC-CEDICT did not already find, and lost English questions to drift
 * ("repo" → GitHub pulls in every link list). English phrases of several words ("AI newsletter")
 * are kept. The rule goes by script, not by list: an English word a writer put among the Chinese
 * phrases ("roadmap") is a single English word too.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { join } from "node:path";
import { toSimplified } from "../src/text/script.js";
import { isFiller } from "../src/retrieval/questionWords.js";
import { readJsonLines } from "./readJsonLines.js";

interface VocabularyLine {
  id: string;
  doc_terms: string[];
  zh?: string[];
  en?: string[];
}

const OUT = "src/retrieval/learnerPhrases.json";
const HAN = /\p{Script=Han}/u;
/** Words too general to stand for one concept, in whatever entry a writer put them. */
const TOO_GENERAL = new Set([
  "学习",
  "模型",
  "东西",
  "方法",
  "知识",
  "内容",
  "learn",
  "learning",
  "model",
  "models",
  "thing",
  "stuff",
  "ai",
]);

function fail(message: string): never {
  console.error(`import-learner-phrases: ${message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
const inputs = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--corpus");
const input = inputs[0];
if (!input) fail("usage: npx tsx scripts/import-learner-phrases.ts VOCAB.jsonl [--corpus DIR] [--english-words]");
const englishWords = args.includes("--english-words");
const corpusFlag = args.indexOf("--corpus");
const corpusDir = corpusFlag >= 0 ? args[corpusFlag + 1] : "corpus/roadmaps";
if (!corpusDir) fail("--corpus needs a directory");

const corpus = readdirSync(corpusDir)
  .map((name) => readFileSync(join(corpusDir, name), "utf8"))
  .join("\n");
const corpusLower = corpus.toLowerCase();

const readLines = (file: string): VocabularyLine[] => readJsonLines<VocabularyLine>(file, fail);

const lines = readLines(input);
const byId = new Map(lines.map((line) => [line.id, line]));
for (const file of inputs.slice(1)) {
  for (const more of readLines(file)) {
    const line = byId.get(more.id) ?? fail(`${file}: id ${more.id} is not in ${input}`);
    line.zh = [...(line.zh ?? []), ...(more.zh ?? [])];
    line.en = [...(line.en ?? []), ...(more.en ?? [])];
  }
}

const usable = (phrase: string) => {
  const han = phrase.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = phrase.match(/[A-Za-z]/g)?.length ?? 0;
  if (han === 1 && latin === 0) return false;
  if (han === 0 && latin < 3 && !/^[A-Z0-9]{2,}$/.test(phrase)) return false;
  return !isFiller(phrase) && !TOO_GENERAL.has(phrase.toLowerCase());
};

// A phrase two concepts claim says neither: left out of both.
const claims = new Map<string, Set<string>>();
const entries = lines.map((line) => {
  for (const term of line.doc_terms)
    if (!corpusLower.includes(term.toLowerCase())) fail(`${line.id}: doc term "${term}" is in no document`);
  const docTerms = new Set(line.doc_terms.map((t) => t.toLowerCase()));
  const phrases = [
    ...new Set(
      [...(line.zh ?? []).map(toSimplified), ...(line.en ?? [])]
        .filter((p) => englishWords || HAN.test(p) || /\s/.test(p.trim()))
        .map((p) => p.trim()),
    ),
  ]
    // A piece of the concept's own name (路线 of 学习路线) is its head word, not another way to
    // say it: bridged, it would turn every 路线 into a learning roadmap.
    .filter((p) => p !== "" && ![...docTerms].some((term) => term.includes(p.toLowerCase())) && usable(p));
  for (const phrase of phrases) {
    const key = phrase.toLowerCase();
    claims.set(key, (claims.get(key) ?? new Set()).add(line.id));
  }
  return { id: line.id, docTerms: line.doc_terms, phrases };
});
const shared = new Set([...claims].filter(([, ids]) => ids.size > 1).map(([key]) => key));
const kept = entries
  .map((e) => ({ docTerms: e.docTerms, phrases: e.phrases.filter((p) => !shared.has(p.toLowerCase())) }))
  .filter((e) => e.phrases.length > 0);

const json = JSON.stringify({
  $comment:
    "Learners' words for the field's concepts: everyday phrases (phrases) that stand for what the documents name with docTerms. Written blind from the five roadmaps (never from a question set; sources: learnerPhrases.source.jsonl, learnerPhrases.source2.jsonl and learnerPhrases.source3.jsonl) and imported with scripts/import-learner-phrases.ts (Chinese phrases and English phrases of several words); see tests/eval/README.md, section Learners' words.",
  entries: kept,
});
// Written as the repository's formatter writes it, so a fresh import leaves no diff to format.
writeFileSync(OUT, await format(json, { ...(await resolveConfig(OUT)), parser: "json", filepath: OUT }));
const phraseCount = kept.reduce((n, e) => n + e.phrases.length, 0);
console.log(`${OUT}: ${kept.length} concepts, ${phraseCount} phrases (${shared.size} shared phrases left out)`);
