/**
 * Writes src/text/everydayWords.json: the words jieba's idf table (`@node-rs/jieba/idf.txt`) gives
 * an idf under EVERYDAY_IDF (src/text/everydayWords.ts), so that a server reads ~400 words instead
 * of scanning the 6 MB table at start. Run it after upgrading @node-rs/jieba or changing the cut;
 * tests/text/everydayWords.test.ts fails until then.
 *
 *   npx tsx scripts/build-everyday-words.ts [--out src/text/everydayWords.json]
 */
import { writeFileSync } from "node:fs";
import { scanEverydayWords } from "../src/text/everydayWords.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-everyday-words.ts", "src/text/everydayWords.json");
const words = scanEverydayWords();
writeFileSync(out, `${JSON.stringify(words, null, 2)}\n`);
console.log(`${out}: ${words.length} words`);
