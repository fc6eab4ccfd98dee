import type { Chunk } from "../chunking/types.js";

/**
 * Document frequencies of search tokens over the chunks of one index, for weighting a query's
 * terms by how much they say (学习 says little in a corpus about learning; 世界杯 a lot).
 */
export class TermStatistics {
  private readonly documentFrequency = new Map<string, number>();
  private readonly chunkTokens: Set<string>[];
  readonly chunkCount: number;

  constructor(
    chunks: readonly Chunk[],
    private readonly tokenize: (text: string) => string[],
  ) {
    this.chunkCount = chunks.length;
    this.chunkTokens = chunks.map((chunk) => new Set(tokenize(`${chunk.headingPath.join(" ")} ${chunk.text}`)));
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
    const tokenized = names.map((name) => this.tokenize(name)).filter((tokens) => tokens.length > 0);
    const naming = this.chunkTokens.filter((tokens) => tokenized.some((name) => name.every((t) => tokens.has(t)))).length;
    return naming / this.chunkCount;
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
