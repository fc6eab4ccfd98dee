/**
 * Writes src/text/fieldWords.json: the field's words jieba's dictionary lacks, with the frequency
 * each is loaded at (src/text/fieldWordSelection.ts), from the glossary, CC-CEDICT and the corpus.
 * Every table built on the cut rests on this list: after changing it, rebuild the index
 * (`npm run -s ingest`), the learners' phrase tokens and concept units (their build scripts), relearn
 * the associations and refit the re-ranker. tests/text/fieldWords.test.ts fails while it is stale.
 *
 *   npx tsx scripts/build-field-words.ts [--out src/text/fieldWords.json]
 */
import { writeFileSync } from "node:fs";
import { fieldWordSourcesOfProject } from "../src/retrieval/fieldWordSources.js";
import { selectFieldWords } from "../src/text/fieldWordSelection.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-field-words.ts", "src/text/fieldWords.json");
const words = selectFieldWords(fieldWordSourcesOfProject());
const comment =
  "Written by scripts/build-field-words.ts from the glossary, CC-CEDICT and the corpus: the field's words jieba's dictionary lacks, with the frequency each is loaded at.";
const lines = words.map((word) => `    ${JSON.stringify(word)}`);
writeFileSync(out, `{\n  "$comment": ${JSON.stringify(comment)},\n  "words": [\n${lines.join(",\n")}\n  ]\n}\n`);
console.log(`${out}: ${words.length} words`);
