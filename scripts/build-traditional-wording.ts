/**
 * Writes src/answering/traditionalWording.json: every text of the answers' Traditional-character
 * wording (src/answering/prompts.ts) with its OpenCC cn → tw conversion, so that a server reads
 * them instead of building OpenCC's converter at start. Run it after editing the Simplified
 * wording; tests/answering/prompts.test.ts fails until then.
 *
 *   npx tsx scripts/build-traditional-wording.ts [--out src/answering/traditionalWording.json]
 */
import { writeFileSync } from "node:fs";
import { traditionalWordingTable } from "../src/answering/prompts.js";
import { toTraditional } from "../src/text/script.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-traditional-wording.ts", "src/answering/traditionalWording.json");
const table = traditionalWordingTable(toTraditional);
// The templates' placeholders are private-use characters: written as escapes, so the file shows them.
const json = JSON.stringify(table, null, 2).replace(/[\uE000-\uF8FF]/g, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
writeFileSync(out, `${json}\n`);
console.log(`${out}: ${Object.keys(table).length} texts`);
