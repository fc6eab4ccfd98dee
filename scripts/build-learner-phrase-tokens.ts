/**
 * Writes src/retrieval/learnerPhraseTokens.json: the search tokens of every Chinese learners'
 * phrase (src/retrieval/learnerPhrases.ts), so that the first question reads them instead of
 * tokenizing ~2,900 phrases, and the Porter stems of every English one, so that a server's start
 * does not stem them. Run it after changing learnerPhrases.json, the tokenizer or `stemmer`;
 * tests/retrieval/learnerPhrases.test.ts fails until then. A phrase the file lacks is tokenized
 * or stemmed when the table is built, as before.
 *
 *   npx tsx scripts/build-learner-phrase-tokens.ts [--out src/retrieval/learnerPhraseTokens.json]
 */
import { writeFileSync } from "node:fs";
import { learnerPhraseStemsTable, learnerPhraseTokensTable } from "../src/retrieval/learnerPhrases.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-learner-phrase-tokens.ts", "src/retrieval/learnerPhraseTokens.json");
const tokens = learnerPhraseTokensTable();
// One line per phrase, so that a change to one phrase is one changed line (prettier leaves the file alone).
const lineOf = ([phrase, list]: [string, string[]]) => `    ${JSON.stringify(phrase)}: ${JSON.stringify(list)}`;
const lines = Object.entries(tokens).map(lineOf);
const stemLines = Object.entries(learnerPhraseStemsTable()).map(lineOf);
const comment =
  "Written by scripts/build-learner-phrase-tokens.ts from learnerPhrases.json: each Chinese phrase's search tokens, each English phrase's stems.";
writeFileSync(
  out,
  `{\n  "$comment": ${JSON.stringify(comment)},\n  "tokens": {\n${lines.join(",\n")}\n  },\n  "stems": {\n${stemLines.join(",\n")}\n  }\n}\n`,
);
console.log(`${out}: ${lines.length} Chinese and ${stemLines.length} English phrases`);
