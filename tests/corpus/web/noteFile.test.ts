import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readNote, renderNote, sameNoteContent, writeFileAtomic, type WebNote } from "../../../src/corpus/web/noteFile.js";
import { makeTempCorpus } from "./support/linkFixtures.js";

const NOTE: WebNote = {
  frontMatter: {
    source_url: "https://example.org/a?x=1",
    title: "null: a tricky: title",
    fetched_at: "2024-07-10T08:00:00.000Z",
    etag: 'W/"abc"',
    last_modified: null,
    content_type: "text/html",
    linked_from: [{ doc: "roadmaps/001.txt", headingPath: ["学习路径", "阶段一"], line: 12 }],
  },
  body: "# Title\n\nBody text.",
};

describe("web note files", () => {
  it("round-trips front matter with strings kept as strings", async () => {
    const corpus = await makeTempCorpus();
    try {
      const file = path.join(corpus.dir, "note.md");
      await writeFileAtomic(file, renderNote(NOTE));
      expect(await readNote(file)).toEqual(NOTE);
      expect(await readFile(file, "utf8")).toContain('fetched_at: "2024-07-10T08:00:00.000Z"');
      expect(await readdir(corpus.dir)).toEqual(["note.md"]); // no temp file left behind
    } finally {
      await corpus.cleanup();
    }
  });

  it("treats notes differing only in fetch bookkeeping as the same content", () => {
    const refetched: WebNote = { ...NOTE, frontMatter: { ...NOTE.frontMatter, fetched_at: "2025-01-01T00:00:00.000Z", etag: '"new"' } };
    expect(sameNoteContent(NOTE, refetched)).toBe(true);
    expect(sameNoteContent(NOTE, { ...NOTE, body: "# Title\n\nOther text." })).toBe(false);
    expect(sameNoteContent(NOTE, { ...NOTE, frontMatter: { ...NOTE.frontMatter, linked_from: [] } })).toBe(false);
  });

  it("returns undefined for a missing file or a note that is not a fetched web note", async () => {
    const corpus = await makeTempCorpus();
    try {
      expect(await readNote(path.join(corpus.dir, "absent.md"))).toBeUndefined();
      const handWritten = path.join(corpus.dir, "mine.md");
      await writeFileAtomic(handWritten, "---\ntitle: My note\n---\n\nText\n");
      expect(await readNote(handWritten)).toBeUndefined();
    } finally {
      await corpus.cleanup();
    }
  });
});
