import MiniSearch from "minisearch";
import { contextualText } from "../../../src/chunking/index.js";
import type { Chunk } from "../../../src/chunking/types.js";
import { BM25 } from "../../../src/index/LexicalIndex.js";
import { tokenizeForSearch } from "../../../src/text/tokenize.js";

/**
 * The lexical index as it was before the typed-array rewrite (MiniSearch 7 with the product's
 * options), kept as the ranking reference the rewrite is checked against.
 */
export function miniSearchReference(chunks: readonly Chunk[]) {
  const miniSearch = new MiniSearch<{ id: string; text: string }>({
    idField: "id",
    fields: ["text"],
    storeFields: [],
    tokenize: (text: string) => tokenizeForSearch(text),
    processTerm: (term: string) => term,
    searchOptions: {
      tokenize: (query: string) => [...new Set(tokenizeForSearch(query))],
      processTerm: (term: string) => term,
      combineWith: "OR",
      prefix: (term: string) => /^[a-z][a-z0-9]{4,}$/.test(term),
      fuzzy: false,
      bm25: BM25,
    },
  });
  miniSearch.addAll(chunks.map((chunk) => ({ id: chunk.id, text: contextualText(chunk) })));
  return {
    search: (query: string, k: number) =>
      miniSearch
        .search(query)
        .slice(0, k)
        .map((result) => ({ chunkId: String(result.id), score: result.score, matchedTerms: [...new Set(result.queryTerms)] })),
  };
}
