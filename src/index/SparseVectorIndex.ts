import { open } from "node:fs/promises";
import { kernelMemory } from "./sparseDotKernel.js";
import { sortHeldBestFirst, TopScores } from "./topScores.js";

/**
 * Exact cosine search over sparse unit vectors, as an inverted index by dimension.
 *
 * Why not HNSW for these: the local embedder hashes a text's words and character n-grams into
 * 1,024 dimensions, so a chunk's vector has ~25 % non-zero entries and a question's ~10. The dot
 * product of a question with every chunk then only needs the postings of the question's non-zero
 * dimensions: ~10 × 25 % × n multiply-adds, about 50× fewer than one exact dense pass and with
 * no graph to build. The answer is exact (recall 1.0), where HNSW on these near-uniform vectors
 * needed efConstruction 200 / efSearch 512 to reach 0.95 at 10k chunks, fell to 0.82 at 20k, and
 * was 80 % of ingest time. Dense vectors (remote models) still go to HNSW (see writeIndexVersion).
 *
 * Stored as vectors.bin: offsets (uint32 × dimensions + 1), labels (uint32 × non-zeros), values
 * (float32 × non-zeros), postings of one dimension in label order; read as views, no parsing.
 * In memory the file's bytes sit in WebAssembly memory between the question's weights and the
 * scores, where sparseDotKernel.ts sums them (3× the JavaScript loop's speed, same scores).
 */
export interface SparseVectorHeader {
  kind: "sparse";
  dimensions: number;
  count: number;
  nonZeros: number;
  littleEndian: boolean;
}

export interface VectorHit {
  label: number;
  similarity: number;
}

export class SparseVectorIndex {
  private constructor(
    readonly dimensions: number,
    readonly count: number,
    private readonly offsets: Uint32Array,
    private readonly labels: Uint32Array,
    private readonly values: Float32Array,
    private readonly storage: Storage,
  ) {}

  /** Whether searches run in the WebAssembly kernel (false: the JavaScript loops). */
  get usesKernel(): boolean {
    return this.storage.accumulate !== undefined;
  }

  /** Share of non-zero entries: what decides between this index and HNSW. */
  static density(vectors: readonly Float32Array[]): number {
    let nonZeros = 0;
    let total = 0;
    for (const vector of vectors) {
      total += vector.length;
      for (let i = 0; i < vector.length; i++) if (vector[i] !== 0) nonZeros++;
    }
    return total === 0 ? 1 : nonZeros / total;
  }

  /** `options.kernel: false` keeps the JavaScript loop (tests compare the two). */
  static fromVectors(vectors: readonly Float32Array[], dimensions: number, options: StorageOptions = {}): SparseVectorIndex {
    const counts = new Uint32Array(dimensions + 1);
    for (const vector of vectors) for (let d = 0; d < dimensions; d++) if (vector[d] !== 0) counts[d + 1]! += 1;
    for (let d = 0; d < dimensions; d++) counts[d + 1]! += counts[d]!;
    const nonZeros = counts[dimensions]!;
    // Built in place in the file's layout, so toFile() hands the same bytes over without a copy
    // (at 100k chunks the postings are ~200 MB).
    const storage = allocate(dimensions, vectors.length, nonZeros, options);
    const { offsets, labels, values } = fileViews(storage, dimensions, nonZeros);
    offsets.set(counts);
    const next = offsets.slice(0, dimensions);
    for (const [label, vector] of vectors.entries()) {
      for (let d = 0; d < dimensions; d++) {
        const value = vector[d]!;
        if (value === 0) continue;
        const p = next[d]!++;
        labels[p] = label;
        values[p] = value;
      }
    }
    return new SparseVectorIndex(dimensions, vectors.length, offsets, labels, values, storage);
  }

  /** From vectors.bin's bytes and its header; throws (saying what is wrong) on anything else. */
  static fromFile(header: SparseVectorHeader, bin: Uint8Array, options: StorageOptions = {}): SparseVectorIndex {
    checkHeader(header, bin.byteLength);
    if (options.kernel === false) {
      // Views over the bytes as given (an ingest reading the last version's vectors back): no copy,
      // unless a pooled Buffer is not 4-byte aligned, as typed views need.
      const file = bin.byteOffset % 4 === 0 ? bin : Uint8Array.from(bin);
      const storage = { weights: new Float64Array(header.dimensions), file, scores: new Float32Array(header.count) };
      return SparseVectorIndex.checked(header, storage);
    }
    const storage = allocate(header.dimensions, header.count, header.nonZeros, options);
    storage.file.set(bin);
    return SparseVectorIndex.checked(header, storage);
  }

  /** Reads vectors.bin straight into the index's memory (no second copy of ~300 MB at 100k chunks). */
  static async readFile(header: SparseVectorHeader, file: string): Promise<SparseVectorIndex> {
    const handle = await open(file, "r");
    try {
      checkHeader(header, (await handle.stat()).size);
      const storage = allocate(header.dimensions, header.count, header.nonZeros);
      for (let at = 0; at < storage.file.byteLength;) {
        const { bytesRead } = await handle.read(storage.file, at, Math.min(READ_BLOCK, storage.file.byteLength - at), at);
        if (bytesRead === 0) throw new Error(`ends after ${at} bytes`);
        at += bytesRead;
      }
      return SparseVectorIndex.checked(header, storage);
    } finally {
      await handle.close();
    }
  }

  private static checked(header: SparseVectorHeader, storage: Storage): SparseVectorIndex {
    const { dimensions, count, nonZeros } = header;
    const { offsets, labels, values } = fileViews(storage, dimensions, nonZeros);
    if (offsets[dimensions] !== nonZeros || labels.some((label) => label >= count)) throw new Error("postings out of range");
    return new SparseVectorIndex(dimensions, count, offsets, labels, values, storage);
  }

  toFile(): { header: SparseVectorHeader; bin: Uint8Array } {
    // The index is kept in the file's layout (offsets, labels, values back to back): its bytes as they are.
    const header = {
      kind: "sparse",
      dimensions: this.dimensions,
      count: this.count,
      nonZeros: this.labels.length,
      littleEndian: littleEndian(),
    } as const;
    return { header, bin: this.storage.file };
  }

  /**
   * The k labels of highest cosine similarity to `query` (a unit vector, as every vector here),
   * best first, ties by label; only labels `accept`s when given.
   */
  search(query: ArrayLike<number>, k: number, accept?: (label: number) => boolean): VectorHit[] {
    const { offsets, labels, values, storage } = this;
    const { scores } = storage;
    if (k <= 0 || this.count === 0) return [];
    const dimensions = Math.min(this.dimensions, query.length);
    if (storage.accumulate) {
      const { weights } = storage;
      // A native copy when the query fits (a Float32Array from the embedder): no JavaScript loop over 1,024 slots.
      if (query.length <= this.dimensions) weights.set(query);
      else for (let d = 0; d < dimensions; d++) weights[d] = query[d]!;
      weights.fill(0, dimensions);
      storage.accumulate(dimensions);
    } else {
      for (let d = 0; d < dimensions; d++) {
        const weight = query[d]!;
        if (weight === 0) continue;
        for (let p = offsets[d]!, end = offsets[d + 1]!; p < end; p++) scores[labels[p]!]! += weight * values[p]!;
      }
    }
    const hits = storage.top && !accept ? storage.top(k) : top(scores, k, accept);
    scores.fill(0);
    return hits;
  }

  /** One stored vector, densified (for the embedding cache and recall checks): O(non-zeros). */
  vectorsByLabel(): (label: number) => Float32Array {
    // Transposed once: rows[label] lists (dimension, value) pairs.
    const rowStart = new Uint32Array(this.count + 1);
    for (const label of this.labels) rowStart[label + 1]! += 1;
    for (let i = 0; i < this.count; i++) rowStart[i + 1]! += rowStart[i]!;
    const next = rowStart.slice(0, this.count);
    const dims = new Uint16Array(this.labels.length);
    const vals = new Float32Array(this.labels.length);
    for (let d = 0; d < this.dimensions; d++) {
      for (let p = this.offsets[d]!; p < this.offsets[d + 1]!; p++) {
        const slot = next[this.labels[p]!]!++;
        dims[slot] = d;
        vals[slot] = this.values[p]!;
      }
    }
    return (label) => {
      const vector = new Float32Array(this.dimensions);
      for (let p = rowStart[label]!; p < rowStart[label + 1]!; p++) vector[dims[p]!] = vals[p]!;
      return vector;
    };
  }
}

/**
 * The k best labels (ties by label) of those `accept` takes (all when absent). Most labels lose
 * to the current k-th score: one comparison each before the heap is asked.
 */
function top(scores: Float32Array, k: number, accept?: (label: number) => boolean): VectorHit[] {
  const best = new TopScores(Math.min(k, scores.length));
  let worst = -Infinity;
  for (let label = 0; label < scores.length; label++) {
    const score = scores[label]!;
    if (score <= worst) continue; // a tie loses too: labels come in ascending order
    if (accept && !accept(label)) continue;
    if (!best.admits(score, label)) continue;
    best.offer(score, label);
    if (best.full) worst = best.worstScore();
  }
  return best.drain().map(({ doc, score }) => ({ label: doc, similarity: score }));
}

interface StorageOptions {
  /** false: plain ArrayBuffer and the JavaScript loop, even where WebAssembly memory is available. */
  kernel?: boolean;
}

/** An index's memory: the question's weights (float64 × dimensions), the file's bytes, the scores (float32 × count). */
interface Storage {
  weights: Float64Array;
  file: Uint8Array;
  scores: Float32Array;
  /** Adds every non-zero weight's postings into scores (the kernel over this memory); absent: the JavaScript loop. */
  accumulate?: (dimensions: number) => void;
  /** The k best of the scores, best first, ties by label (the kernel; absent, or with a filter: top() in JavaScript). */
  top?: (k: number) => VectorHit[];
}

/** Bytes read from vectors.bin per call (a single read is capped at 2 GiB). */
const READ_BLOCK = 64 * 2 ** 20;

function fileBytes(dimensions: number, nonZeros: number): number {
  return 4 * (dimensions + 1 + 2 * nonZeros);
}

function checkHeader(header: SparseVectorHeader, byteLength: number): void {
  if (header.littleEndian !== littleEndian()) throw new Error("written on a machine of the other byte order");
  const expected = fileBytes(header.dimensions, header.nonZeros);
  if (byteLength !== expected) throw new Error(`${byteLength} bytes, expected ${expected}`);
}

function allocate(dimensions: number, count: number, nonZeros: number, options: StorageOptions = {}): Storage {
  const fileAt = 8 * dimensions;
  const fileSize = fileBytes(dimensions, nonZeros);
  const scoresAt = fileAt + fileSize;
  const total = scoresAt + 4 * count;
  // With the kernel, after the scores: the heap its top k selects in (float64 scores, uint32 labels).
  const heapScoresAt = 8 * Math.ceil(total / 8);
  const heapLabelsAt = heapScoresAt + 8 * count;
  const kernel = options.kernel === false ? undefined : kernelMemory(heapLabelsAt + 4 * count);
  const buffer = kernel?.buffer ?? new ArrayBuffer(total);
  const storage: Storage = {
    weights: new Float64Array(buffer, 0, dimensions),
    file: new Uint8Array(buffer, fileAt, fileSize),
    scores: new Float32Array(buffer, scoresAt, count),
  };
  if (kernel) {
    const labelsAt = fileAt + 4 * (dimensions + 1);
    const valuesAt = labelsAt + 4 * nonZeros;
    storage.accumulate = (dims) => kernel.accumulate(fileAt, labelsAt, valuesAt, scoresAt, 0, dims);
    const heapScores = new Float64Array(buffer, heapScoresAt, count);
    const heapLabels = new Uint32Array(buffer, heapLabelsAt, count);
    storage.top = (k) => {
      const size = kernel.top(scoresAt, count, Math.min(k, count), heapScoresAt, heapLabelsAt);
      sortHeldBestFirst(heapScores, heapLabels, size);
      const hits: VectorHit[] = [];
      for (let i = 0; i < size; i++) hits.push({ label: heapLabels[i]!, similarity: heapScores[i]! });
      return hits;
    };
  }
  return storage;
}

function fileViews(
  storage: Storage,
  dimensions: number,
  nonZeros: number,
): { offsets: Uint32Array; labels: Uint32Array; values: Float32Array } {
  const { buffer, byteOffset } = storage.file;
  return {
    offsets: new Uint32Array(buffer, byteOffset, dimensions + 1),
    labels: new Uint32Array(buffer, byteOffset + 4 * (dimensions + 1), nonZeros),
    values: new Float32Array(buffer, byteOffset + 4 * (dimensions + 1 + nonZeros), nonZeros),
  };
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
