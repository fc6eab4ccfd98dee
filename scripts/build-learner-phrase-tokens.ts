/**
 * Writes src/retrieval/learnerPhraseTokens.json: the search tokens of every Chinese learners'
 * phrase (src/retrieval/learnerPhrases.ts), so that the first question reads them instead of
 * tokenizing ~2,900 phrases. Run it after changing learnerPhrases.json or the tokenizer;
 * tests/retrieval/learnerPhrases.test.ts fails until then. A phrase the file lacks is tokenized
 * when the table is built, as before.
 *
 *   npx tsx scripts/build-learner-phrase-tokens.ts [--out src/retrieval/learnerPhraseTokens.json]
 */
import { writeFileSync } from "node:fs";
import { learnerPhraseTokensTable } from "../src/retrieval/learnerPhrases.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-learner-phrase-tokens.ts", "src/retrieval/learnerPhraseTokens.json");
const tokens = learnerPhraseTokensTable();
// One line per phrase, so that a change to one phrase is one changed line (prettier leaves the file alone).
const lines = Object.entries(tokens).map(([phrase, list]) => `    ${JSON.stringify(phrase)}: ${JSON.stringify(list)}`);
const comment = "Written by scripts/build-learner-phrase-tokens.ts from learnerPhrases.json: each Chinese phrase's search tokens.";
writeFileSync(out, `{\n  "$comment": ${JSON.stringify(comment)},\n  "tokens": {\n${lines.join(",\n")}\n  }\n}\n`);
console.log(`${out}: ${lines.length} phrases`);
