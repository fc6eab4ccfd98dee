import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { IndexNotReady } from "../../src/errors.js";
import type { LoadedIndex } from "../../src/index/types.js";
import { TermStatistics } from "../../src/retrieval/termStatistics.js";
import { tokenizeForSearch } from "../../src/text/tokenize.js";
import { openIndex } from "../../src/tutor.js";
import { copyBundledIndex } from "../support/bundledIndex.js";

// The term table is written at ingest from the tokens ingest makes anyway (heading path and text
// tokenized apart); term statistics used to tokenize "headings text" at load. These tests hold
// the stored table to that definition, on the bundled corpus.

let dir: string;
let indexDir: string;
let index: LoadedIndex;
const config = () => parseConfig({ INDEX_DIR: indexDir });

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "term-table-"));
  ({ indexDir } = await copyBundledIndex(inject("bundledIndex"), dir));
  index = await openIndex(config());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the stored term table", () => {
  it("holds each chunk's distinct tokens of its heading path and text, in first-appearance order", () => {
    const { terms, chunkStart, chunkTerms } = index.termTable;
    expect(chunkStart.length).toBe(index.chunks.length + 1);
    for (const [c, chunk] of index.chunks.entries()) {
      const expected = [...new Set(tokenizeForSearch(`${chunk.headingPath.join(" ")} ${chunk.text}`))];
      const stored = Array.from(chunkTerms.subarray(chunkStart[c], chunkStart[c + 1]), (id) => terms[id]);
      expect(stored, chunk.id).toEqual(expected);
    }
  });

  it("gives the same term statistics as tokenizing the chunks at load", () => {
    const stored = new TermStatistics(index.chunks, tokenizeForSearch, index.termTable);
    const tokenized = new TermStatistics(index.chunks, tokenizeForSearch);
    expect([...stored.vocabulary()]).toEqual([...tokenized.vocabulary()]);
    for (const term of tokenized.vocabulary()) expect(stored.frequency(term), term).toBe(tokenized.frequency(term));
    for (const chunk of index.chunks) expect([...stored.tokensOf(chunk)]).toEqual([...tokenized.tokensOf(chunk)]);
    expect(stored.conceptShare(["大模型", "LLM"])).toBe(tokenized.conceptShare(["大模型", "LLM"]));
    // An entry's share is its names' (English, then Chinese), remembered by the entry.
    const entry = { en: ["LLM", "large language model"], zh: ["大模型"] };
    expect(stored.entryShare(entry)).toBe(tokenized.conceptShare(["LLM", "large language model", "大模型"]));
    expect(stored.entryShare(entry)).toBeGreaterThan(0);
  });

  it("is refused as corrupt when a term id points past the vocabulary, naming the file", async () => {
    const version = (await readFile(path.join(indexDir, "CURRENT"), "utf8")).trim();
    const file = path.join(indexDir, version, "terms.bin");
    const bytes = await readFile(file);
    // The last word is a term id; same size, so only the table's own check can catch it.
    bytes.writeUInt32LE(0xffffffff, bytes.length - 4);
    await writeFile(file, bytes);
    const error = await openIndex(config()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IndexNotReady);
    expect((error as Error).message).toMatch(/terms\.json is corrupt \(not a saved term table: term ids out of range\).*npm run ingest/);
  });
});
