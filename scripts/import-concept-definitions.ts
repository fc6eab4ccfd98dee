/**
 * Builds src/retrieval/conceptDefinitions.json from a beginner's glossary written blind: plain
 * definitions of the field's concepts, by a writer who saw only the concepts' names (never the
 * documents, the code or a question set; tests/eval/README.md "Concept definitions").
 *
 *   npx tsx scripts/import-concept-definitions.ts src/retrieval/learnerPhrases.source.jsonl src/retrieval/conceptDefinitions.source.jsonl
 *     [--corpus corpus/roadmaps] [--out src/retrieval/conceptDefinitions.json]
 *   npx tsx scripts/import-concept-definitions.ts src/retrieval/learnerPhrases.source.jsonl src/retrieval/conceptDescriptions.source.jsonl
 *     --descriptions --out src/retrieval/conceptDescriptions.json
 *
 * The first file (CONCEPTS): {"id", "doc_terms": [the concept's names as the documents write them]}
 * per line, the learners'-words vocabulary's concepts. Each further file (one writer's
 * DEFINITIONS): {"id", "zh", "en"} per line, every concept once; a concept's definitions are
 * kept together (zh: [...], en: [...]). With --descriptions the files hold learners' descriptions
 * of the concepts instead (conceptDescriptions.ts), and the built file says so. A definition for an unknown id, a concept without a definition, or a doc term that no
 * document contains is an error: the file must say what it was built from.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import { toSimplified } from "../src/text/script.js";
import { readJsonLines } from "./readJsonLines.js";

function fail(message: string): never {
  console.error(`import-concept-definitions: ${message}`);
  process.exit(2);
}

const jsonLines = <T>(path: string): T[] => readJsonLines<T>(path, fail);

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const corpus = flag("--corpus", "corpus/roadmaps");
const OUT = flag("--out", "src/retrieval/conceptDefinitions.json");
const descriptions = args.includes("--descriptions");
const [conceptsPath, ...definitionPaths] = args.filter((a, i) => !a.startsWith("--") && !["--corpus", "--out"].includes(args[i - 1] ?? ""));
if (!conceptsPath || definitionPaths.length === 0 || !corpus || !OUT)
  fail(
    "usage: npx tsx scripts/import-concept-definitions.ts CONCEPTS.jsonl DEFINITIONS.jsonl [MORE.jsonl …] [--descriptions] [--corpus DIR] [--out FILE]",
  );

const documents = readdirSync(corpus).map((name) => readFileSync(join(corpus, name), "utf8").toLowerCase());
const concepts = new Map(jsonLines<{ id: string; doc_terms: string[] }>(conceptsPath).map((c) => [c.id, c.doc_terms]));
for (const [id, docTerms] of concepts)
  for (const term of docTerms)
    if (!documents.some((text) => text.includes(term.toLowerCase()))) fail(`doc term "${term}" of ${id} is in no document`);
// Each writer's file defines every concept once; the definitions of one concept are read together.
const texts = new Map<string, { zh: string[]; en: string[] }>([...concepts.keys()].map((id) => [id, { zh: [], en: [] }]));
for (const path of definitionPaths) {
  const defined = new Set<string>();
  for (const d of jsonLines<{ id: string; zh?: string; en?: string }>(path)) {
    const text = texts.get(d.id);
    if (!text) fail(`${path}: definition ${d.id} names no concept of ${conceptsPath}`);
    if (defined.has(d.id)) fail(`${path}: ${d.id} is defined twice`);
    if (typeof d.zh !== "string" || typeof d.en !== "string" || d.zh.trim() === "" || d.en.trim() === "")
      fail(`${path}: definition ${d.id} needs "zh" and "en"`);
    defined.add(d.id);
    text.zh.push(toSimplified(d.zh.trim()));
    text.en.push(d.en.trim());
  }
  const missing = [...concepts.keys()].filter((id) => !defined.has(id));
  if (missing.length > 0) fail(`${path}: no definition for ${missing.length} concepts (${missing.slice(0, 5).join(", ")} …)`);
}
const entries = [...concepts].map(([id, docTerms]) => ({ docTerms, ...texts.get(id)! }));

const json = JSON.stringify({
  $comment: descriptions
    ? "Each concept the documents name as a learner who does not know its name would describe it, written blind by two helpers, each for half of the concepts, who saw only the concepts' names (source: conceptDescriptions.source.jsonl). Built by scripts/import-concept-definitions.ts --descriptions; read by src/retrieval/conceptDescriptions.ts. Never edited by hand for a question."
    : "A beginner's glossary of the field: a plain definition of each concept the documents name, written blind (each writer saw only the concepts' names; sources: conceptDefinitions.source*.jsonl, one writer each). Built by scripts/import-concept-definitions.ts; read by src/retrieval/conceptDefinitions.ts. Never edited by hand for a question.",
  entries,
});
// Written as the repository's formatter writes it, so a fresh import leaves no diff to format.
writeFileSync(OUT, await format(json, { ...(await resolveConfig(OUT)), parser: "json", filepath: OUT }));
console.log(`import-concept-definitions: ${entries.length} definitions → ${OUT}`);
