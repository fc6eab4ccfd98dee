import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import table from "../../src/text/questionGateStarts.json" with { type: "json" };
import { builtFile } from "../support/childBuild.js";

/**
 * The question's shared gate reads its patterns' starts from a table written ahead of time
 * (scripts/build-question-gate-starts.ts); the table must be what reading the patterns gives.
 * Read in a child process, as the script reads it: the test workers share modules between files
 * (vitest `isolate: false`), and a test that registers patterns of its own (questionGate.test.ts)
 * would add them to this worker's registry.
 */
describe("questionGateStarts.json", () => {
  it("is what reading the registered patterns gives now (else: npx tsx scripts/build-question-gate-starts.ts)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "gate-starts-"));
    try {
      const out = path.join(dir, "questionGateStarts.json");
      await promisify(execFile)(process.execPath, [builtFile("scripts/build-question-gate-starts.ts"), "--out", out]);
      const written = JSON.parse(await readFile(out, "utf8")) as typeof table;
      expect(Object.keys(written.starts).length).toBeGreaterThan(0);
      expect(table).toEqual(written);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
