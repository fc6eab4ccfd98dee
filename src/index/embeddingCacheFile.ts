import { readFile } from "node:fs/promises";
import path from "node:path";
import { writeFileDurably } from "./durableFiles.js";
import { VERSION_FILES } from "./indexLayout.js";
import { SparseVectorIndex } from "./SparseVectorIndex.js";
import type { IndexManifest } from "./types.js";
import type { CachedVectors } from "./VersionWriter.js";
import { hnswlibNode } from "./hnswlibNode.js";

/**
 * The embedding cache of a version folder. The vectors themselves are not stored twice:
 * embeddings.json holds the namespace and, per cache key, the label of a chunk with that text,
 * and the cache reads the vectors back from the version's vector index (vectors.bin or
 * hnswlib/hnswlib.index: binary, no JSON numbers). hnswlib stores cosine-space vectors
 * L2-normalised; every embedder here
 * returns unit vectors already (and cosine ignores length), so a cached vector ranks exactly as
 * a fresh one.
 */
interface CacheKeysFile {
  formatVersion: 2;
  namespace: string;
  dimensions: number;
  /** keys[i]'s vector is the one of label labels[i] in the vector index. */
  keys: string[];
  labels: number[];
}

/** The vectors stored in a version folder for `namespace`; undefined when absent, unreadable or for another embedder. */
export async function readCachedVectors(versionDir: string, namespace: string): Promise<CachedVectors | undefined> {
  try {
    const keysFile = JSON.parse(await readFile(path.join(versionDir, VERSION_FILES.cacheKeys), "utf8")) as CacheKeysFile;
    if (keysFile.formatVersion !== 2 || keysFile.namespace !== namespace || !Array.isArray(keysFile.keys)) return undefined;
    const dimensions = keysFile.dimensions;
    if (!Number.isInteger(dimensions) || dimensions <= 0 || keysFile.labels.length !== keysFile.keys.length) return undefined;
    const vectorOfLabel = await storedVectorReader(versionDir, dimensions);
    return { dimensions, keys: keysFile.keys, vectorAt: (slot) => vectorOfLabel(keysFile.labels[slot]!) };
  } catch {
    return undefined;
  }
}

/** Reads vectors back by label from whichever vector index the version has. */
async function storedVectorReader(versionDir: string, dimensions: number): Promise<(label: number) => Float32Array> {
  const manifest = JSON.parse(await readFile(path.join(versionDir, VERSION_FILES.manifest), "utf8")) as IndexManifest;
  if (manifest.vectors?.kind === "sparse") {
    // Read back for its vectors, never searched: no kernel memory.
    const index = SparseVectorIndex.fromFile(manifest.vectors, await readFile(path.join(versionDir, VERSION_FILES.vectors)), {
      kernel: false,
    });
    return index.vectorsByLabel();
  }
  const hnsw = new (hnswlibNode().HierarchicalNSW)("cosine", dimensions);
  await hnsw.readIndex(path.join(versionDir, VERSION_FILES.hnswlib, "hnswlib.index"));
  return (label) => Float32Array.from(hnsw.getPoint(label));
}

/**
 * Write the cache of a new version: for every key, the label of a chunk whose vector it is
 * (`chunkVectors` in label order holds the same Float32Array objects as `entries`).
 */
export async function writeEmbeddingCache(
  versionDir: string,
  namespace: string,
  dimensions: number,
  entries: ReadonlyMap<string, Float32Array>,
  chunkVectors: readonly Float32Array[],
): Promise<void> {
  const labelOf = new Map<Float32Array, number>();
  for (const [label, vector] of chunkVectors.entries()) if (!labelOf.has(vector)) labelOf.set(vector, label);
  const keys: string[] = [];
  const labels: number[] = [];
  for (const [key, vector] of entries) {
    if (vector.length !== dimensions) throw new Error(`embedding cache: a vector has ${vector.length} dimensions, expected ${dimensions}`);
    const label = labelOf.get(vector);
    // A vector no chunk of this version uses is not worth keeping.
    if (label === undefined) continue;
    keys.push(key);
    labels.push(label);
  }
  const keysFile: CacheKeysFile = { formatVersion: 2, namespace, dimensions, keys, labels };
  await writeFileDurably(path.join(versionDir, VERSION_FILES.cacheKeys), JSON.stringify(keysFile));
}
