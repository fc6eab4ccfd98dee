/**
 * Writes src/http/responseWriters.json: the code fast-json-stringify generates for the answer's and
 * the search's response writers (and the scalar writers their bodies use), which a server reads
 * instead of compiling them at every start. Entries are for the running Node line (the code differs
 * before and from Node 22); another line's entries for the same schemas are kept. Run it after
 * changing the answer or search contract (src/http/contract) or upgrading fast-json-stringify, under
 * each Node line a server runs on; tests/http/responseWriters.test.ts fails until then.
 *
 *   npx tsx scripts/build-response-writers.ts [--out src/http/responseWriters.json]
 */
import { writeFileSync } from "node:fs";
import { responseWriterSchemas } from "../src/http/responseWriterSchemas.js";
import { responseWritersTable, writerRuntime } from "../src/http/responseWriters.js";
import { tableOutput } from "./tableOutput.js";

const out = tableOutput("build-response-writers.ts", "src/http/responseWriters.json");
const table = responseWritersTable(responseWriterSchemas());
writeFileSync(out, `${JSON.stringify(table, null, 1)}\n`);
console.log(
  `${out}: ${Object.keys(table.runtimes[writerRuntime()] ?? {}).length} writers for ${writerRuntime()} (${Object.keys(table.runtimes).length} runtimes)`,
);
