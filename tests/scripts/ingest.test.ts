import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { ingestOptions } from "../../src/tutor.js";
import { copyBundledIndex } from "../support/bundledIndex.js";
import { builtFile } from "../support/childBuild.js";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "../support/fakeOpenAiServer.js";

/** The CLI from the run's build (tests/support/childBuild.ts says why; ingestToAsk.test.ts runs it under tsx). */
const SCRIPT = builtFile("scripts/ingest.ts");
const KEY = "sk-cli-secret-7777";
/**
 * Each child loads the whole pipeline: seconds on an idle 2-core machine, but over 30 s when the
 * machine is shared (load average ~18 seen). A deadline, not a timing assertion.
 */
const CHILD_TEST_TIMEOUT_MS = 90_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without anything from the developer's shell that would change the embedder. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME };
  return { ...env, ...extra };
}

function runIngest(
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (text: string, child: ReturnType<typeof spawn>) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT, ...args], { env: cleanEnv(env), stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, child);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

let root: string;
let server: FakeOpenAiServer | undefined;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ingest-cli-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(root, { recursive: true, force: true });
});

describe("npm run ingest", () => {
  // The first build's progress and summary are checked by the end-to-end suite
  // (tests/integration/ingestToAsk.test.ts), which runs this CLI on the real corpus; here the
  // CLI re-ingests a copy of the index the test run built once, with the same default embedder.
  it(
    "takes its folders from CORPUS_DIR and INDEX_DIR, reuses the cache of the previous build and lists skipped files",
    async () => {
      const { corpusDir, indexDir } = await copyBundledIndex(inject("bundledIndex"), root);
      const before = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
      await writeFile(path.join(corpusDir, "roadmaps", "blank.md"), "\n\n");
      const run = await runIngest([], { CORPUS_DIR: corpusDir, INDEX_DIR: indexDir });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/embedded 0 chunks in 0 embedding calls, \d+ from the cache/);
      expect(run.stdout).toContain("roadmaps/blank.md: empty file");
      const after = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
      expect(after).not.toBe(before);
      expect(run.stdout).toContain(`Index built in ${path.join(indexDir, after)}`);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "exits non-zero with one clear line for a missing or empty corpus, and 2 for an unknown flag",
    async () => {
      await mkdir(path.join(root, "empty"));
      const [missing, empty, unknownFlag] = await Promise.all([
        runIngest(["--corpus", path.join(root, "nope"), "--out", path.join(root, "index")]),
        runIngest(["--corpus", path.join(root, "empty"), "--out", path.join(root, "index")]),
        runIngest(["--corpse", "x"]),
      ]);
      expect(missing.code).toBe(1);
      expect(missing.stderr.trim()).toBe(`Ingest failed: The corpus folder ${path.join(root, "nope")} does not exist.`);
      expect(empty.code).toBe(1);
      expect(empty.stderr).toMatch(/Ingest failed: The corpus folder .*empty has no \.md, \.markdown or \.txt files/);
      expect(unknownFlag.code).toBe(2);
      expect(unknownFlag.stderr).toContain("Unknown option '--corpse'");
      expect(unknownFlag.stderr).toContain("Usage: npm run ingest");
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "names the embedding server and its status, never the key, when it fails",
    async () => {
      server = await startFakeOpenAiServer({ embeddings: () => ({ status: 500, message: `boom ${KEY}` }) });
      const env = { EMBEDDINGS_PROVIDER: "openai", OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: KEY, OPENAI_MAX_RETRIES: "0" };
      const run = await runIngest(["--corpus", path.resolve("tests/fixtures/index/corpus"), "--out", path.join(root, "index")], env);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`Ingest failed: embedding server ${server.baseURL} answered HTTP 500`);
      expect(run.stdout + run.stderr).not.toContain(KEY);
      expect(run.stdout + run.stderr).not.toContain("boom");
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "on SIGINT stops, removes the unfinished version, keeps the previous index and exits 130",
    async () => {
      server = await startFakeOpenAiServer();
      const env = { EMBEDDINGS_PROVIDER: "openai", OPENAI_BASE_URL: server.baseURL, OPENAI_MAX_RETRIES: "0", EMBEDDING_BATCH_SIZE: "1" };
      const corpus = path.join(root, "corpus");
      await cp(path.resolve("tests/fixtures/index/corpus"), corpus, { recursive: true });
      const out = path.join(root, "index");
      // The previous index, built in-process with the same configuration (one CLI run fewer).
      await ingestCorpus(ingestOptions(parseConfig({ ...env, CORPUS_DIR: corpus, INDEX_DIR: out })));
      const before = (await readFile(path.join(out, "CURRENT"), "utf8")).trim();

      // Enough new sections that one request per chunk takes far longer than delivering a signal.
      const sections = Array.from({ length: 400 }, (_, i) => `## 主题 ${i}\n\n第 ${i} 节：练习 ${i} 号项目并记录结果 topic${i}。\n`).join(
        "\n",
      );
      await writeFile(path.join(corpus, "roadmaps", "big.md"), `# 大量练习\n\n${sections}`);
      let sent = false;
      const run = await runIngest(["--corpus", corpus, "--out", out], env, (stderr, child) => {
        if (!sent && stderr.includes("[embed]")) {
          sent = true;
          child.kill("SIGINT");
        }
      });
      expect(sent).toBe(true);
      expect(run.code).toBe(130);
      expect(run.stderr).toContain("Ingest interrupted");
      expect((await readFile(path.join(out, "CURRENT"), "utf8")).trim()).toBe(before);
      expect((await readdir(out)).sort()).toEqual(["CURRENT", before]);
    },
    2 * CHILD_TEST_TIMEOUT_MS,
  );
});
