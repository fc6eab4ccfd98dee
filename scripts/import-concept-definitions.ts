/**
 * Builds src/retrieval/conceptDefinitions.json from a beginner's glossary written blind: plain
 * definitions of the field's concepts, by a writer who saw only the concepts' names (never the
 * documents, the code or a question set; tests/eval/README.md "Concept definitions").
 *
 *   npx tsx scripts/import-concept-definitions.ts src/retrieval/learnerPhrases.source.jsonl src/retrieval/conceptDefinitions.source.jsonl
 *     [--corpus corpus/roadmaps] [--out src/retrieval/conceptDefinitions.json]
 *
 * The first file (CONCEPTS): {"id", "doc_terms": [the concept's names as the documents write them]}
 * per line, the learners'-words vocabulary's concepts. The second (DEFINITIONS): {"id", "zh", "en"}
 * per line, the same ids. A definition for an unknown id, a concept without a definition, or a doc term that no
 * document contains is an error: the file must say what it was built from.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { toSimplified } from "../src/text/script.js";

function fail(message: string): never {
  console.error(`import-concept-definitions: ${message}`);
  process.exit(2);
}

function jsonLines<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        return fail(`${path}:${i + 1} is not JSON`);
      }
    });
}

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const corpus = flag("--corpus", "corpus/roadmaps");
const OUT = flag("--out", "src/retrieval/conceptDefinitions.json");
const [conceptsPath, definitionsPath] = args.filter((a, i) => !a.startsWith("--") && !["--corpus", "--out"].includes(args[i - 1] ?? ""));
if (!conceptsPath || !definitionsPath || !corpus || !OUT)
  fail("usage: npx tsx scripts/import-concept-definitions.ts CONCEPTS.jsonl DEFINITIONS.jsonl [--corpus DIR] [--out FILE]");

const documents = readdirSync(corpus).map((name) => readFileSync(join(corpus, name), "utf8").toLowerCase());
const concepts = new Map(jsonLines<{ id: string; doc_terms: string[] }>(conceptsPath).map((c) => [c.id, c.doc_terms]));
const definitions = jsonLines<{ id: string; zh?: string; en?: string }>(definitionsPath);
const defined = new Set<string>();
const entries = definitions.map((d) => {
  const docTerms = concepts.get(d.id);
  if (!docTerms) fail(`definition ${d.id} names no concept of ${conceptsPath}`);
  if (typeof d.zh !== "string" || typeof d.en !== "string" || d.zh.trim() === "" || d.en.trim() === "")
    fail(`definition ${d.id} needs "zh" and "en"`);
  for (const term of docTerms)
    if (!documents.some((text) => text.includes(term.toLowerCase()))) fail(`doc term "${term}" of ${d.id} is in no document`);
  defined.add(d.id);
  return { docTerms, zh: toSimplified(d.zh.trim()), en: d.en.trim() };
});
const missing = [...concepts.keys()].filter((id) => !defined.has(id));
if (missing.length > 0) fail(`no definition for ${missing.length} concepts (${missing.slice(0, 5).join(", ")} …)`);

const json = JSON.stringify({
  $comment:
    "A beginner's glossary of the field: a plain definition of each concept the documents name, written blind (the writer saw only the concepts' names; source: conceptDefinitions.source.jsonl). Built by scripts/import-concept-definitions.ts; read by src/retrieval/conceptDefinitions.ts. Never edited by hand for a question.",
  entries,
});
// Written as the repository's formatter writes it, so a fresh import leaves no diff to format.
writeFileSync(OUT, await format(json, { ...(await resolveConfig(OUT)), parser: "json", filepath: OUT }));
console.log(`import-concept-definitions: ${entries.length} definitions → ${OUT}`);
