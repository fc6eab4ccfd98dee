/**
 * Writes src/retrieval/looseLearnerPhraseKeys.json: the loose learners' phrases' pieces (Han
 * character pairs and Porter stems, numbered; src/retrieval/looseLearnerPhrases.ts), so that a
 * server reads them instead of cutting ~3,800 phrases into pieces at every start. Run it after
 * changing learnerPhrases.json, the pieces' reading, `stemmer` or the English stop words;
 * tests/retrieval/looseLearnerPhrases.test.ts fails until then. For other phrases than the file
 * was written from, the phrases are read as before.
 *
 *   npx tsx scripts/build-loose-learner-phrase-keys.ts [--out src/retrieval/looseLearnerPhraseKeys.json]
 */
import { writeFileSync } from "node:fs";
import { scannedLoosePhraseKeys } from "../src/retrieval/looseLearnerPhrases.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-loose-learner-phrase-keys.ts", "src/retrieval/looseLearnerPhraseKeys.json");
const { source, keys, phrases, pairs } = scannedLoosePhraseKeys();
const rows = (items: unknown[], perLine: number) => {
  const lines: string[] = [];
  for (let i = 0; i < items.length; i += perLine)
    lines.push(
      `    ${items
        .slice(i, i + perLine)
        .map((item) => JSON.stringify(item))
        .join(", ")}`,
    );
  return lines.join(",\n");
};
const comment =
  "Written by scripts/build-loose-learner-phrase-keys.ts from learnerPhrases.json: the loose phrases' keys, each phrase as [entry, ...keys], the Han pairs' keys; read only while `source` is the phrases' key.";
writeFileSync(
  out,
  `{\n  "$comment": ${JSON.stringify(comment)},\n  "source": ${JSON.stringify(source)},\n  "keys": [\n${rows(keys, 20)}\n  ],\n  "phrases": [\n${rows(phrases, 1)}\n  ],\n  "pairs": [\n${rows(pairs, 40)}\n  ]\n}\n`,
);
console.log(`${out}: ${keys.length} keys, ${phrases.length} phrases, ${pairs.length} pairs`);
