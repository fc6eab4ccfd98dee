import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jsonArrayPieces, writeFileDurably } from "../../src/index/durableFiles.js";

describe("JSON arrays written in pieces (chunks.json, documents.json)", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "json-pieces-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const item = (i: number) => ({ id: `c${i}`, text: `第${i}阶段 “引号” \\ 与 \n 换行`, skipped: undefined, links: [i, { at: i / 3 }] });

  it.each([0, 1, 7, 999, 1000, 1001, 2500])("gives the bytes JSON.stringify gives, for %i items", async (count) => {
    const items = Array.from({ length: count }, (_, i) => item(i));
    const file = path.join(dir, `${count}.json`);
    await writeFileDurably(file, jsonArrayPieces(items, 4096));
    expect(await readFile(file, "utf8")).toBe(JSON.stringify(items));
  });

  it("cuts pieces by size, so a few large items (documents.json's whole files) never make one huge string", () => {
    const large = Array.from({ length: 5 }, (_, i) => ({ id: `d${i}`, text: "长".repeat(10_000) }));
    const pieces = [...jsonArrayPieces(large, 8_000)];
    expect(pieces).toHaveLength(5);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(10_100);
    expect(pieces.join("")).toBe(JSON.stringify(large));
    const small = Array.from({ length: 3000 }, (_, i) => item(i));
    expect([...jsonArrayPieces(small, 64 * 1024)].length).toBeLessThan(10);
  });
});
