import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { IndexDiskFull, estimateVersionBytes, formatBytes } from "../../src/index/diskSpace.js";
import { writeFileDurably, type FileData } from "../../src/index/durableFiles.js";
import { ingestCorpus, type IngestOptions } from "../../src/ingest/ingestCorpus.js";
import { loadIndex } from "../../src/index/loadIndex.js";
import { CountingEmbeddings } from "./support/testEmbeddings.js";

const FIXTURE_CORPUS = path.resolve("tests/fixtures/index/corpus");

let root: string;
let indexDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "disk-full-"));
  indexDir = path.join(root, "index");
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function options(extra: Partial<IngestOptions> = {}): IngestOptions {
  const embeddings = new CountingEmbeddings();
  return {
    corpusDir: FIXTURE_CORPUS,
    indexDir,
    embeddings,
    identity: () => embeddings.identity(),
    maxFileBytes: 100_000,
    batchSize: 8,
    ...extra,
  };
}

/** What Node throws when the disk fills up mid-write. */
const enospc = (file: string) =>
  Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: "ENOSPC", errno: -28, syscall: "write" });

describe("ingest on a full disk", () => {
  it("fails with IndexDiskFull naming the folder and the room needed, keeping the previous version live", async () => {
    const good = await ingestCorpus(options());
    let writes = 0;
    const fullAfterTwoFiles = async (file: string, data: FileData) => {
      if (++writes > 2) throw enospc(file);
      await writeFileDurably(file, data);
    };
    const error = await ingestCorpus(options({ writeFile: fullAfterTwoFiles })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(IndexDiskFull);
    const message = (error as Error).message;
    expect(message).toMatch(/^ENOSPC: not enough disk space in /);
    expect(message).toContain(indexDir);
    expect(message).toMatch(/needs about \d+(\.\d)? [KMG]B/);
    expect(message).not.toContain("\n");
    expect((error as IndexDiskFull).neededBytes).toBeGreaterThan(0);

    expect((await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim()).toBe(path.basename(good.versionDir));
    expect((await readdir(indexDir)).filter((name) => name.startsWith("v-"))).toEqual([path.basename(good.versionDir)]);
    expect(await readdir(indexDir)).not.toContain("ingest.lock");
    const embeddings = new CountingEmbeddings();
    expect((await loadIndex(indexDir, embeddings, embeddings.identity())).dir).toBe(good.versionDir);
  });

  it("leaves other write errors as they are", async () => {
    const denied = async () => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    };
    await expect(ingestCorpus(options({ writeFile: denied }))).rejects.toThrow("EACCES");
  });
});

describe("the space estimate", () => {
  it("grows with chunks, vector size and text, and reads in human units", () => {
    const small = estimateVersionBytes({ chunks: 100, dimensions: 64, chunkTextBytes: 10_000, documentBytes: 10_000 });
    expect(estimateVersionBytes({ chunks: 1000, dimensions: 64, chunkTextBytes: 10_000, documentBytes: 10_000 })).toBeGreaterThan(small);
    expect(estimateVersionBytes({ chunks: 100, dimensions: 1024, chunkTextBytes: 10_000, documentBytes: 10_000 })).toBeGreaterThan(small);
    // 10k chunks of 1024 dims hold 40 MB of vectors, stored once (format 2), and not much more.
    const vectorsOnly = estimateVersionBytes({ chunks: 10_000, dimensions: 1024, chunkTextBytes: 0, documentBytes: 0 });
    expect(vectorsOnly).toBeGreaterThan(40_000_000);
    expect(vectorsOnly).toBeLessThan(60_000_000);
    expect(formatBytes(1536)).toBe("2 KB");
    expect(formatBytes(5 * 1024 * 1024)).toBe("5.0 MB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GB");
  });
});
