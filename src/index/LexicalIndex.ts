import MiniSearch, { type Options, type SearchOptions } from "minisearch";
import { contextualText } from "../chunking/index.js";
import type { Chunk } from "../chunking/types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import type { LexicalHit, LexicalSearch } from "./types.js";

interface LexicalDocument {
  id: string;
  text: string;
}

/**
 * BM25 over each chunk's contextual text (title › heading path + passage), with the same
 * tokenizer as the rest of the product. Saved as MiniSearch's JSON in lexical.json.
 *
 * BM25 parameters: chunks are short and of similar length, so length normalisation (b) is
 * softened from the usual 0.75 — a longer passage about a topic should not lose to a one-line
 * list item that happens to mention it. English words of 5+ letters also match as prefixes
 * (transformer → transformers) at MiniSearch's reduced prefix weight; Chinese never does, since
 * a prefix of a Chinese word is usually another word.
 */
const BM25 = { k: 1.2, b: 0.5, d: 0.5 };

const searchOptions: SearchOptions = {
  tokenize: (query: string) => [...new Set(tokenizeForSearch(query))],
  processTerm: (term: string) => term,
  combineWith: "OR",
  prefix: (term: string) => /^[a-z][a-z0-9]{4,}$/.test(term),
  fuzzy: false,
  bm25: BM25,
};

const options: Options<LexicalDocument> = {
  idField: "id",
  fields: ["text"],
  storeFields: [],
  tokenize: (text: string) => tokenizeForSearch(text),
  processTerm: (term: string) => term,
  searchOptions,
};

export class LexicalIndex implements LexicalSearch {
  private constructor(private readonly miniSearch: MiniSearch<LexicalDocument>) {}

  static fromChunks(chunks: readonly Chunk[]): LexicalIndex {
    const miniSearch = new MiniSearch<LexicalDocument>(options);
    miniSearch.addAll(chunks.map((chunk) => ({ id: chunk.id, text: contextualText(chunk) })));
    return new LexicalIndex(miniSearch);
  }

  /** From lexical.json; throws on anything that is not a saved index. */
  static fromJSON(json: string): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJSON<LexicalDocument>(json, options));
  }

  toJSON(): string {
    return JSON.stringify(this.miniSearch);
  }

  get documentCount(): number {
    return this.miniSearch.documentCount;
  }

  search(query: string, k: number): LexicalHit[] {
    if (k <= 0) return [];
    return this.miniSearch
      .search(query)
      .slice(0, k)
      .map((result) => ({ chunkId: String(result.id), score: result.score, matchedTerms: [...new Set(result.queryTerms)] }));
  }
}
