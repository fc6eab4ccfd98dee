/**
 * Writes src/text/questionGateStarts.json: how each pattern registered with the question's shared
 * gate (src/text/questionGate.ts: gatedTest, mayMatchGated) can start a match, which the gate reads
 * on a server's first question instead of reading the patterns' sources there. Run it after
 * changing or adding a gated pattern or the reading in src/text/patternStarts.ts;
 * tests/text/questionGateStarts.test.ts fails until then.
 *
 *   npx tsx scripts/build-question-gate-starts.ts [--out src/text/questionGateStarts.json]
 */
import { writeFileSync } from "node:fs";
// Every module a server loads, so every gated pattern is registered.
import "../src/tutor.js";
import { questionGateTable } from "../src/text/questionGate.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-question-gate-starts.ts", "src/text/questionGateStarts.json");
const table = questionGateTable();
writeFileSync(out, `${JSON.stringify(table)}\n`);
console.log(`${out}: ${Object.keys(table.starts).length} patterns`);
