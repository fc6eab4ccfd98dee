import { chunkTermParts, TermTableBuilder, type TermTable, type TermTableBlocks } from "../text/termTable.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import type { Chunk } from "../chunking/types.js";

/**
 * terms.json (the vocabulary, in first-appearance order) + terms.bin (uint32, host byte order:
 * chunk starts, then chunk term ids), read back as views over one buffer: loading the term
 * table of 100k chunks is a file read, not a tokenization of the corpus.
 */
interface TermsHeader {
  formatVersion: 1;
  littleEndian: boolean;
  chunkCount: number;
  idCount: number;
  terms: readonly string[];
}

/** The binary file as pieces written one after the other: no copy of the table at ingest's peak. */
export function termTableToFiles(table: TermTableBlocks): { json: string; bin: Uint8Array[] } {
  const header: TermsHeader = {
    formatVersion: 1,
    littleEndian: littleEndian(),
    chunkCount: table.chunkStart.length - 1,
    idCount: table.idBlocks.reduce((n, block) => n + block.length, 0),
    terms: table.terms,
  };
  const bytes = (words: Uint32Array) => new Uint8Array(words.buffer, words.byteOffset, words.byteLength);
  return { json: JSON.stringify(header), bin: [bytes(table.chunkStart), ...table.idBlocks.map(bytes)] };
}

/** Throws (with what is wrong) on anything that is not a term table of `chunkCount` chunks in this format. */
export function termTableFromFiles(json: string, bin: Uint8Array, chunkCount: number): TermTable {
  const header = JSON.parse(json) as TermsHeader;
  if (header?.formatVersion !== 1 || !Array.isArray(header.terms)) throw new Error("not a term table of format 1");
  if (header.littleEndian !== littleEndian()) throw new Error("written on a machine of the other byte order");
  if (header.chunkCount !== chunkCount) throw new Error(`${header.chunkCount} chunks, the index has ${chunkCount}`);
  const expected = 4 * (chunkCount + 1 + header.idCount);
  if (bin.byteLength !== expected) throw new Error(`terms.bin has ${bin.byteLength} bytes, expected ${expected}`);
  // Uint32Array needs 4-byte alignment; a pooled Buffer may not have it.
  const aligned = bin.byteOffset % 4 === 0 ? bin : Uint8Array.from(bin);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  const chunkStart = words.subarray(0, chunkCount + 1);
  const chunkTerms = words.subarray(chunkCount + 1);
  if (chunkStart[0] !== 0 || chunkStart[chunkCount] !== header.idCount) throw new Error("chunk starts out of range");
  for (let c = 0; c < chunkCount; c++) if (chunkStart[c]! > chunkStart[c + 1]!) throw new Error("chunk starts out of order");
  const termCount = header.terms.length;
  if (chunkTerms.some((id) => id >= termCount)) throw new Error("term ids out of range");
  return { terms: header.terms, chunkStart, chunkTerms };
}

/** For a writer handed no table (tests, tools): tokenize the chunks as term statistics would. */
export function termTableOfChunks(chunks: readonly Chunk[]): TermTableBlocks {
  const builder = new TermTableBuilder();
  for (const chunk of chunks) builder.add(...chunkTermParts(chunk, tokenizeForSearch));
  return builder.blocks();
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}
