import { endianness } from "node:os";
import { LexicalIndex } from "./LexicalIndex.js";
import { lexicalKernel, lexicalKernelLayout } from "./lexicalKernel.js";
import { postingsOver, type Postings } from "./lexicalPostings.js";

/**
 * The lexical index's files: lexical.json (the term list and counts) and lexical.bin (the
 * postings' arrays back to back as uint32, host byte order: docLengths, offsets, docs, tfs).
 * Loading is one JSON parse of the vocabulary and views over one buffer, no per-posting parsing;
 * lexical.bin is laid out as the BM25 kernel keeps the postings, so it can be read into place.
 * Every reader throws, with what is wrong, on anything that is not a saved index of this format.
 */
interface LexicalHeader {
  formatVersion: 1;
  littleEndian: boolean;
  documentCount: number;
  postingCount: number;
  averageLength: number;
  terms: string[];
}

/** The two files to store: lexical.json (terms) and lexical.bin (postings). */
export function lexicalIndexToFiles(index: LexicalIndex): { json: string; bin: Uint8Array } {
  return writePostings(index.invertedIndex);
}

/** From lexical.json and lexical.bin, for chunks in index order; throws on anything that is not a saved index. */
export function lexicalIndexFromFiles(json: string, bin: Uint8Array, chunkIds: readonly string[]): LexicalIndex {
  return LexicalIndex.fromSavedPostings(readPostings(json, bin), chunkIds);
}

/**
 * From lexical.json and lexical.bin read straight into the kernel's memory, where the postings
 * are searched (lexical.bin is laid out as the kernel keeps them): no second copy of the file
 * while the index loads. `readInto` fills the bytes it is given with the file, whole.
 * Without WebAssembly memory, into a buffer of their own, as lexicalIndexFromFiles.
 */
export async function readLexicalIndexFiles(
  json: string,
  binBytes: number,
  readInto: (target: Uint8Array) => Promise<void>,
  chunkIds: readonly string[],
): Promise<LexicalIndex> {
  const header = readLexicalHeader(json);
  checkBinLength(header, binBytes);
  const n = header.documentCount;
  // Before reading: a file that cannot be this index's is not read at all.
  if (n !== chunkIds.length) throw new Error(`${n} entries for ${chunkIds.length} chunks`);
  const layout = lexicalKernelLayout(n, header.terms.length + 1, header.postingCount);
  const kernel = lexicalKernel(layout.bytes, layout.addresses);
  const target = kernel ? new Uint8Array(kernel.buffer, layout.postingsAt, binBytes) : new Uint8Array(binBytes);
  await readInto(target);
  return LexicalIndex.fromSavedPostings(readPostings(header, target), chunkIds, kernel);
}

function writePostings(p: Postings): { json: string; bin: Uint8Array } {
  const header: LexicalHeader = {
    formatVersion: 1,
    littleEndian: endianness() === "LE",
    documentCount: p.docLengths.length,
    postingCount: p.docs.length,
    averageLength: p.averageLength,
    terms: [...p.terms],
  };
  const words = new Uint32Array(p.docLengths.length + p.offsets.length + 2 * p.docs.length);
  let at = 0;
  for (const part of [p.docLengths, p.offsets, p.docs, p.tfs]) {
    words.set(part, at);
    at += part.length;
  }
  return { json: JSON.stringify(header), bin: new Uint8Array(words.buffer) };
}

/** lexical.json read and checked: what lexical.bin must hold, and how many bytes that is. */
function readLexicalHeader(json: string): LexicalHeader & { binBytes: number } {
  const header = JSON.parse(json) as LexicalHeader;
  if (header?.formatVersion !== 1 || !Array.isArray(header.terms)) throw new Error("not a lexical index of format 1");
  if (header.littleEndian !== (endianness() === "LE")) throw new Error("written on a machine of the other byte order");
  return { ...header, binBytes: 4 * (header.documentCount + header.terms.length + 1 + 2 * header.postingCount) };
}

/** lexical.bin's length checked against its header (a file that is not the one the header describes). */
function checkBinLength(header: LexicalHeader & { binBytes: number }, byteLength: number): void {
  if (byteLength !== header.binBytes) throw new Error(`lexical.bin has ${byteLength} bytes, expected ${header.binBytes}`);
}

/**
 * Throws (with what is wrong) on anything that is not a saved index of this format. The postings
 * are views over `bin` (copied only when it is not 4-byte aligned).
 */
function readPostings(json: string | ReturnType<typeof readLexicalHeader>, bin: Uint8Array): Postings {
  const header = typeof json === "string" ? readLexicalHeader(json) : json;
  const n = header.documentCount;
  const t = header.terms.length;
  const p = header.postingCount;
  checkBinLength(header, bin.byteLength);
  // Uint32Array needs 4-byte alignment; a pooled Buffer may not have it.
  const aligned = bin.byteOffset % 4 === 0 ? bin : Uint8Array.from(bin);
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength / 4);
  const docLengths = words.subarray(0, n);
  const offsets = words.subarray(n, n + t + 1);
  const docs = words.subarray(n + t + 1, n + t + 1 + p);
  const tfs = words.subarray(n + t + 1 + p);
  if (offsets[t] !== p || docs.some((doc) => doc >= n)) throw new Error("postings out of range");
  return postingsOver(header.terms, offsets, docs, tfs, docLengths, header.averageLength);
}
