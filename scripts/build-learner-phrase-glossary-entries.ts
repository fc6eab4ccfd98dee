/**
 * Writes src/retrieval/learnerPhraseGlossaryEntries.json: the glossary entries each learners'
 * Chinese phrase holds (src/retrieval/glossary.ts withLearnerPhrases), so that a server reads them
 * instead of scanning ~2,900 phrases at every start. Run it after changing glossary.json,
 * learnerPhrases.json or the question scan (questionScan.ts); tests/retrieval/glossary.test.ts
 * fails until then. For another glossary, or a phrase the file lacks, the phrases are scanned as
 * before.
 *
 *   npx tsx scripts/build-learner-phrase-glossary-entries.ts [--out src/retrieval/learnerPhraseGlossaryEntries.json]
 */
import { writeFileSync } from "node:fs";
import { learnerPhraseGlossaryEntriesTable } from "../src/retrieval/glossary.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-learner-phrase-glossary-entries.ts", "src/retrieval/learnerPhraseGlossaryEntries.json");
const { glossary, phrases } = learnerPhraseGlossaryEntriesTable();
// One line per phrase, so that a change to one phrase is one changed line (prettier leaves the file alone).
const lines = Object.entries(phrases).map(([phrase, entries]) => `    ${JSON.stringify(phrase)}: ${JSON.stringify(entries)}`);
const comment =
  "Written by scripts/build-learner-phrase-glossary-entries.ts from glossary.json and learnerPhrases.json: each Chinese phrase's glossary entries, by number; read only while `glossary` is the glossary's key.";
writeFileSync(
  out,
  `{\n  "$comment": ${JSON.stringify(comment)},\n  "glossary": ${JSON.stringify(glossary)},\n  "phrases": {\n${lines.join(",\n")}\n  }\n}\n`,
);
console.log(`${out}: ${lines.length} phrases`);
