import { describe, expect, it } from "vitest";
import { CitationStreamFilter } from "../../src/answering/citationStream.js";
import { checkCitationMarkers } from "../../src/answering/citations.js";

const TEXTS = [
  "先学习参数高效微调 [1]，然后 [7] 学习多模态 [99]。评估 [1][42] 与部署 【8】 以及 [1-30] 全部。",
  "  After LoRA [1][2], read [3, 4] and [2-3]; skip [0] and ［5］.  \n",
  "A link [1](https://x.example) stays, [Docs](https://d.example) too, [12] goes, [1 , 2] stays.\n\n",
  "Edge: [1]",
  "Edge: [7]",
  "Tail spaces [1]   \t",
  "【1】【2】【9】 end",
  "[",
  "",
  "   ",
  "numbers 1] and [ 2 and [3",
  "list:\n- [1] first\n- [6] second\n  [2]",
];

function streamed(text: string, pieces: string[], count: number): string {
  const filter = new CitationStreamFilter(count);
  let out = "";
  for (const piece of pieces) out += filter.push(piece);
  return out + filter.end();
}

describe("CitationStreamFilter", () => {
  for (const text of TEXTS) {
    it(`streams exactly the checked answer for ${JSON.stringify(text.slice(0, 30))}, however it is split`, () => {
      const expected = checkCitationMarkers(text.trim(), 3).answer;
      const chars = Array.from(text);
      expect(streamed(text, chars, 3)).toBe(expected);
      for (let cut = 0; cut <= chars.length; cut++) {
        expect(streamed(text, [chars.slice(0, cut).join(""), chars.slice(cut).join("")], 3)).toBe(expected);
      }
      for (let size = 2; size <= 7; size++) {
        const pieces: string[] = [];
        for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(""));
        expect(streamed(text, pieces, 3)).toBe(expected);
      }
    });
  }

  it("never releases an invented marker, not even for a moment", () => {
    const filter = new CitationStreamFilter(2);
    const released = ["see [", "4", "2", "] and [", "1", "]", " end"].map((p) => filter.push(p));
    expect(released.join("") + filter.end()).toBe("see and [1] end");
    expect(released.some((text) => /4|2/.test(text))).toBe(false);
  });
});
