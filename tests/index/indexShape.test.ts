/* eslint-disable @typescript-eslint/no-explicit-any -- this file rewrites index JSON into deliberately wrong shapes */
import { cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTutorApp } from "../../src/app.js";
import { IndexNotReady } from "../../src/errors.js";
import { ingestCorpus } from "../../src/ingest/ingestCorpus.js";
import { loadIndex } from "../../src/index/loadIndex.js";
import { openTutor } from "../../src/tutor.js";
import { parseConfig } from "../../src/config.js";
import { CountingEmbeddings } from "./support/testEmbeddings.js";

/**
 * Index files that are valid JSON of the wrong shape (an older format, a bug, a hand edit) must
 * not load as "ready": the version is refused by name, an older intact version takes over, and
 * with none left the server reports 503 on /readyz instead of answering 500s.
 */

const FIXTURE_CORPUS = path.resolve("tests/fixtures/index/corpus");
const embeddings = new CountingEmbeddings({ dimensions: 64 });

let root: string;
/** An index with two finished versions: the older one and CURRENT. */
let builtDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "index-shape-"));
  builtDir = path.join(root, "built");
  const options = {
    corpusDir: FIXTURE_CORPUS,
    indexDir: builtDir,
    embeddings,
    identity: () => embeddings.identity(),
    maxFileBytes: 100_000,
    batchSize: 8,
  };
  await ingestCorpus(options);
  await ingestCorpus(options);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function copyOfIndex(keepOlder: boolean): Promise<{ indexDir: string; current: string; older: string }> {
  const indexDir = await mkdtemp(path.join(root, "copy-"));
  await cp(builtDir, indexDir, { recursive: true });
  const current = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
  const older = (await readdir(indexDir)).find((name) => name.startsWith("v-") && name !== current)!;
  if (!keepOlder) await rm(path.join(indexDir, older), { recursive: true });
  return { indexDir, current: path.join(indexDir, current), older: path.join(indexDir, older) };
}

/** Rewrite one JSON file of a version, keeping the manifest's size record true so only the shape is wrong. */
async function reshape(versionDir: string, file: string, change: (value: any) => unknown): Promise<void> {
  const target = path.join(versionDir, file);
  await writeFile(target, JSON.stringify(change(JSON.parse(await readFile(target, "utf8")))));
  if (file === "manifest.json") return;
  const manifestFile = path.join(versionDir, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
  manifest.artifacts[file] = (await stat(target)).size;
  await writeFile(manifestFile, JSON.stringify(manifest));
}

const DAMAGE: [string, string, (value: any) => unknown, RegExp][] = [
  ["chunks.json", "a chunk's text is a number", (chunks: any[]) => chunks.map((c) => ({ ...c, text: 42 })), /item 0: text/],
  ["chunks.json", "chunks lack their heading path", (chunks: any[]) => chunks.map(({ headingPath: _, ...c }) => c), /headingPath/],
  ["documents.json", "a document's outline is a string", (docs: any[]) => docs.map((d) => ({ ...d, outline: "none" })), /outline/],
  ["resources.json", "a resource url is a number", (resources: any[]) => resources.map((r) => ({ ...r, url: 5 })), /url/],
  ["manifest.json", "the manifest has no counts", ({ counts: _, ...manifest }: any) => manifest, /counts/],
  [
    "manifest.json",
    "the embedder provider is unknown",
    (manifest: any) => ({ ...manifest, embedder: { ...manifest.embedder, provider: "mystery" } }),
    /provider/,
  ],
  [
    "hnswlib/docstore.json",
    "the docstore names chunks that do not exist",
    (entries: any[]) => entries.map(([id, doc]) => [id, { ...doc, metadata: { chunkId: "nope" } }]),
    /docstore/,
  ],
];

describe("loadIndex: valid JSON of the wrong shape", () => {
  it.each(DAMAGE)("refuses %s when %s, naming the file and the field", async (file, _why, change, detail) => {
    const { indexDir, current } = await copyOfIndex(false);
    await reshape(current, file, change);
    const error = await loadIndex(indexDir, embeddings, embeddings.identity()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexNotReady);
    expect((error as Error).message).toContain(path.join(current, file));
    expect((error as Error).message).toMatch(/corrupt/);
    expect((error as Error).message).toMatch(detail);
  });

  it("falls back to the previous intact version, and says why", async () => {
    const { indexDir, current, older } = await copyOfIndex(true);
    await reshape(current, "chunks.json", (chunks: any[]) => chunks.map((c) => ({ ...c, text: 42 })));
    const index = await loadIndex(indexDir, embeddings, embeddings.identity());
    expect(index.dir).toBe(older);
    expect(index.fallbackFrom).toContain(path.join(current, "chunks.json"));
    expect(index.chunks.every((chunk) => typeof chunk.text === "string")).toBe(true);
  });

  it("loads CURRENT (not a fallback) when it is intact", async () => {
    const { indexDir, current } = await copyOfIndex(true);
    const index = await loadIndex(indexDir, embeddings, embeddings.identity());
    expect(index.dir).toBe(current);
    expect(index.fallbackFrom).toBeUndefined();
  });
});

describe("the server on a damaged index", () => {
  async function appOn(indexDir: string) {
    const config = parseConfig({ CORPUS_DIR: FIXTURE_CORPUS, INDEX_DIR: indexDir, LOCAL_EMBEDDING_DIMENSIONS: "64", LOG_LEVEL: "silent" });
    const tutor = await openTutor(config, { tolerateMissingIndex: true });
    return buildTutorApp(tutor);
  }

  it("serves 503 on /readyz with the damaged file as the reason, and 503 (not 500) on queries", async () => {
    const { indexDir, current } = await copyOfIndex(false);
    await reshape(current, "chunks.json", (chunks: any[]) => chunks.map((c) => ({ ...c, text: 42 })));
    const app = await appOn(indexDir);
    try {
      const ready = await app.inject({ method: "GET", url: "/readyz" });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().reason).toContain("chunks.json");
      const search = await app.inject({ method: "POST", url: "/api/search", payload: { query: "LoRA" } });
      expect(search.statusCode).toBe(503);
    } finally {
      await app.close();
    }
  });

  it("is ready on the previous version when CURRENT is damaged", async () => {
    const { indexDir, current, older } = await copyOfIndex(true);
    await reshape(current, "documents.json", (docs: any[]) => docs.map((d) => ({ ...d, outline: "none" })));
    const app = await appOn(indexDir);
    try {
      const ready = await app.inject({ method: "GET", url: "/readyz" });
      expect(ready.statusCode).toBe(200);
      expect(ready.json().index.version).toBe(path.basename(older));
      const search = await app.inject({ method: "POST", url: "/api/search", payload: { query: "LoRA" } });
      expect(search.statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});
