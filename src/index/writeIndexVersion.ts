import { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import { Document } from "@langchain/core/documents";
import hnswlibNode from "hnswlib-node";
import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { syncDirectory, syncFile, writeFileDurably } from "./durableFiles.js";
import { writeEmbeddingCache } from "./embeddingCacheFile.js";
import { HNSW_PARAMETERS } from "./hnswParameters.js";
import { HNSWLIB_FILES, VERSION_FILES } from "./indexLayout.js";
import { LexicalIndex } from "./LexicalIndex.js";
import type { IndexManifest } from "./types.js";
import type { VersionContents } from "./VersionWriter.js";

/** Writes one file of the version durably; a parameter so tests can make the disk "full". */
export type WriteVersionFile = (file: string, data: string | Uint8Array) => Promise<void>;

const YIELD_EVERY = 256;

/**
 * Write one complete index version into a directory that must not exist yet. manifest.json goes
 * last, after every other file is flushed, and records their sizes: a version with a manifest is
 * whole. `step` is called between files so the caller can abort and report progress.
 */
export async function writeIndexVersion(
  versionDir: string,
  contents: VersionContents,
  step: (label: string) => void,
  writeFile: WriteVersionFile = writeFileDurably,
): Promise<IndexManifest> {
  await mkdir(versionDir);
  const { chunks, chunkVectors, manifest } = contents;
  const dimensions = manifest.embedder.dimensions;

  step("vector index");
  const hnsw = new hnswlibNode.HierarchicalNSW("cosine", dimensions);
  hnsw.initIndex(Math.max(1, chunks.length), HNSW_PARAMETERS.m, HNSW_PARAMETERS.efConstruction, HNSW_PARAMETERS.seed);
  const documents: Record<number, Document> = {};
  for (const [label, chunk] of chunks.entries()) {
    // hnswlib-node takes plain arrays only.
    hnsw.addPoint(Array.from(chunkVectors[label] as Float32Array), label);
    // The docstore only maps a label to its chunk id: the text lives once, in chunks.json.
    documents[label] = new Document({ pageContent: "", metadata: { chunkId: chunk.id } });
    // Building is synchronous native work: let a server that rebuilds in-process keep answering.
    if (label % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  const store = new HNSWLib(contents.embeddings, { space: "cosine", numDimensions: dimensions });
  store._index = hnsw;
  store.docstore.add(documents);
  const hnswDir = path.join(versionDir, VERSION_FILES.hnswlib);
  await store.save(hnswDir);
  for (const file of HNSWLIB_FILES) await syncFile(path.join(hnswDir, file));
  await syncDirectory(hnswDir);

  step("chunks and documents");
  await writeFile(path.join(versionDir, VERSION_FILES.chunks), JSON.stringify(chunks));
  await writeFile(path.join(versionDir, VERSION_FILES.documents), JSON.stringify(contents.documents));
  await writeFile(path.join(versionDir, VERSION_FILES.resources), JSON.stringify(contents.resources));

  step("lexical index");
  const lexical = LexicalIndex.fromChunks(chunks).toFiles();
  await writeFile(path.join(versionDir, VERSION_FILES.lexical), lexical.json);
  await writeFile(path.join(versionDir, VERSION_FILES.lexicalPostings), lexical.bin);

  step("embedding cache");
  await writeEmbeddingCache(versionDir, contents.cache.namespace, dimensions, contents.cache.entries, chunkVectors);

  step("manifest");
  const artifacts: Record<string, number> = {};
  const files = [
    ...HNSWLIB_FILES.map((file) => `${VERSION_FILES.hnswlib}/${file}`),
    VERSION_FILES.chunks,
    VERSION_FILES.documents,
    VERSION_FILES.resources,
    VERSION_FILES.lexical,
    VERSION_FILES.lexicalPostings,
    VERSION_FILES.cacheKeys,
  ];
  for (const file of files) artifacts[file] = (await stat(path.join(versionDir, file))).size;
  const complete: IndexManifest = { ...manifest, artifacts };
  await writeFile(path.join(versionDir, VERSION_FILES.manifest), JSON.stringify(complete, null, 2));
  await syncDirectory(versionDir);
  return complete;
}
