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

/**
 * A term table as ingest builds it: the ids in fixed-size blocks, so building never copies a
 * grown array and writing never concatenates them (at 100k chunks the ids are ~36 MB, and the
 * copies were alive at ingest's peak memory).
 */
export interface TermTableBlocks {
  terms: readonly string[];
  chunkStart: Uint32Array;
  /** chunkTerms in order, cut into blocks; the last one holds only the used ids. */
  idBlocks: readonly Uint32Array[];
}

/** Ids per block: 4 MB. */
const BLOCK_IDS = 1 << 20;

/** Adds chunks one at a time (their token lists need not outlive the call), in chunk order. */
export class TermTableBuilder {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];
  private readonly starts: number[] = [0];
  /** One chunk's tokens seen so far: reused, so adding a chunk allocates nothing but new terms. */
  private readonly seen = new Set<string>();
  private readonly full: Uint32Array[] = [];
  private block = new Uint32Array(BLOCK_IDS);
  private inBlock = 0;
  private used = 0;

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
    if (this.inBlock === BLOCK_IDS) {
      this.full.push(this.block);
      this.block = new Uint32Array(BLOCK_IDS);
      this.inBlock = 0;
    }
    this.block[this.inBlock++] = id;
    this.used++;
  }

  /** For writing: the ids as they were built, no copy. */
  blocks(): TermTableBlocks {
    return { terms: this.terms, chunkStart: Uint32Array.from(this.starts), idBlocks: [...this.full, this.block.subarray(0, this.inBlock)] };
  }

  /** For reading in place (term statistics of a store that keeps no table): one array. */
  build(): TermTable {
    return joinBlocks(this.blocks());
  }
}

function joinBlocks(table: TermTableBlocks): TermTable {
  const chunkTerms = new Uint32Array(table.idBlocks.reduce((n, block) => n + block.length, 0));
  let at = 0;
  for (const block of table.idBlocks) {
    chunkTerms.set(block, at);
    at += block.length;
  }
  return { terms: table.terms, chunkStart: table.chunkStart, chunkTerms };
}
