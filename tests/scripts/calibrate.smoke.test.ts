import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm run calibrate` as a process, in `npm run test:smoke` (it loads the whole pipeline, as eval does).

function runCalibrate(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/calibrate.ts", ...args], { env, timeout: 170_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run calibrate as a process", () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "calibrate-smoke-"));
    env = { ...process.env, INDEX_DIR: path.join(dir, "index"), LOG_LEVEL: "silent" };
    for (const key of ["OPENAI_API_KEY", "OPENAI_BASE_URL", "EMBEDDINGS_PROVIDER", "RETRIEVAL_K"]) delete env[key];
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("chooses thresholds at the k the product answers with (RETRIEVAL_K), unless --k is given", async () => {
    const product = await runCalibrate(["--dataset", "tests/fixtures/evaluation/small.jsonl", "--folds", "2"], {
      ...env,
      RETRIEVAL_K: "4",
    });
    expect(product.code, product.stderr).toBe(0);
    expect(product.stdout).toMatch(/2-fold CV, k = 4\./);
    const given = await runCalibrate(["--dataset", "tests/fixtures/evaluation/small.jsonl", "--folds", "2", "--k", "3"], {
      ...env,
      RETRIEVAL_K: "4",
    });
    expect(given.stdout).toMatch(/2-fold CV, k = 3\./);
  }, 340_000);

  it("refuses the test split", async () => {
    const refused = await runCalibrate(["--dataset", "tests/eval/blind/test.jsonl"], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("the test split is only for reporting");
  }, 120_000);
});
