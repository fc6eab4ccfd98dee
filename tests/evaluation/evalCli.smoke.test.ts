import { execFile } from "node:child_process";
import { access, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run eval` as a process (the script's wiring: exit codes, reports on disk). Not part of
// `npm test`: it runs in `npm run test:smoke`, which .ci/run calls after its own offline gate
// run, so the evaluation CLI runs once per CI run (EVAL_SMOKE_OUT / EVAL_SMOKE_LOG point at it).

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function runEval(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/eval.ts", ...args], { env, timeout: 170_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Environment without the developer's model server (offline, local embedder), on a temp index. */
function offlineEnv(dir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, INDEX_DIR: path.join(dir, "index"), LOG_LEVEL: "silent" };
  for (const key of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "EMBEDDINGS_PROVIDER"]) delete env[key];
  return env;
}

describe("npm run eval as a process", () => {
  let dir: string;
  let reportDir: string;
  let output = "";

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "eval-smoke-"));
    const ciOut = process.env["EVAL_SMOKE_OUT"];
    const ciLog = process.env["EVAL_SMOKE_LOG"];
    if (ciOut && ciLog) {
      reportDir = path.join(ciOut, "dev");
      output = await readFile(ciLog, "utf8");
      return;
    }
    reportDir = path.join(dir, "reports");
    const args = ["--dataset", "tests/fixtures/evaluation/small.jsonl", "--report", reportDir, "--min-abstention-accuracy", "1"];
    const result = await runEval(args, offlineEnv(dir));
    expect(result.code).toBe(0);
    output = result.stdout + result.stderr;
  }, 180_000);

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("passes its gates and writes report.json, report.md and junit.xml", async () => {
    expect(output).toContain("PASSED");
    for (const file of ["report.json", "report.md", "junit.xml"]) await access(path.join(reportDir, file));
  });

  it("exits 2 on a bad flag, naming it", async () => {
    const failed = await runEval(["--k", "abc"], offlineEnv(dir));
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain("--k must be an integer");
  }, 120_000);
});
