import { TopScores } from "./topScores.js";

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
  // Reused by every search (searches are synchronous, so never shared).
  private readonly scores: Float32Array;

  private constructor(
    readonly dimensions: number,
    readonly count: number,
    private readonly offsets: Uint32Array,
    private readonly labels: Uint32Array,
    private readonly values: Float32Array,
  ) {
    this.scores = new Float32Array(count);
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

  static fromVectors(vectors: readonly Float32Array[], dimensions: number): SparseVectorIndex {
    const offsets = new Uint32Array(dimensions + 1);
    for (const vector of vectors) for (let d = 0; d < dimensions; d++) if (vector[d] !== 0) offsets[d + 1]! += 1;
    for (let d = 0; d < dimensions; d++) offsets[d + 1]! += offsets[d]!;
    const nonZeros = offsets[dimensions]!;
    // Built in place in the file's layout, so toFile() hands the same bytes over without a copy
    // (at 100k chunks the postings are ~200 MB).
    const bin = new Uint8Array(4 * (dimensions + 1 + 2 * nonZeros));
    new Uint32Array(bin.buffer, 0, dimensions + 1).set(offsets);
    const labels = new Uint32Array(bin.buffer, 4 * (dimensions + 1), nonZeros);
    const values = new Float32Array(bin.buffer, 4 * (dimensions + 1 + nonZeros), nonZeros);
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
    return new SparseVectorIndex(dimensions, vectors.length, new Uint32Array(bin.buffer, 0, dimensions + 1), labels, values);
  }

  /** From vectors.bin and its header; throws (saying what is wrong) on anything else. */
  static fromFile(header: SparseVectorHeader, bin: Uint8Array): SparseVectorIndex {
    const { dimensions, count, nonZeros } = header;
    if (header.littleEndian !== littleEndian()) throw new Error("written on a machine of the other byte order");
    const expected = 4 * (dimensions + 1 + 2 * nonZeros);
    if (bin.byteLength !== expected) throw new Error(`${bin.byteLength} bytes, expected ${expected}`);
    // Typed views need 4-byte alignment; a pooled Buffer may not have it.
    const aligned = bin.byteOffset % 4 === 0 ? bin : Uint8Array.from(bin);
    const offsets = new Uint32Array(aligned.buffer, aligned.byteOffset, dimensions + 1);
    const labels = new Uint32Array(aligned.buffer, aligned.byteOffset + 4 * (dimensions + 1), nonZeros);
    const values = new Float32Array(aligned.buffer, aligned.byteOffset + 4 * (dimensions + 1 + nonZeros), nonZeros);
    if (offsets[dimensions] !== nonZeros || labels.some((label) => label >= count)) throw new Error("postings out of range");
    return new SparseVectorIndex(dimensions, count, offsets, labels, values);
  }

  toFile(): { header: SparseVectorHeader; bin: Uint8Array } {
    const nonZeros = this.labels.length;
    const size = 4 * (this.dimensions + 1 + 2 * nonZeros);
    // Index built or loaded in the file's layout (offsets, labels, values back to back): its bytes as they are.
    const contiguous =
      this.offsets.buffer === this.values.buffer && this.values.byteOffset + this.values.byteLength - this.offsets.byteOffset === size;
    const bin = contiguous ? new Uint8Array(this.offsets.buffer, this.offsets.byteOffset, size) : new Uint8Array(size);
    if (!contiguous) {
      bin.set(new Uint8Array(this.offsets.buffer, this.offsets.byteOffset, this.offsets.byteLength), 0);
      bin.set(new Uint8Array(this.labels.buffer, this.labels.byteOffset, this.labels.byteLength), 4 * (this.dimensions + 1));
      bin.set(new Uint8Array(this.values.buffer, this.values.byteOffset, this.values.byteLength), 4 * (this.dimensions + 1 + nonZeros));
    }
    const header = { kind: "sparse", dimensions: this.dimensions, count: this.count, nonZeros, littleEndian: littleEndian() } as const;
    return { header, bin };
  }

  /**
   * The k labels of highest cosine similarity to `query` (a unit vector, as every vector here),
   * best first, ties by label; only labels `accept`s when given.
   */
  search(query: ArrayLike<number>, k: number, accept?: (label: number) => boolean): VectorHit[] {
    const { scores, offsets, labels, values } = this;
    if (k <= 0 || this.count === 0) return [];
    for (let d = 0; d < this.dimensions && d < query.length; d++) {
      const weight = query[d]!;
      if (weight === 0) continue;
      for (let p = offsets[d]!, end = offsets[d + 1]!; p < end; p++) scores[labels[p]!]! += weight * values[p]!;
    }
    const hits = top(scores, k, accept);
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

function littleEndian(): boolean {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
}
