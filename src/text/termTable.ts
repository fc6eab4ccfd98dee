/**
 * Each chunk's distinct search tokens as ids into one vocabulary: what term statistics (document
 * frequencies, a chunk's token set) are read from. Built where chunks are tokenized anyway (at
 * ingest, persisted with the index) so a server never re-tokenizes a whole corpus when it starts:
 * at 100k chunks that was ~10 s of jieba before the first answer.
 */
export interface TermTable {
  /** Terms by id, in order of first appearance over the chunks (the vocabulary's order). */
  terms: readonly string[];
  /** Chunk c's distinct term ids, in first-appearance order: chunkTerms[chunkStart[c], chunkStart[c + 1]). */
  chunkStart: Uint32Array;
  chunkTerms: Uint32Array;
}

/**
 * The tokens term statistics count for a chunk: its heading path and its text. Tokenized apart
 * (the tokenizer cuts at whitespace and lines, so this equals tokenizing "headings text" as one
 * string), so ingest can reuse the text's tokens it already made for BM25 and the embedder.
 */
export function chunkTermTokens(
  chunk: { headingPath: readonly string[]; text: string },
  tokenize: (text: string) => string[],
  textTokens: readonly string[] = tokenize(chunk.text),
): string[] {
  return [...tokenize(chunk.headingPath.join(" ")), ...textTokens];
}

/** Adds chunks one at a time (their token lists need not outlive the call), in chunk order. */
export class TermTableBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly starts: number[] = [0];
  private chunkTerms: Uint32Array;
  private used = 0;

  constructor(expectedChunks = 0) {
    // About 90 distinct tokens per chunk of the synthetic scale corpus: rarely regrown.
    this.chunkTerms = new Uint32Array(Math.max(1024, expectedChunks * 96));
  }

  add(tokens: Iterable<string>): void {
    for (const token of new Set(tokens)) {
      let id = this.ids.get(token);
      if (id === undefined) {
        id = this.terms.length;
        this.ids.set(token, id);
        this.terms.push(token);
      }
      if (this.used === this.chunkTerms.length) {
        const grown = new Uint32Array(Math.ceil(this.chunkTerms.length * 1.5));
        grown.set(this.chunkTerms);
        this.chunkTerms = grown;
      }
      this.chunkTerms[this.used++] = id;
    }
    this.starts.push(this.used);
  }

  build(): TermTable {
    // A view, not a copy: at 100k chunks the table is ~35 MB held until the version is written.
    return { terms: this.terms, chunkStart: Uint32Array.from(this.starts), chunkTerms: this.chunkTerms.subarray(0, this.used) };
  }
}
