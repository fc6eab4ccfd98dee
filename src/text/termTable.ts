import { grownUint32 } from "./grownArrays.js";
import { IdMarks, TokenIds } from "./tokenIds.js";

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

/**
 * Adds chunks one at a time (their token lists need not outlive the call), in chunk order. Tokens
 * are looked up by id (TokenIds, shared with the BM25 postings when an ingest builds both): a
 * table id per vocabulary id and a reused mark per chunk, no string map or `Set` of its own.
 */
export class TermTableBuilder {
  private readonly terms: string[] = [];
  /** Per vocabulary id, its table id + 1 (0: not in the table yet). */
  private tableIds = new Uint32Array(1024);
  private readonly seen = new IdMarks();
  private readonly starts: number[] = [0];
  private readonly full: Uint32Array[] = [];
  private block = new Uint32Array(BLOCK_IDS);
  private inBlock = 0;
  private used = 0;
  private headingIds: Uint32Array = new Uint32Array(64);
  private textIds: Uint32Array = new Uint32Array(256);

  constructor(readonly vocabulary: TokenIds = new TokenIds()) {}

  /**
   * One chunk: its heading-path tokens, then its text's tokens from `textFrom` on (ingest passes
   * the contextual text's tokens, whose first `textFrom` are the context line's).
   */
  add(headingTokens: readonly string[], textTokens: readonly string[], textFrom = 0): void {
    this.headingIds = this.vocabulary.idsOf(headingTokens, this.headingIds);
    this.textIds = this.vocabulary.idsOf(textTokens, this.textIds);
    this.addIds(this.headingIds, headingTokens.length, this.textIds, textFrom, textTokens.length);
  }

  /** add() for tokens already turned into ids by this builder's vocabulary: headingIds[0, headingCount), then textIds[textFrom, textEnd). */
  addIds(headingIds: Uint32Array, headingCount: number, textIds: Uint32Array, textFrom: number, textEnd: number): void {
    if (this.tableIds.length < this.vocabulary.size) this.tableIds = grownUint32(this.tableIds, this.vocabulary.size);
    this.seen.next();
    for (let i = 0; i < headingCount; i++) this.addId(headingIds[i]!);
    for (let i = textFrom; i < textEnd; i++) this.addId(textIds[i]!);
    this.starts.push(this.used);
  }

  private addId(id: number): void {
    if (!this.seen.mark(id)) return;
    let tableId = this.tableIds[id]! - 1;
    if (tableId < 0) {
      tableId = this.terms.length;
      this.tableIds[id] = tableId + 1;
      this.terms.push(this.vocabulary.tokens[id]!);
    }
    if (this.inBlock === BLOCK_IDS) {
      this.full.push(this.block);
      this.block = new Uint32Array(BLOCK_IDS);
      this.inBlock = 0;
    }
    this.block[this.inBlock++] = tableId;
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
