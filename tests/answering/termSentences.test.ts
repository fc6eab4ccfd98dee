import { describe, expect, it } from "vitest";
import { scoreSentences } from "../../src/answering/sentenceSelection.js";
import { bitCount, numberTerms, TermSentenceTable } from "../../src/answering/termSentences.js";
import { passage } from "../fixtures/answering/passages.js";

describe("numberTerms", () => {
  it("gives a string the same number every time and different strings different numbers", () => {
    const first = new Int32Array(3);
    const again = new Int32Array(3);
    numberTerms(["模型", "lora", "模型"], 3, first);
    numberTerms(["lora", "模型", "微调"], 3, again);
    expect(first[0]).toBe(first[2]);
    expect(first[0]).not.toBe(first[1]);
    expect([again[0], again[1]]).toEqual([first[1], first[0]]);
    expect(new Set(again).size).toBe(3);
  });
});

describe("TermSentenceTable", () => {
  it("finds each entry added, with its words, as the table grows, and none it was not given", () => {
    const table = new TermSentenceTable(2);
    const numbers = Array.from({ length: 200 }, (_, i) => 7 * i + 3);
    for (const n of numbers) {
      expect(table.find(n)).toBe(-1);
      const at = table.add(n);
      table.cells[at + 2] = n;
      table.cells[at + 5] = -n;
    }
    for (const n of numbers) {
      const at = table.find(n);
      expect(at).toBeGreaterThanOrEqual(0);
      expect([table.cells[at + 2], table.cells[at + 5]]).toEqual([n, -n]);
    }
    expect(table.find(4)).toBe(-1);
  });

  it("starts over when full, and still finds what it holds afterwards", () => {
    const table = new TermSentenceTable(1);
    for (let n = 0; n < 256; n++) table.add(n);
    expect(table.find(255)).toBeGreaterThanOrEqual(0);
    table.cells[table.add(1000) + 2] = 42;
    expect(table.find(0)).toBe(-1);
    expect(table.cells[table.find(1000) + 2]).toBe(42);
  });

  it("keeps, when full, the entries found again since it last was, with their words, and drops the others", () => {
    const table = new TermSentenceTable(1);
    // `add` may move the cells: read them after it.
    const put = (n: number) => {
      const at = table.add(n);
      table.cells[at + 2] = 1000 + n;
    };
    const again = [3, 77, 140, 201];
    for (let n = 0; n < 256; n++) put(n);
    for (const n of again) expect(table.find(n)).toBeGreaterThanOrEqual(0);
    put(500);
    for (const n of [...again, 500]) expect(table.cells[table.find(n) + 2]).toBe(1000 + n);
    for (const n of [0, 4, 139, 255]) expect(table.find(n)).toBe(-1);
    // Found before the next sweep (the checks above): kept once more, and then only if found again.
    for (let n = 600; n < 851; n++) put(n);
    put(900);
    table.find(77);
    for (let n = 1000; n < 1250; n++) put(n);
    put(1300);
    expect(table.cells[table.find(77) + 2]).toBe(1077);
    for (const n of [3, 140, 201, 500, 900]) expect(table.find(n)).toBe(-1);
  });

  it("keeps at most half of a full table when every entry was found again, so new entries always fit", () => {
    const table = new TermSentenceTable(1);
    for (let round = 0; round < 4; round++) {
      for (let n = 0; n < 300; n++) {
        const term = 1000 * round + n;
        if (table.find(term) < 0) {
          const at = table.add(term);
          table.cells[at + 2] = term;
        }
        expect(table.cells[table.find(term) + 2]).toBe(term);
      }
    }
  });
});

describe("bitCount", () => {
  it("counts the set bits of any 32-bit word, the sign bit included", () => {
    for (const word of [0, 1, 0b1011, 0x7fffffff, -1, -0x80000000, 0x55555555, 0x0f0f0f0f | 0]) {
      const naive = (word >>> 0).toString(2).replaceAll("0", "").length;
      expect(bitCount(word)).toBe(naive);
    }
  });
});

describe("scoreSentences over a chunk of more than 32 sentences", () => {
  it("finds a term in the sentences past the first word of the masks, read after read", () => {
    const lines = Array.from({ length: 70 }, (_, i) => `第${i + 1}条：${i === 33 || i === 64 ? "量化部署的要点" : "其他的学习内容"}。`);
    const text = lines.join("\n");
    for (let round = 0; round < 2; round++) {
      const scored = scoreSentences([passage(text)], new Map([["量化", 1]]));
      expect(scored.map((s) => s.position)).toEqual([33, 64]);
    }
  });
});
