import { describe, expect, it } from "vitest";
import { buildPostings, PostingsBuilder } from "../../src/index/lexicalPostings.js";
import { TermTableBuilder } from "../../src/text/termTable.js";
import { TokenIds } from "../../src/text/tokenIds.js";

// The builders count tokens by id (TokenIds); these hold them to what counting the strings gives:
// per term its chunks ascending with their tf, per chunk its distinct tokens (MiniSearch's length).

const CHUNKS: string[][] = [
  ["lora", "微调", "lora", "参数"],
  ["", "rag", "检索", "", "rag", "rag"],
  [],
  ["微调", "rag", "lora", "微调"],
  Array.from({ length: 600 }, (_, i) => `t${i % 300}`),
  ["参数", "t7", "t7"],
];

function stringPostings(chunks: readonly (readonly string[])[]) {
  const byTerm = new Map<string, [number, number][]>();
  const lengths = chunks.map((tokens, doc) => {
    const counts = new Map<string, number>();
    for (const token of tokens) if (token !== "") counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [term, tf] of counts) byTerm.set(term, [...(byTerm.get(term) ?? []), [doc, tf]]);
    return new Set(tokens).size;
  });
  const terms = [...byTerm.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { terms, lists: terms.map((term) => byTerm.get(term)), lengths };
}

describe("PostingsBuilder (tokens counted by id)", () => {
  it("gives what counting the token strings gives, the empty token in the length but never a term", () => {
    const postings = buildPostings(CHUNKS);
    const expected = stringPostings(CHUNKS);
    expect(postings.terms).toEqual(expected.terms);
    const lists = postings.terms.map((_, t) =>
      Array.from(postings.docs.subarray(postings.offsets[t], postings.offsets[t + 1]), (doc, i) => [
        doc,
        postings.tfs[postings.offsets[t]! + i],
      ]),
    );
    expect(lists).toEqual(expected.lists);
    expect(Array.from(postings.docLengths)).toEqual(expected.lengths);
    expect(postings.docLengths[1]).toBe(3);
  });

  it("gives the same postings when its vocabulary is shared with a term table and fed ids", () => {
    const vocabulary = new TokenIds();
    const shared = new PostingsBuilder(vocabulary);
    const table = new TermTableBuilder(vocabulary);
    let ids: Uint32Array = new Uint32Array(2);
    for (const tokens of [...CHUNKS].reverse()) table.add(["标题"], tokens);
    for (const tokens of CHUNKS) {
      ids = vocabulary.idsOf(tokens, ids);
      shared.addIds(ids, tokens.length);
    }
    expect(shared.build()).toMatchObject({ ...buildPostings(CHUNKS), termIndex: expect.any(Function), withPrefix: expect.any(Function) });
  });
});

describe("TermTableBuilder (tokens counted by id)", () => {
  it("holds each chunk's distinct heading and text tokens in first-appearance order, ids in the table's own order", () => {
    const vocabulary = new TokenIds();
    vocabulary.idOf("rag"); // an id the table meets later than others: table ids are its own
    const builder = new TermTableBuilder(vocabulary);
    builder.add(["入门", "lora"], ["ctx", "lora", "微调", "lora"], 1);
    builder.add([], ["rag", "入门", "rag"]);
    builder.add(["入门"], ["x"], 1);
    const { terms, chunkStart, chunkTerms } = builder.build();
    expect(terms).toEqual(["入门", "lora", "微调", "rag"]);
    expect(Array.from(chunkStart)).toEqual([0, 3, 5, 6]);
    expect(Array.from(chunkTerms, (id) => terms[id])).toEqual(["入门", "lora", "微调", "rag", "入门", "入门"]);
  });
});
