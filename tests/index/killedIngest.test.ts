import { spawn } from "node:child_process";
import { appendFile, cp, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { loadIndex } from "../../src/index/loadIndex.js";
import { builtFile } from "../support/childBuild.js";
import { CountingEmbeddings } from "./support/testEmbeddings.js";

/** The child from the run's build (tests/support/childBuild.ts says why). */
const CHILD = builtFile("tests/index/support/ingestChild.ts");
/**
 * A deadline, not a timing assertion: each test starts a child that loads the pipeline, beside
 * in-process ingests; at load 15 on 2 cores the second test took over 30 s (as a tsx child) and
 * failed on the old 30 s limit.
 */
const CHILD_TEST_TIMEOUT_MS = 150_000;

let root: string;
let corpusDir: string;
let indexDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "killed-ingest-"));
  corpusDir = path.join(root, "corpus");
  indexDir = path.join(root, "index");
  await cp(path.resolve("tests/fixtures/index/corpus"), corpusDir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Run the child ingest, SIGKILL it when it prints `marker`; resolves with what it printed. */
function killWhenPrinted(mode: "embed" | "write", marker: string): Promise<{ output: string; signal: NodeJS.Signals | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, corpusDir, indexDir, mode], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let errors = "";
    child.stdout.on("data", (data: Buffer) => {
      output += data.toString();
      if (output.includes(marker)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (data: Buffer) => (errors += data.toString()));
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (signal === null) reject(new Error(`child exited with ${code} before being killed: ${output} ${errors}`));
      else resolve({ output, signal });
    });
  });
}

/** An in-process ingest of the fixture corpus, as the killed child runs it. */
function ingestFixture(embeddings: CountingEmbeddings): ReturnType<typeof ingestCorpus> {
  return ingestCorpus({ corpusDir, indexDir, embeddings, identity: () => embeddings.identity(), maxFileBytes: 100_000, batchSize: 8 });
}

async function addSections(): Promise<void> {
  await appendFile(
    path.join(corpusDir, "roadmaps/rag.md"),
    "\n## Stage 4: Agents\n\nTool use.\n\n## Stage 5: Serving\n\nLatency.\n\n## Stage 6: Safety\n\nRed teaming.\n",
  );
}

describe("an ingest killed with SIGKILL", () => {
  it(
    "while embedding leaves the previous index live and loadable",
    async () => {
      const embeddings = new CountingEmbeddings();
      const good = await ingestFixture(embeddings);
      await addSections();
      const { output, signal } = await killWhenPrinted("embed", "batch 2");
      expect(signal).toBe("SIGKILL");
      expect(output).not.toContain("finished");

      expect((await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim()).toBe(path.basename(good.versionDir));
      const index = await loadIndex(indexDir, embeddings, embeddings.identity());
      expect(index.dir).toBe(good.versionDir);
      expect(index.chunks).toHaveLength(good.chunks);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "while writing leaves a half-written version that is never used and is removed by the next ingest",
    async () => {
      const embeddings = new CountingEmbeddings();
      const good = await ingestFixture(embeddings);
      await addSections();
      await killWhenPrinted("write", "writing");

      const entries = await readdir(indexDir);
      const partial = entries.filter((name) => name.startsWith("v-") && name !== path.basename(good.versionDir));
      expect(partial).toHaveLength(1); // the killed run's unfinished version
      expect(await readdir(path.join(indexDir, partial[0]!))).not.toContain("manifest.json");
      expect(entries).toContain("ingest.lock"); // left by the dead process

      const index = await loadIndex(indexDir, embeddings, embeddings.identity());
      expect(index.dir).toBe(good.versionDir);

      const next = await ingestFixture(embeddings);
      expect(next.chunks).toBeGreaterThan(good.chunks);
      expect((await readdir(indexDir)).sort()).toEqual(["CURRENT", path.basename(good.versionDir), path.basename(next.versionDir)].sort());
    },
    CHILD_TEST_TIMEOUT_MS,
  );
});
