import { describe, expect, it } from "vitest";
import { GLOSSARY, questionScanTable } from "../../src/retrieval/glossary.js";
import writtenScanData from "../../src/retrieval/questionScan.json" with { type: "json" };
import {
  compileScan,
  readWrittenScan,
  scanSourceKey,
  writeScan,
  type QuestionScan,
  type ScanVocabulary,
} from "../../src/retrieval/questionScan.js";

/** A vocabulary of every kind the scan holds, with keys outside the BMP and a root shared by several keys. */
const SMALL: ScanVocabulary = {
  glossary: [
    { key: "微调", entries: [GLOSSARY[0]!] },
    { key: "lora", entries: [GLOSSARY[1]!] },
  ],
  terms: [
    { key: "参数高效微调", entries: [GLOSSARY[0]!] },
    { key: "微调", entries: [GLOSSARY[0]!] },
    { key: "lora", entries: [GLOSSARY[1]!] },
    { key: "𠀋𠀋", entries: [GLOSSARY[2]!] },
  ],
  pairs: new Map([
    ["微调", 0],
    ["参数", 1],
  ]),
  taiwan: new Map([
    ["專案", "项目"],
    ["专案", "项目"],
    ["影片", "视频"],
  ]),
  splitFirsts: ["踩", "学"],
};

/** A scan's typed arrays as bytes (a deep equality over 65,536 roots element by element takes seconds), with the rest of it. */
function bytesOf(scan: QuestionScan): unknown {
  const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString("base64");
  const { trie, term, glossary, pair, taiwan, splitFirst, ...rest } = scan;
  const arrays = trie.arrays();
  return {
    trie: {
      ...arrays,
      roots: bytes(arrays.roots),
      keyNodes: bytes(arrays.keyNodes),
      keyUnits: bytes(arrays.keyUnits),
      children: bytes(arrays.children),
    },
    walkedLike: [bytes(term), bytes(glossary), bytes(pair), bytes(taiwan), bytes(splitFirst)],
    rest,
  };
}

/** The node a key ends at, walking the trie unit by unit (0: none). */
function nodeOf(trie: QuestionScan["trie"], key: string): number {
  let node = trie.root(key.charCodeAt(0));
  for (let i = 1; i < key.length && node !== 0; i++) node = trie.child(node, key.charCodeAt(i));
  return node;
}

describe("questionScan.json (scripts/build-question-scan.ts)", () => {
  it("is the scan compiled from today's glossary, learners' phrases and Taiwan phrases: run the script when this fails", () => {
    const { $comment, ...written } = writtenScanData;
    expect($comment).toContain("build-question-scan.ts");
    expect(written).toEqual(questionScanTable());
  });
});

describe("readWrittenScan", () => {
  it("reads back the very scan compileScan made, array for array", () => {
    for (const vocabulary of [SMALL, { glossary: SMALL.glossary }]) {
      const compiled = compileScan(vocabulary);
      const written = JSON.parse(JSON.stringify(writeScan(compiled, vocabulary))) as ReturnType<typeof writeScan>;
      const read = readWrittenScan(written, vocabulary)!;
      expect(bytesOf(read)).toEqual(bytesOf(compiled));
      // The same walk: the table is probed as compileScan's was (its mask and shift), so every key ends at the same node.
      const keys = [...vocabulary.glossary, ...(vocabulary.terms ?? [])].map((term) => term.key);
      for (const key of [...keys, ...(vocabulary.taiwan?.keys() ?? []), "微", "参数高", "nothing"])
        expect(nodeOf(read.trie, key)).toBe(nodeOf(compiled.trie, key));
    }
  });

  it("is not read for another vocabulary than it was written from: the caller compiles the scan", () => {
    const written = writeScan(compileScan(SMALL), SMALL);
    const others: ScanVocabulary[] = [
      { ...SMALL, terms: [...SMALL.terms!, { key: "量化", entries: [GLOSSARY[3]!] }] },
      { ...SMALL, pairs: new Map([["微调", 1]]) },
      { glossary: SMALL.glossary, terms: SMALL.terms!, pairs: SMALL.pairs!, splitFirsts: SMALL.splitFirsts! },
      { ...SMALL, splitFirsts: ["踩"] },
      { ...SMALL, glossary: SMALL.glossary.slice(1) },
    ];
    for (const other of others) {
      expect(scanSourceKey(other)).not.toBe(written.source);
      expect(readWrittenScan(written, other)).toBeUndefined();
    }
    expect(readWrittenScan(written, SMALL)).toBeDefined();
  });
});
