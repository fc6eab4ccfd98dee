/**
 * Writes src/retrieval/questionScan.json: the question scan compiled from the glossary, the
 * learners' phrases, the loose phrases' pairs, the Taiwan phrases and the split phrases' first
 * characters (src/retrieval/questionScan.ts compileScan; glossary.ts reads it), so that a server
 * reads the trie instead of compiling it at every start. Run it after changing glossary.json,
 * learnerPhrases.json, taiwanPhrases.json (or what builds them: the other build-* scripts), or how
 * the scan is compiled; tests/retrieval/questionScanFile.test.ts fails until then. For another
 * vocabulary than the file was written from, the scan is compiled as before.
 *
 *   npx tsx scripts/build-question-scan.ts [--out src/retrieval/questionScan.json]
 */
import { writeFileSync } from "node:fs";
import { format, resolveConfig } from "prettier";
import { questionScanTable } from "../src/retrieval/glossary.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-question-scan.ts", "src/retrieval/questionScan.json");
const written = questionScanTable();
const comment =
  "Written by scripts/build-question-scan.ts: the compiled question scan (src/retrieval/questionScan.ts WrittenScan); read only while `source` is the vocabulary's key.";
// Laid out as `npx prettier --write` would (the base64 strings on one line each), so a fresh file passes the format check.
const options = { ...(await resolveConfig(out)), parser: "json" };
writeFileSync(out, await format(JSON.stringify({ $comment: comment, ...written }), options));
console.log(`${out}: ${written.nodes - 1} nodes, ${written.edges} edges below the root`);
