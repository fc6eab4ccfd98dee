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

const args = process.argv.slice(2);
const at = args.indexOf("--out");
const out = at >= 0 ? args[at + 1] : "src/text/everydayWords.json";
if (!out) {
  console.error("usage: npx tsx scripts/build-everyday-words.ts [--out FILE]");
  process.exit(2);
}
const words = scanEverydayWords();
writeFileSync(out, `${JSON.stringify(words, null, 2)}\n`);
console.log(`${out}: ${words.length} words`);
