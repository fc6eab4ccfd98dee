/**
 * Writes src/retrieval/detailGateStarts.json: how each detail rule's `asked` pattern
 * (src/retrieval/detailRules.ts) can start a match, which the rules' gate reads on a server's first
 * question instead of reading the patterns' sources there. Run it after changing an `asked`
 * pattern or the reading in src/text/patternStarts.ts; tests/retrieval/detailGateStarts.test.ts
 * fails until then.
 *
 *   npx tsx scripts/build-detail-gate-starts.ts [--out src/retrieval/detailGateStarts.json]
 */
import { writeFileSync } from "node:fs";
import { detailGateTable } from "../src/retrieval/detailGateStarts.js";
import { DETAIL_RULES } from "../src/retrieval/detailRules.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-detail-gate-starts.ts", "src/retrieval/detailGateStarts.json");
const table = detailGateTable(DETAIL_RULES.map((rule) => rule.asked));
writeFileSync(out, `${JSON.stringify(table)}\n`);
console.log(`${out}: ${Object.keys(table.starts).length} patterns`);
