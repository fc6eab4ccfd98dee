import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/chunking/index.js";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { buildResources, classifyLinkTarget } from "../../src/corpus/links.js";
import { loadCorpus } from "../../src/corpus/index.js";

/**
 * Citation and resource URLs come from the corpus (front matter source_url, markdown links,
 * fetched notes). Only http(s) URLs, as the WHATWG parser reads them, survive ingest: a
 * javascript: URL in disguise would otherwise reach citations[].url and the /v1 Sources list.
 */

const DISGUISED = ["java\tscript:alert(1)", "\u0001javascript:alert(1)", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\nscript:alert(1)", "javascript&colon;alert(1)", "&#x6A;avascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd"];

describe("classifyLinkTarget", () => {
  it.each(DISGUISED)("refuses %j", (url) => {
    expect(classifyLinkTarget(url).kind).toBe("refused");
  });

  it("keeps http(s) URLs as written, and the parser's reading of one with stray whitespace", () => {
    expect(classifyLinkTarget("https://example.com/a?b=1")).toEqual({ kind: "web", url: "https://example.com/a?b=1" });
    expect(classifyLinkTarget("HTTP://Example.com")).toEqual({ kind: "web", url: "HTTP://Example.com" });
    expect(classifyLinkTarget("ht\ttps://example.com/x")).toEqual({ kind: "web", url: "https://example.com/x" });
    expect(classifyLinkTarget("www.example.com/a")).toEqual({ kind: "web", url: "www.example.com/a" });
  });

  it("keeps relative paths (they resolve to the page's own scheme) and refuses malformed absolute URLs", () => {
    expect(classifyLinkTarget("notes/lora.md")).toEqual({ kind: "relative", url: "notes/lora.md" });
    expect(classifyLinkTarget("../a b.md")).toEqual({ kind: "relative", url: "../a b.md" });
    expect(classifyLinkTarget("https://exa mple.com").kind).toBe("refused");
    expect(classifyLinkTarget("mailto:someone@example.com").kind).toBe("refused");
  });
});

describe("buildDocument drops unsafe URLs with a warning naming file and line", () => {
  it.each(["javascript:alert(1)", "java\\tscript:alert(1)", "\\x01javascript:alert(1)"])("front matter source_url %s", (yamlValue) => {
    const raw = ["---", "title: Note", `source_url: "${yamlValue}"`, "---", "# Note", "", "Some text about LoRA."].join("\n");
    const { document, warnings } = buildDocument("notes/web/evil.md", raw);
    expect(document.metadata.sourceUrl).toBeUndefined();
    expect(chunkDocument(document).every((chunk) => chunk.url === undefined)).toBe(true);
    expect(warnings).toEqual([{ source: "notes/web/evil.md", line: 3, message: expect.stringMatching(/^Ignored source_url .*not http\(s\)/) }]);
  });

  it("keeps a good source_url", () => {
    const raw = ["---", "source_url: https://example.com/post", "---", "# Note", "", "Text."].join("\n");
    const { document, warnings } = buildDocument("notes/web/good.md", raw);
    expect(document.metadata.sourceUrl).toBe("https://example.com/post");
    expect(chunkDocument(document)[0]?.url).toBe("https://example.com/post");
    expect(warnings).toEqual([]);
  });

  it("markdown links, reference definitions and HTML-escaped schemes", () => {
    const raw = [
      "# Links",
      "[tab](java\tscript:alert(1)) and [ctrl](\u0001javascript:alert(1))",
      "[plain](javascript:alert(1)) [entity](javascript&colon;alert(1))",
      "[ref]: \u0001javascript:alert(2)",
      "[good](https://example.com/good) [note](notes/lora.md) [spaced](ht\ttps://example.com/spaced)",
    ].join("\n");
    const { document, warnings } = buildDocument("roadmaps/evil.md", raw);
    expect(document.links.map((link) => link.url)).toEqual(["https://example.com/good", "notes/lora.md", "https://example.com/spaced"]);
    expect(buildResources(document).map((r) => r.url)).toEqual(["https://example.com/good", "https://example.com/spaced"]);
    expect(chunkDocument(document).flatMap((chunk) => chunk.links.map((link) => link.url))).not.toContain(expect.stringMatching(/script/i));
    expect(warnings.map((w) => [w.source, w.line])).toEqual([
      ["roadmaps/evil.md", 2],
      ["roadmaps/evil.md", 2],
      ["roadmaps/evil.md", 3],
      ["roadmaps/evil.md", 3],
      ["roadmaps/evil.md", 4],
    ]);
    expect(warnings.every((w) => w.message.startsWith("Ignored link "))).toBe(true);
  });
});

it("loadCorpus reports the dropped URLs among its warnings and links no note to a disguised scheme", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "link-safety-"));
  try {
    await mkdir(path.join(dir, "notes"), { recursive: true });
    await writeFile(path.join(dir, "notes", "evil.md"), ["---", 'source_url: "java\\tscript:alert(1)"', "---", "# Evil", "", "[x](\u0001javascript:alert(1))"].join("\n"));
    const corpus = await loadCorpus(dir, { maxFileBytes: 100_000 });
    expect(corpus.documents[0]?.metadata.sourceUrl).toBeUndefined();
    expect(corpus.documents[0]?.links).toEqual([]);
    expect(corpus.warnings.map((w) => `${w.source}:${w.line}`)).toEqual(["notes/evil.md:2", "notes/evil.md:6"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
