import type { HNSWLib } from "@langchain/community/vectorstores/hnswlib";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Document } from "@langchain/core/documents";
import path from "node:path";
import type { Chunk } from "../chunking/types.js";
import { syncDirectory, syncFile, type writeFileDurably } from "./durableFiles.js";
import { HNSW_PARAMETERS } from "./hnswParameters.js";
import { HNSWLIB_FILES, VERSION_FILES } from "./indexLayout.js";
import { SparseVectorIndex } from "./SparseVectorIndex.js";
import { SparseVectorStore } from "./SparseVectorStore.js";
import type { DenseVectorSearch, VectorIndexDescriptor } from "./types.js";
import { hnswlibNode } from "./hnswlibNode.js";

/**
 * Vectors with at most this share of non-zero entries go to the exact sparse index, others to
 * HNSW. The local hashed embedder's are ~25 % non-zero at 1,024 dimensions (~10 % for a
 * question); a remote model's are dense (100 %). Below 64 dimensions hashing fills nearly every
 * slot, so small test embedders take the HNSW path.
 */
export const SPARSE_DENSITY_LIMIT = 0.5;

const YIELD_EVERY = 256;

/** Build and write the vector index of a version; returns what the manifest records and the files written. */
export async function writeVectorIndex(
  versionDir: string,
  chunks: readonly Chunk[],
  chunkVectors: readonly Float32Array[],
  dimensions: number,
  embeddings: EmbeddingsInterface,
  writeFile: typeof writeFileDurably,
): Promise<{ descriptor: VectorIndexDescriptor; files: string[] }> {
  if (SparseVectorIndex.density(chunkVectors) <= SPARSE_DENSITY_LIMIT) {
    // Built to be written, never searched here: a plain ArrayBuffer, no kernel memory.
    const { header, bin } = SparseVectorIndex.fromVectors(chunkVectors, dimensions, { kernel: false }).toFile();
    await writeFile(path.join(versionDir, VERSION_FILES.vectors), bin);
    return { descriptor: header, files: [VERSION_FILES.vectors] };
  }

  // LangChain's HNSWLib and Document are imported here, not with this module: the sparse index
  // (the local embedder's) never needs them, and their module graph costs ~100 ms of start-up.
  const [{ HNSWLib }, { Document }] = await Promise.all([
    import("@langchain/community/vectorstores/hnswlib"),
    import("@langchain/core/documents"),
  ]);
  const hnsw = new (hnswlibNode().HierarchicalNSW)("cosine", dimensions);
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
  const store = new HNSWLib(embeddings, { space: "cosine", numDimensions: dimensions });
  store._index = hnsw;
  store.docstore.add(documents);
  const hnswDir = path.join(versionDir, VERSION_FILES.hnswlib);
  await store.save(hnswDir);
  for (const file of HNSWLIB_FILES) await syncFile(path.join(hnswDir, file));
  await syncDirectory(hnswDir);
  const descriptor = { kind: "hnsw", m: HNSW_PARAMETERS.m, efConstruction: HNSW_PARAMETERS.efConstruction } as const;
  return { descriptor, files: HNSWLIB_FILES.map((file) => `${VERSION_FILES.hnswlib}/${file}`) };
}

/**
 * The vector store of a version, checked against its chunks. Throws `{ file, why }` errors
 * (VectorIndexDamaged) for the loader to turn into "corrupt, rebuild" messages.
 */
export async function loadVectorIndex(
  dir: string,
  descriptor: VectorIndexDescriptor,
  embeddings: EmbeddingsInterface,
  chunks: readonly Chunk[],
  dimensions: number,
): Promise<DenseVectorSearch> {
  if (descriptor.kind === "sparse") {
    let index: SparseVectorIndex;
    try {
      index = await SparseVectorIndex.readFile(descriptor, path.join(dir, VERSION_FILES.vectors));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new VectorIndexDamaged(VERSION_FILES.vectors, code ? "missing or unreadable" : (error as Error).message);
    }
    if (index.count !== chunks.length || index.dimensions !== dimensions) {
      throw new VectorIndexDamaged(VERSION_FILES.vectors, `${index.count} vectors of ${index.dimensions} dims for ${chunks.length} chunks`);
    }
    return new SparseVectorStore(
      index,
      chunks.map((chunk) => chunk.id),
    );
  }

  const hnswDir = path.join(dir, VERSION_FILES.hnswlib);
  const { HNSWLib } = await import("@langchain/community/vectorstores/hnswlib");
  let store: HNSWLib;
  try {
    store = await HNSWLib.load(hnswDir, embeddings);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === "ENOENT" && (error as NodeJS.ErrnoException).path;
    throw new VectorIndexDamaged(missing ? path.relative(dir, missing) : VERSION_FILES.hnswlib, "missing or corrupt");
  }
  const count = store.index.getCurrentCount();
  if (count !== chunks.length || store.index.getNumDimensions() !== dimensions) {
    throw new VectorIndexDamaged(`${VERSION_FILES.hnswlib}/hnswlib.index`, `${count} vectors for ${chunks.length} chunks`);
  }
  const chunkIds = new Set(chunks.map((chunk) => chunk.id));
  const stored = [...store.docstore._docs.values()];
  if (stored.length !== chunks.length || stored.some((doc) => !chunkIds.has(doc.metadata.chunkId as string))) {
    throw new VectorIndexDamaged(`${VERSION_FILES.hnswlib}/docstore.json`, "its entries do not match chunks.json");
  }
  store.index.setEf(HNSW_PARAMETERS.efSearch);
  return store;
}

/** A vector index file that is missing, truncated or does not belong to the version's chunks. */
export class VectorIndexDamaged extends Error {
  constructor(
    readonly file: string,
    readonly why: string,
  ) {
    super(`${file}: ${why}`);
  }
}

/** Every stored vector by label, for the embedding cache of the next ingest and for recall checks. */
export function storedVectors(store: DenseVectorSearch): { count: number; vectorAt: (label: number) => Float32Array } {
  if (store instanceof SparseVectorStore) return { count: store.index.count, vectorAt: store.index.vectorsByLabel() };
  const index = (store as HNSWLib).index;
  return { count: index.getCurrentCount(), vectorAt: (label) => Float32Array.from(index.getPoint(label)) };
}
