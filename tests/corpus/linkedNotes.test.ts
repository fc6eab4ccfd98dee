import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentIdFor } from "../../src/corpus/documentId.js";
import { extractNoteReferences } from "../../src/corpus/linkedNotes.js";
import { loadCorpus } from "../../src/corpus/loadCorpus.js";
import type { LoadedCorpus } from "../../src/corpus/types.js";

let dir: string;
let corpus: LoadedCorpus;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "corpus-linked-"));
  await cp(path.resolve("tests/fixtures/corpus/linked"), dir, { recursive: true });
  corpus = await loadCorpus(dir);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bySource = (source: string) => corpus.documents.find((d) => d.source === source)!;

describe("linked notes", () => {
  it("records a markdown link with the linking section", () => {
    expect(bySource("notes/deep/lora.md").linkedFrom).toEqual([
      { docId: documentIdFor("roadmaps/path.md"), source: "roadmaps/path.md", title: "微调路线", headingPath: ["第二步：LoRA"], line: 9 },
    ]);
  });

  it("records wiki links, by path from the corpus root and by note name", () => {
    expect(bySource("notes/transformer.md").linkedFrom).toEqual([
      { docId: documentIdFor("roadmaps/path.md"), source: "roadmaps/path.md", title: "微调路线", headingPath: ["第一步：理解 Transformer"], line: 5 },
    ]);
  });

  it("warns about missing targets and links outside the corpus, without failing", () => {
    const messages = corpus.warnings.map((w) => `${w.source}:${w.line} ${w.message}`);
    expect(messages).toEqual([
      'roadmaps/path.md:9 Linked note "../notes/missing.md" was not found in the corpus.',
      'roadmaps/path.md:11 Linked note "qlora" was not found in the corpus.',
      'roadmaps/path.md:13 Ignored link to "../../../etc/passwd.md": it points outside the corpus folder.',
    ]);
    expect(bySource("roadmaps/path.md").linkedFrom).toEqual([]);
  });

  it("merges linked_from front matter of fetched notes", async () => {
    await writeFile(
      path.join(dir, "notes", "fetched.md"),
      "---\ntitle: Fetched\nsource_url: https://example.com/f\nlinked_from:\n  - doc: roadmaps/path.md\n    headingPath: [第二步：LoRA]\n  - doc: roadmaps/gone.md\n    headingPath: []\n---\n\nbody\n",
    );
    const withFetched = await loadCorpus(dir);
    const fetched = withFetched.documents.find((d) => d.source === "notes/fetched.md")!;
    expect(fetched.linkedFrom).toEqual([
      { docId: documentIdFor("roadmaps/path.md"), source: "roadmaps/path.md", title: "微调路线", headingPath: ["第二步：LoRA"], line: 7 },
    ]);
    expect(withFetched.warnings.some((w) => w.source === "notes/fetched.md" && w.message.includes("roadmaps/gone.md"))).toBe(true);
    await rm(path.join(dir, "notes", "fetched.md"));
  });

  it("links a fetched web note to the roadmap line that links its URL", async () => {
    await writeFile(path.join(dir, "notes", "peft.md"), "---\ntitle: PEFT\nsource_url: https://github.com/huggingface/peft\n---\n\nPEFT library.\n");
    const withNote = await loadCorpus(dir);
    const note = withNote.documents.find((d) => d.source === "notes/peft.md")!;
    expect(note.linkedFrom).toEqual([
      { docId: documentIdFor("roadmaps/path.md"), source: "roadmaps/path.md", title: "微调路线", headingPath: ["第二步：LoRA"], line: 15 },
    ]);
    await rm(path.join(dir, "notes", "peft.md"));
  });

  it("extracts note references but not web, anchor or image links", () => {
    const refs = extractNoteReferences("[a](notes/a.md) [b](https://x.y/b.md) [c](#c) ![d](img.png) [e](file.pdf) [[f|F]] [g](g)");
    expect(refs.map((r) => `${r.syntax}:${r.target}:${r.label}`)).toEqual(["markdown:notes/a.md:a", "markdown:g:g", "wiki:f:F"]);
  });
});
