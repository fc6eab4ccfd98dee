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
 * The tokens term statistics count for a chunk: its heading path and its text, tokenized apart.
 * The tokenizer cuts at whitespace and line breaks, so this equals tokenizing "headings text" as
 * one string, and ingest can reuse the text's tokens it already made for BM25 and the embedder.
 */
export function chunkTermParts(
  chunk: { headingPath: readonly string[]; text: string },
  tokenize: (text: string) => string[],
): [headingTokens: string[], textTokens: string[]] {
  return [tokenize(chunk.headingPath.join(" ")), tokenize(chunk.text)];
}

/** Adds chunks one at a time (their token lists need not outlive the call), in chunk order. */
export class TermTableBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly starts: number[] = [0];
  /** One chunk's tokens seen so far: reused, so adding a chunk allocates nothing but new terms. */
  private readonly seen = new Set<string>();
  private chunkTerms: Uint32Array;
  private used = 0;

  constructor(expectedChunks = 0) {
    // About 45 distinct tokens a chunk in the bundled corpus, 90 in the synthetic one: grown by
    // half when full, so a large corpus wastes at most a third of the table, never doubles it.
    this.chunkTerms = new Uint32Array(Math.max(1024, expectedChunks * 48));
  }

  /**
   * One chunk: its heading-path tokens, then its text's tokens from `textFrom` on (ingest passes
   * the contextual text's tokens, whose first `textFrom` are the context line's).
   */
  add(headingTokens: readonly string[], textTokens: readonly string[], textFrom = 0): void {
    this.seen.clear();
    for (const token of headingTokens) this.addToken(token);
    for (let i = textFrom; i < textTokens.length; i++) this.addToken(textTokens[i]!);
    this.starts.push(this.used);
  }

  private addToken(token: string): void {
    if (this.seen.has(token)) return;
    this.seen.add(token);
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

  build(): TermTable {
    // A view, not a copy: at 100k chunks the table is ~35 MB held until the version is written.
    return { terms: this.terms, chunkStart: Uint32Array.from(this.starts), chunkTerms: this.chunkTerms.subarray(0, this.used) };
  }
}
