/**
 * Writes src/text/taiwanPhrases.json: OpenCC's Taiwan → Mainland phrase table read in Simplified
 * characters (src/text/script.ts readTaiwanPhrasePairs), so that a server reads ~700 pairs instead
 * of building a second OpenCC converter at start. Run it after upgrading opencc-js;
 * tests/text/script.test.ts fails until then.
 *
 *   npx tsx scripts/build-taiwan-phrases.ts [--out src/text/taiwanPhrases.json]
 */
import { writeFileSync } from "node:fs";
import { readTaiwanPhrasePairs } from "../src/text/script.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-taiwan-phrases.ts", "src/text/taiwanPhrases.json");
const pairs = readTaiwanPhrasePairs();
// One pair per line, so that a changed pair is one changed line.
writeFileSync(out, `[\n${pairs.map(([from, to]) => `  [${JSON.stringify(from)}, ${JSON.stringify(to)}]`).join(",\n")}\n]\n`);
console.log(`${out}: ${pairs.length} pairs`);
