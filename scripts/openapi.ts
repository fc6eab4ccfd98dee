/**
 * Write the OpenAPI document the server publishes at /docs/json, from an app built in-process
 * (no port, no index needed): `npm run lint:openapi` lints what this writes.
 *
 *   tsx scripts/openapi.ts [--out FILE]      (default: test-artifacts/openapi.json)
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildTutorApp } from "../src/app.js";
import { parseConfig } from "../src/config.js";
import { openTutor } from "../src/tutor.js";

const outIndex = process.argv.indexOf("--out");
const out = path.resolve(outIndex > 0 ? (process.argv[outIndex + 1] ?? "") : "test-artifacts/openapi.json");

const scratch = await mkdtemp(path.join(os.tmpdir(), "tutor-openapi-"));
try {
  const config = parseConfig({
    INDEX_DIR: path.join(scratch, "index"),
    // Set so the admin routes are registered and documented; this app never listens.
    ADMIN_KEY: "document-the-admin-routes-only",
    LOAD_SHEDDING: "false",
    LOG_LEVEL: "silent",
  });
  const tutor = await openTutor(config, { tolerateMissingIndex: true });
  const app = await buildTutorApp(tutor);
  await app.ready();
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(app.swagger(), null, 2)}\n`);
  await app.close();
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), out)}`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
