import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { documentIdFor } from "../../src/corpus/documentId.js";
import { loadCorpus } from "../../src/corpus/loadCorpus.js";
import { BadInput } from "../../src/errors.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "corpus-load-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(relative: string, content: string | Buffer): Promise<void> {
  await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
  await writeFile(path.join(dir, relative), content);
}

describe("loadCorpus", () => {
  it("loads the real corpus deterministically", async () => {
    const first = await loadCorpus(path.resolve("corpus"));
    const roadmaps = first.documents.filter((d) => d.kind === "roadmap");
    expect(roadmaps.map((d) => d.source)).toEqual([
      "roadmaps/000_33fd4ca31d6b3655.txt",
      "roadmaps/001_8e5e9a45eaf284ba.txt",
      "roadmaps/002_d16070f75922ad7f.txt",
      "roadmaps/003_8d5a7f427f497e9f.txt",
      "roadmaps/004_b9f4f21cc5f3d063.txt",
    ]);
    expect(roadmaps.map((d) => d.id)).toEqual(roadmaps.map((d) => documentIdFor(d.source)));
    expect(roadmaps.every((d) => /^[0-9a-f]{64}$/.test(d.contentHash))).toBe(true);
    const second = await loadCorpus(path.resolve("corpus"));
    expect(second.documents.map((d) => [d.id, d.contentHash])).toEqual(first.documents.map((d) => [d.id, d.contentHash]));
  });

  it("walks .md/.markdown/.txt recursively in sorted order with kinds by folder, reporting progress", async () => {
    await put("roadmaps/b.md", "# B\n\ntext b\n");
    await put("roadmaps/a.txt", "plain a\n");
    await put("notes/mine.markdown", "# Mine\n\nnote\n");
    await put("notes/web/page.md", "---\nsource_url: https://example.com/p\ntitle: Page\n---\n\nweb text\n");
    await put("roadmaps/image.png", "not text");
    await put(".hidden/secret.md", "# hidden\n");
    const progress: string[] = [];
    const corpus = await loadCorpus(dir, { onProgress: (done, total, source) => progress.push(`${done}/${total} ${source}`) });
    expect(corpus.documents.map((d) => [d.source, d.kind])).toEqual([
      ["notes/mine.markdown", "note"],
      ["notes/web/page.md", "web"],
      ["roadmaps/a.txt", "roadmap"],
      ["roadmaps/b.md", "roadmap"],
    ]);
    expect(progress).toEqual(["1/4 notes/mine.markdown", "2/4 notes/web/page.md", "3/4 roadmaps/a.txt", "4/4 roadmaps/b.md"]);
    const web = corpus.documents[1]!;
    expect(web.title).toBe("Page");
    expect(web.metadata.sourceUrl).toBe("https://example.com/p");
    expect(web.lineCount).toBe(6);
    expect(corpus.documents[2]!.title).toBe("plain a");
    expect(corpus.documents[3]!.title).toBe("B");
  });

  it("skips binary, non-UTF-8, oversized, empty and duplicate files with reasons", async () => {
    await put("good.md", "# Good\n\nfine\n");
    await put("copy.md", "# Good\n\nfine\n");
    await put("nul.txt", Buffer.from([0x61, 0x00, 0x62]));
    await put("latin1.txt", Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    await put("big.md", "x".repeat(2000));
    await put("empty.md", "\n  \n");
    const corpus = await loadCorpus(dir, { maxFileBytes: 1000 });
    expect(corpus.documents.map((d) => d.source)).toEqual(["copy.md"]);
    const reasons = Object.fromEntries(corpus.skipped.map((s) => [s.source, s.reason]));
    expect(reasons["good.md"]).toBe("duplicate of copy.md");
    expect(reasons["nul.txt"]).toMatch(/binary/);
    expect(reasons["latin1.txt"]).toMatch(/UTF-8/);
    expect(reasons["big.md"]).toMatch(/too large: 2000 bytes \(limit 1000\)/);
    expect(reasons["empty.md"]).toBe("empty file");
  });

  it("skips a file it cannot read (dangling link) and follows a link to a file", async () => {
    await put("ok.md", "ok\n");
    await symlink(path.join(dir, "gone.md"), path.join(dir, "broken.md"));
    await symlink(path.join(dir, "ok.md"), path.join(dir, "alias.md"));
    const corpus = await loadCorpus(dir);
    expect(corpus.skipped).toEqual([
      { source: "broken.md", reason: "unreadable (ENOENT)" },
      { source: "ok.md", reason: "duplicate of alias.md" },
    ]);
  });

  it("throws BadInput naming the folder when it is missing or has no documents", async () => {
    const missing = path.join(dir, "nope");
    await expect(loadCorpus(missing)).rejects.toThrow(BadInput);
    await expect(loadCorpus(missing)).rejects.toThrow(missing);
    await put("readme.rst", "nothing we read");
    await expect(loadCorpus(dir)).rejects.toThrow(new RegExp(`${dir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*no \\.md`));
    await put("bad.md", Buffer.from([0]));
    await expect(loadCorpus(dir)).rejects.toThrow(/all files were skipped/);
  });

  it("keeps line numbers true with CRLF files and a BOM", async () => {
    await put("crlf.md", "\uFEFF# T\r\n\r\nline three\r\n");
    const [doc] = (await loadCorpus(dir)).documents;
    expect(doc!.text.split("\n")).toEqual(["# T", "", "line three"]);
    expect(doc!.lineCount).toBe(3);
  });
});

describe("documentIdFor", () => {
  it("is stable, URL-safe and distinct per source", () => {
    expect(documentIdFor("roadmaps/a.md")).toBe(documentIdFor("roadmaps/a.md"));
    expect(documentIdFor("roadmaps/a.md")).toMatch(/^[0-9a-f]{16}$/);
    expect(documentIdFor("roadmaps/a.md")).not.toBe(documentIdFor("roadmaps/b.md"));
  });
});
