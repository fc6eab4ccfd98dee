import { spawn } from "node:child_process";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { builtFile } from "../support/childBuild.js";

// The run's build of the CLI and of the preload (tests/support/childBuild.ts says why).
const SCRIPT = builtFile("scripts/ingest.ts");
const PRELOAD = builtFile("tests/scripts/support/diskFullPreload.ts");

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ingest-disk-full-"));
  await cp(path.resolve("tests/fixtures/index/corpus"), path.join(root, "corpus"), { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function runIngest(indexDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", PRELOAD, SCRIPT, "--corpus", path.join(root, "corpus"), "--out", indexDir], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TEST_DISK_FULL_DIR: indexDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

it("npm run ingest on a full disk prints one ENOSPC line naming the folder and the room needed, exit 1", async () => {
  const indexDir = path.join(root, "index");
  const run = await runIngest(indexDir);
  expect(run.code).toBe(1);
  const failure = run.stderr.split("\n").filter((line) => line.startsWith("Ingest failed"));
  expect(failure).toHaveLength(1);
  expect(failure[0]).toMatch(
    new RegExp(
      `^Ingest failed: ENOSPC: not enough disk space in ${indexDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: the new index version needs about \\d+(\\.\\d)? [KMG]B, .* is free\\.`,
    ),
  );
  expect(run.stderr).not.toMatch(/^\s+at /m); // no stack trace
  expect((await readdir(indexDir)).filter((name) => name.startsWith("v-"))).toEqual([]); // the unfinished version is gone
  // A deadline for the CLI as a child process on a busy machine (60 s was near the edge at load 12), not a timing assertion.
}, 150_000);
