import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BadInput, Overloaded } from "../../src/errors.js";
import { ensureIndex } from "../../src/ingest/ensureIndex.js";
import { ingestCorpus, type IngestOptions } from "../../src/ingest/ingestCorpus.js";
import { loadIndex } from "../../src/index/loadIndex.js";
import type { IngestProgress } from "../../src/ingest/types.js";
import { CountingEmbeddings } from "../index/support/testEmbeddings.js";

const FIXTURE_CORPUS = path.resolve("tests/fixtures/index/corpus");

let root: string;
let corpusDir: string;
let indexDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ingest-"));
  corpusDir = path.join(root, "corpus");
  indexDir = path.join(root, "index");
  await cp(FIXTURE_CORPUS, corpusDir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function options(embeddings: CountingEmbeddings, extra: Partial<IngestOptions> = {}): IngestOptions {
  return { corpusDir, indexDir, embeddings, identity: () => embeddings.identity(), maxFileBytes: 100_000, batchSize: 2, ...extra };
}

async function live(): Promise<string> {
  return (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
}

async function versions(): Promise<string[]> {
  return (await readdir(indexDir)).filter((name) => name.startsWith("v-")).sort();
}

describe("ingestCorpus", () => {
  it("embeds every chunk in batches and reports what it did", async () => {
    const embeddings = new CountingEmbeddings();
    const progress: IngestProgress[] = [];
    const summary = await ingestCorpus(options(embeddings, { onProgress: (p) => progress.push(p) }));
    expect(summary.documents).toBe(2);
    expect(summary.sections).toBeGreaterThanOrEqual(6);
    expect(summary.chunks).toBeGreaterThanOrEqual(6);
    expect(summary.embeddedChunks).toBe(summary.chunks);
    expect(summary.cachedChunks).toBe(0);
    expect(embeddings.texts.length).toBe(summary.chunks);
    expect(summary.embeddingCalls).toBe(Math.ceil(summary.chunks / 2));
    expect(embeddings.calls).toBe(summary.embeddingCalls);
    expect(summary.resources).toBeGreaterThanOrEqual(3);
    expect(summary.versionDir).toBe(path.join(indexDir, await live()));
    expect(new Set(progress.map((p) => p.phase))).toEqual(new Set(["load", "chunk", "embed", "write"]));
    expect(progress.at(-1)).toMatchObject({ phase: "write", done: 5, total: 5 });
  });

  it("makes zero embedding calls when the corpus has not changed", async () => {
    const first = new CountingEmbeddings();
    const built = await ingestCorpus(options(first));
    const second = new CountingEmbeddings();
    const again = await ingestCorpus(options(second));
    expect(second.calls).toBe(0);
    expect(again.embeddingCalls).toBe(0);
    expect(again.cachedChunks).toBe(built.chunks);
    expect(again.embeddedChunks).toBe(0);
    expect(again.versionDir).not.toBe(built.versionDir);

    // And the index built from cached vectors answers exactly like the original.
    const index = await loadIndex(indexDir, second, second.identity());
    const vector = await index.embeddings.embedQuery("vLLM 量化部署");
    const [hit] = await index.vectorStore.similaritySearchVectorWithScore(vector, 1);
    expect(index.chunkById.get(hit![0].metadata.chunkId as string)?.headingPath.at(-1)).toBe("第三阶段：部署");
  });

  it("re-embeds only the chunks of the section that was edited", async () => {
    await ingestCorpus(options(new CountingEmbeddings()));
    await appendFile(path.join(corpusDir, "roadmaps/rag.md"), "\nAlso compare rerankers such as bge-reranker.\n");
    const second = new CountingEmbeddings();
    const summary = await ingestCorpus(options(second));
    expect(summary.embeddedChunks).toBe(1);
    expect(second.texts).toHaveLength(1);
    expect(second.texts[0]).toContain("bge-reranker");
    expect(summary.cachedChunks).toBe(summary.chunks - 1);
    expect(summary.embeddingCalls).toBe(1);
  });

  it("does not reuse vectors from another embedder", async () => {
    await ingestCorpus(options(new CountingEmbeddings({ dimensions: 64 })));
    const bigger = new CountingEmbeddings({ dimensions: 128 });
    const summary = await ingestCorpus(options(bigger));
    expect(summary.cachedChunks).toBe(0);
    expect(bigger.texts.length).toBe(summary.chunks);
    expect((await loadIndex(indexDir, bigger, bigger.identity())).manifest.embedder.dimensions).toBe(128);
  });

  it("keeps the live version and the one before it, and removes older ones", async () => {
    const embeddings = new CountingEmbeddings();
    const a = await ingestCorpus(options(embeddings));
    const b = await ingestCorpus(options(embeddings));
    const c = await ingestCorpus(options(embeddings));
    expect(await versions()).toEqual([path.basename(b.versionDir), path.basename(c.versionDir)].sort());
    expect(await live()).toBe(path.basename(c.versionDir));
    expect(await versions()).not.toContain(path.basename(a.versionDir));
  });

  it("leaves the previous index live and no partial version when embedding fails half-way", async () => {
    const good = await ingestCorpus(options(new CountingEmbeddings()));
    await appendFile(
      path.join(corpusDir, "roadmaps/rag.md"),
      "\n## Stage 4: Agents\n\nTool use and planning.\n\n## Stage 5: Serving\n\nLatency budgets.\n",
    );
    await appendFile(path.join(corpusDir, "roadmaps/finetuning.md"), "\n## 第四阶段：对齐\n\nRLHF 与 DPO。\n");
    const failing = new CountingEmbeddings({ failOnCall: 2 });
    await expect(ingestCorpus(options(failing))).rejects.toThrow(/failed on purpose/);
    expect(failing.calls).toBe(2);
    expect(await live()).toBe(path.basename(good.versionDir));
    expect(await versions()).toEqual([path.basename(good.versionDir)]);
    expect((await readdir(indexDir)).sort()).toEqual(["CURRENT", path.basename(good.versionDir)]);
    const index = await loadIndex(indexDir, failing, failing.identity());
    expect(index.chunks.length).toBe(good.chunks);
  });

  it("stops on abort during embedding, removes the unfinished version and keeps the previous one", async () => {
    const good = await ingestCorpus(options(new CountingEmbeddings()));
    await appendFile(
      path.join(corpusDir, "roadmaps/rag.md"),
      "\n## Stage 4: Agents\n\nTool use.\n\n## Stage 5: Serving\n\nLatency.\n\n## Stage 6: Safety\n\nRed teaming.\n",
    );
    const controller = new AbortController();
    const aborting = new CountingEmbeddings({ onCall: (call) => call === 1 && controller.abort(new Error("stop now")) });
    await expect(ingestCorpus(options(aborting, { signal: controller.signal, batchSize: 1 }))).rejects.toThrow("stop now");
    expect(aborting.calls).toBe(1);
    expect(await live()).toBe(path.basename(good.versionDir));
    expect(await versions()).toEqual([path.basename(good.versionDir)]);
  });

  it("stops on abort while writing the version and removes it", async () => {
    const good = await ingestCorpus(options(new CountingEmbeddings()));
    const controller = new AbortController();
    const onProgress = (p: IngestProgress) => {
      if (p.phase === "write" && p.message === "lexical index") controller.abort(new Error("stop while writing"));
    };
    await expect(ingestCorpus(options(new CountingEmbeddings(), { signal: controller.signal, onProgress }))).rejects.toThrow(
      "stop while writing",
    );
    expect(await live()).toBe(path.basename(good.versionDir));
    expect(await versions()).toEqual([path.basename(good.versionDir)]);
  });

  it("removes versions left by a process that died, and ignores them until then", async () => {
    const good = await ingestCorpus(options(new CountingEmbeddings()));
    const orphan = path.join(indexDir, "v-20000101T000000000Z-deadbeef");
    await mkdir(path.join(orphan, "hnswlib"), { recursive: true });
    await writeFile(path.join(orphan, "chunks.json"), "[");
    await writeFile(path.join(indexDir, "ingest.lock"), JSON.stringify({ pid: 2 ** 22 + 12345 })); // a pid that is not running
    expect((await loadIndex(indexDir, new CountingEmbeddings(), new CountingEmbeddings().identity())).dir).toBe(good.versionDir);
    const next = await ingestCorpus(options(new CountingEmbeddings()));
    expect(await versions()).toEqual([path.basename(good.versionDir), path.basename(next.versionDir)].sort());
    expect(await readdir(indexDir)).not.toContain("ingest.lock");
  });

  it("refuses to run while another live process holds the lock", async () => {
    await mkdir(indexDir, { recursive: true });
    await writeFile(path.join(indexDir, "ingest.lock"), JSON.stringify({ pid: process.ppid }));
    await expect(ingestCorpus(options(new CountingEmbeddings()))).rejects.toBeInstanceOf(Overloaded);
    expect(await versions()).toEqual([]);
  });

  it("rejects a missing or empty corpus before touching the index", async () => {
    await expect(ingestCorpus(options(new CountingEmbeddings(), { corpusDir: path.join(root, "missing") }))).rejects.toBeInstanceOf(
      BadInput,
    );
    await mkdir(path.join(root, "empty"));
    await expect(ingestCorpus(options(new CountingEmbeddings(), { corpusDir: path.join(root, "empty") }))).rejects.toThrow(/no \.md/);
    await expect(readdir(indexDir)).rejects.toThrow();
  });
});

describe("ensureIndex", () => {
  it("builds when there is no index and leaves an existing one alone", async () => {
    const embeddings = new CountingEmbeddings();
    const built = await ensureIndex(options(embeddings));
    expect(built?.chunks).toBeGreaterThan(0);
    const callsAfterBuild = embeddings.calls;
    expect(await ensureIndex(options(embeddings))).toBeUndefined();
    expect(embeddings.calls).toBe(callsAfterBuild);
    expect(await versions()).toHaveLength(1);
  });
});
