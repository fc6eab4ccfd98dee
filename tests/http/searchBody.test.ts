import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { searchResponseSchema } from "../../src/http/contract/search.js";
import { toSearchResponse } from "../../src/http/responseMapping.js";
import { compileResponseSerializer } from "../../src/http/responseSerializer.js";
import { searchResponseBytes } from "../../src/http/searchBody.js";
import type { Passage } from "../../src/retrieval/types.js";

const serialize = compileResponseSerializer(searchResponseSchema);
/** The contract serializer's body, as the UTF-8 bytes sent. */
const contract = (data: unknown) => Buffer.from(serialize(data), "utf8");

function chunk(id: string, text: string, extra: Partial<Chunk> = {}): Chunk {
  return {
    id,
    docId: `doc-${id}`,
    source: `roadmaps/${id}.md`,
    title: `标题 "${id}"`,
    kind: "roadmap",
    headingPath: ["第一阶段", 'quote " and \\ backslash'],
    sectionIndex: 0,
    text,
    startLine: 3,
    endLine: 9,
    links: [{ text: "论文", url: 'https://example.org/a?b=1&c="2"', line: 4 }],
    linkedFrom: [],
    ...extra,
  };
}

const chunks = [
  chunk("a1", "LoRA 微调\n\t“引号” \u2028 line sep, emoji 🚀, control \u0001"),
  // A chunk whose own text holds what the body is cut at: the cut must still be the score's.
  chunk("b2", 'text with ,"score":-1.234567890123e-300, inside', { links: [] }),
  chunk("c3", "", { headingPath: [], title: "" }),
];

describe("searchResponseBytes", () => {
  it("writes the contract serializer's bytes for any scores, texts and orders", () => {
    const scores = [0, 1, -1, 0.1 + 0.2, 1e21, 1e-7, -3.5e-300, 123456789.123, Number.MIN_VALUE, 2 / 61];
    for (let round = 0; round < 3; round++) {
      const passages: Passage[] = scores.map((score, i) => ({ chunk: chunks[(i + round) % chunks.length]!, score, role: "match" }));
      expect(searchResponseBytes(passages)).toEqual(contract(toSearchResponse(passages)));
    }
    expect(searchResponseBytes([])).toEqual(contract(toSearchResponse([])));
  });

  it("writes a non-finite score as the serializer does, and refuses NaN as it does", () => {
    const infinite: Passage[] = [{ chunk: chunks[0]!, score: Number.POSITIVE_INFINITY, role: "match" }];
    expect(searchResponseBytes(infinite)).toEqual(contract(toSearchResponse(infinite)));
    const nan: Passage[] = [{ chunk: chunks[1]!, score: Number.NaN, role: "match" }];
    expect(() => contract(toSearchResponse(nan))).toThrow();
    expect(() => searchResponseBytes(nan)).toThrow();
  });
});
