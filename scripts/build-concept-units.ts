/**
 * Writes src/retrieval/conceptUnits.json: the units (Chinese words, English stems) of every
 * concept definition's and learner's description's text (src/retrieval/conceptDefinitions.ts),
 * so that a server reads them instead of tokenizing 600 texts at start. Run it after changing
 * conceptDefinitions.json, conceptDescriptions.json or how a text's units are found (the
 * tokenizer, the filler words, the stopwords); tests/retrieval/conceptDefinitions.test.ts fails
 * until then. A text the file lacks is tokenized at start, as before.
 *
 *   npx tsx scripts/build-concept-units.ts [--out src/retrieval/conceptUnits.json]
 */
import { writeFileSync } from "node:fs";
import { conceptUnitsTable, type RawDefinition } from "../src/retrieval/conceptDefinitions.js";
import definitionData from "../src/retrieval/conceptDefinitions.json" with { type: "json" };
import descriptionData from "../src/retrieval/conceptDescriptions.json" with { type: "json" };
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-concept-units.ts", "src/retrieval/conceptUnits.json");
const entries: RawDefinition[] = [...definitionData.entries, ...descriptionData.entries];
const units = conceptUnitsTable(entries);
// One line per text, so that a change to one text is one changed line (prettier leaves the file alone).
const lines = Object.entries(units).map(([key, list]) => `    ${JSON.stringify(key)}: ${JSON.stringify(list)}`);
const comment =
  "Written by scripts/build-concept-units.ts from conceptDefinitions.json and conceptDescriptions.json: each text's units, by its key.";
writeFileSync(out, `{\n  "$comment": ${JSON.stringify(comment)},\n  "units": {\n${lines.join(",\n")}\n  }\n}\n`);
console.log(`${out}: ${Object.keys(units).length} texts`);
