/**
 * Writes src/text/stopwords.json: the English and Chinese lists of the `stopword` package, the only
 * two of its sixty-odd languages read here, so that a server reads ~190 words instead of loading the
 * package (~30 ms of CPU at every start: it builds every language's list). Run it after upgrading
 * `stopword`; tests/text/stopwords.test.ts fails until then.
 *
 *   npx tsx scripts/build-stopwords.ts [--out src/text/stopwords.json]
 */
import { writeFileSync } from "node:fs";
import { eng, zho } from "stopword";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-stopwords.ts", "src/text/stopwords.json");
writeFileSync(out, `${JSON.stringify({ eng, zho }, null, 2)}\n`);
console.log(`${out}: ${eng.length} English and ${zho.length} Chinese words`);
