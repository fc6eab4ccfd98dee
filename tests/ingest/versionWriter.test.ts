import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileVersionWriter } from "../../src/index/FileVersionWriter.js";
import type { VersionWriter } from "../../src/index/VersionWriter.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { CountingEmbeddings } from "../index/support/testEmbeddings.js";

/**
 * The write step's seam: ingestCorpus talks to a VersionWriter only (lock, cache, write, publish,
 * discard), so another store can take the file store's place. A recording wrapper around the real
 * file writer shows the order of the steps and that nothing is published after a failure.
 */
let root: string;
let corpusDir: string;
let indexDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "version-writer-"));
  corpusDir = path.join(root, "corpus");
  indexDir = path.join(root, "index");
  await cp(path.resolve("tests/fixtures/index/corpus"), corpusDir, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function recording(inner: VersionWriter, failOn?: "publish"): { writer: VersionWriter; calls: string[] } {
  const calls: string[] = [];
  const writer: VersionWriter = {
    location: "recorded store",
    lock: async () => {
      calls.push("lock");
      const release = await inner.lock();
      return async () => {
        calls.push("release");
        await release();
      };
    },
    readCachedVectors: async (namespace) => {
      calls.push("readCachedVectors");
      return inner.readCachedVectors(namespace);
    },
    write: async (contents, step) => {
      calls.push("write");
      return inner.write(contents, step);
    },
    publish: async (version) => {
      calls.push("publish");
      if (failOn === "publish") throw new Error("the store refused the switch");
      return inner.publish(version);
    },
    discard: async (version) => {
      calls.push("discard");
      return inner.discard(version);
    },
    explainFailure: async (error, size, writing) => inner.explainFailure(error, size, writing),
  };
  return { writer, calls };
}

describe("ingestCorpus through a VersionWriter", () => {
  const options = (writer: VersionWriter, embeddings = new CountingEmbeddings()) => ({
    corpusDir,
    indexDir: path.join(root, "unused"),
    writer,
    embeddings,
    identity: () => embeddings.identity(),
    maxFileBytes: 100_000,
    batchSize: 8,
  });

  it("locks, reads the cache, writes, publishes and releases, in that order, and reports the writer's location", async () => {
    const { writer, calls } = recording(new FileVersionWriter(indexDir));
    const summary = await ingestCorpus(options(writer));
    expect(calls).toEqual(["lock", "readCachedVectors", "write", "publish", "release"]);
    expect(summary.indexDir).toBe("recorded store");
    expect((await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim()).toBe(path.basename(summary.versionDir));
  });

  it("reuses the vectors the writer hands back: a second ingest embeds nothing", async () => {
    await ingestCorpus(options(recording(new FileVersionWriter(indexDir)).writer));
    const embeddings = new CountingEmbeddings();
    const summary = await ingestCorpus(options(recording(new FileVersionWriter(indexDir)).writer, embeddings));
    expect(summary.embeddingCalls).toBe(0);
    expect(summary.cachedChunks).toBe(summary.chunks);
  });

  it("discards the written version when publishing fails, and still releases the lock", async () => {
    const first = await ingestCorpus(options(new FileVersionWriter(indexDir)));
    const { writer, calls } = recording(new FileVersionWriter(indexDir), "publish");
    await expect(ingestCorpus(options(writer))).rejects.toThrow("the store refused the switch");
    expect(calls).toEqual(["lock", "readCachedVectors", "write", "publish", "discard", "release"]);
    expect((await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim()).toBe(path.basename(first.versionDir));
  });
});
