import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import { ensureIndex } from "../../src/ingest/ensureIndex.js";
import { VERSION_FILES, readPointer } from "../../src/index/indexLayout.js";
import { INDEX_FORMAT_VERSION } from "../../src/index/types.js";

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setUp() {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-ensure-"));
  dirs.push(dir);
  const corpusDir = path.join(dir, "corpus");
  await mkdir(corpusDir, { recursive: true });
  await writeFile(
    path.join(corpusDir, "plan.md"),
    "# 路线\n\n## 第一阶段：基础\n\n学习 Python。\n\n## 第二阶段：微调\n\nLoRA 与 QLoRA。\n",
  );
  const embeddings = new LocalHashedEmbeddings();
  const options = {
    corpusDir,
    indexDir: path.join(dir, "index"),
    embeddings,
    identity: () => embeddings.identity(),
    maxFileBytes: 2_000_000,
    batchSize: 64,
  };
  return options;
}

describe("ensureIndex", () => {
  it("builds when there is no index, and leaves a current one alone", async () => {
    const options = await setUp();
    expect(await ensureIndex(options)).toBeDefined();
    expect(await ensureIndex(options)).toBeUndefined();
  });

  it("rebuilds an index of an older on-disk format (an upgrade), instead of refusing to start", async () => {
    const options = await setUp();
    await ensureIndex(options);
    const before = (await readPointer(options.indexDir))!;
    const manifestFile = path.join(options.indexDir, before, VERSION_FILES.manifest);
    const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as { formatVersion: number };
    await writeFile(manifestFile, JSON.stringify({ ...manifest, formatVersion: INDEX_FORMAT_VERSION - 1 }));
    expect(await ensureIndex(options)).toBeDefined();
    expect(await readPointer(options.indexDir)).not.toBe(before);
  });

  it("does not rebuild over a damaged manifest: loading falls back to the previous version and says why", async () => {
    const options = await setUp();
    await ensureIndex(options);
    const live = (await readPointer(options.indexDir))!;
    await writeFile(path.join(options.indexDir, live, VERSION_FILES.manifest), "{ not json");
    expect(await ensureIndex(options)).toBeUndefined();
  });
});
