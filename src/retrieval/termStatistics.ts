import type { Chunk } from "../chunking/types.js";

/**
 * Document frequencies of search tokens over the chunks of one index, for weighting a query's
 * terms by how much they say (学习 says little in a corpus about learning; 世界杯 a lot).
 */
export class TermStatistics {
  private readonly documentFrequency = new Map<string, number>();
  private readonly chunkTokens: Set<string>[];
  private readonly tokensById = new Map<string, Set<string>>();
  // The index is immutable, so a concept's share never changes: computed once per concept, not
  // once per query (it scans every chunk).
  private readonly conceptShares = new Map<string, number>();
  readonly chunkCount: number;

  constructor(
    chunks: readonly Chunk[],
    private readonly tokenize: (text: string) => string[],
  ) {
    this.chunkCount = chunks.length;
    this.chunkTokens = chunks.map((chunk) => {
      const tokens = new Set(tokenize(`${chunk.headingPath.join(" ")} ${chunk.text}`));
      this.tokensById.set(chunk.id, tokens);
      return tokens;
    });
    for (const tokens of this.chunkTokens) {
      for (const token of tokens) this.documentFrequency.set(token, (this.documentFrequency.get(token) ?? 0) + 1);
    }
  }

  /**
   * Share of chunks that name a concept by any of `names` (a name counts when all its tokens are
   * in the chunk). A concept most chunks name (大模型 in a corpus about large models) says
   * nothing about which passage answers, and expanding it only adds noise.
   */
  conceptShare(names: readonly string[]): number {
    if (this.chunkCount === 0) return 0;
    const key = names.join("\u0000");
    const known = this.conceptShares.get(key);
    if (known !== undefined) return known;
    const share = this.computeConceptShare(names);
    this.conceptShares.set(key, share);
    return share;
  }

  /** The search tokens of a chunk's heading path and text, tokenized once when the index loads. */
  tokensOf(chunk: Chunk): ReadonlySet<string> {
    return this.tokensById.get(chunk.id) ?? new Set(this.tokenize(`${chunk.headingPath.join(" ")} ${chunk.text}`));
  }

  private computeConceptShare(names: readonly string[]): number {
    const tokenized = names.map((name) => this.tokenize(name)).filter((tokens) => tokens.length > 0);
    const naming = this.chunkTokens.filter((tokens) => tokenized.some((name) => name.every((t) => tokens.has(t)))).length;
    return naming / this.chunkCount;
  }

  /** Every token of the index. */
  vocabulary(): IterableIterator<string> {
    return this.documentFrequency.keys();
  }

  frequency(token: string): number {
    return this.documentFrequency.get(token) ?? 0;
  }

  /** BM25's idf, always positive; a token the corpus never uses gets the largest value. */
  idf(token: string): number {
    const df = this.frequency(token);
    return Math.log(1 + (this.chunkCount - df + 0.5) / (df + 0.5));
  }
}
