/**
 * Writes src/retrieval/outsideSubjects.json from outsideSubjects.source.jsonl,
 * outsideHeadWords.source.jsonl, outsideNeighbours.source.jsonl and outsideSenses.source.jsonl (lexicons of subjects outside the field, written blind: see
 * src/retrieval/outsideSubjects.ts): each Chinese entry (Traditional ones converted) as its search
 * tokens, each English entry lower-cased. Run it after changing a source or the tokenizer;
 * tests/retrieval/outsideSubjects.test.ts fails until then.
 *
 *   npx tsx scripts/build-outside-subjects.ts [--out src/retrieval/outsideSubjects.json]
 */
import { writeFileSync } from "node:fs";
import { outsideSubjectsTable } from "../src/retrieval/outsideSubjects.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-outside-subjects.ts", "src/retrieval/outsideSubjects.json");
const table = outsideSubjectsTable();
const comment =
  "Written by scripts/build-outside-subjects.ts from outsideSubjects.source.jsonl, outsideHeadWords.source.jsonl, outsideNeighbours.source.jsonl and outsideSenses.source.jsonl: Chinese subjects as search tokens, English ones lower-cased.";
const zh = table.zh.map((subject) => `    ${JSON.stringify(subject)}`);
const en = table.en.map((phrase) => `    ${JSON.stringify(phrase)}`);
writeFileSync(
  out,
  `{\n  "$comment": ${JSON.stringify(comment)},\n  "zh": [\n${zh.join(",\n")}\n  ],\n  "en": [\n${en.join(",\n")}\n  ]\n}\n`,
);
console.log(`${out}: ${zh.length} Chinese, ${en.length} English subjects`);
