import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { groupLinkedUrls, normalizeLinkUrl, planLink } from "../../../src/corpus/web/linkTargets.js";
import { noteFileName } from "../../../src/corpus/web/noteFile.js";
import { resourceFor } from "./support/linkFixtures.js";

const RAW = "https://raw.githubusercontent.com";

describe("planLink", () => {
  it("reads GitHub repositories through the raw README, with the page as fallback", () => {
    expect(planLink("https://github.com/rasbt/LLMs-from-scratch", RAW)).toEqual({
      kind: "fetch",
      candidates: ["https://raw.githubusercontent.com/rasbt/LLMs-from-scratch/HEAD/README.md", "https://github.com/rasbt/LLMs-from-scratch"],
    });
    expect(planLink("https://github.com/FlagOpen/FlagData/blob/main/README_zh.md", "http://127.0.0.1:5000/")).toEqual({
      kind: "fetch",
      candidates: ["http://127.0.0.1:5000/FlagOpen/FlagData/main/README_zh.md", "https://github.com/FlagOpen/FlagData/blob/main/README_zh.md"],
    });
    // Issues and other GitHub pages are ordinary HTML pages.
    expect(planLink("https://github.com/ninehills/blog/issues/97", RAW)).toEqual({ kind: "fetch", candidates: ["https://github.com/ninehills/blog/issues/97"] });
  });

  it("skips video sites and media files with a reason", () => {
    expect(planLink("https://space.bilibili.com/1567748478/channel/seriesdetail?sid=358497", RAW)).toEqual({ kind: "skip", reason: "video site: no readable text" });
    expect(planLink("https://youtu.be/abc", RAW)).toEqual({ kind: "skip", reason: "video site: no readable text" });
    expect(planLink("https://example.org/figure.JPG", RAW)).toEqual({ kind: "skip", reason: "image or media file: no readable text" });
    expect(planLink("https://arxiv.org/pdf/2407.21059", RAW)).toEqual({ kind: "fetch", candidates: ["https://arxiv.org/pdf/2407.21059"] });
  });

  it("plans every link of the real roadmaps: no video or image is ever fetched, every repo goes to its README", async () => {
    const dir = path.resolve("corpus/roadmaps");
    const urls = new Set<string>();
    for (const file of await readdir(dir)) {
      for (const match of (await readFile(path.join(dir, file), "utf8")).matchAll(/https?:\/\/[^\s)\]>"'，。）]+/g)) urls.add(match[0]);
    }
    expect(urls.size).toBeGreaterThan(20);
    for (const url of urls) {
      const plan = planLink(url, RAW);
      const host = new URL(url).hostname;
      if (host.endsWith("bilibili.com") || host.endsWith("youtube.com") || /\.(png|jpe?g|gif)$/i.test(new URL(url).pathname)) {
        expect(plan.kind, url).toBe("skip");
      } else {
        expect(plan.kind, url).toBe("fetch");
      }
      if (/^https:\/\/github\.com\/[^/]+\/[^/]+\/?$/.test(url) && plan.kind === "fetch") {
        expect(plan.candidates[0], url).toMatch(/^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/HEAD\/README\.md$/);
      }
    }
  });
});

describe("groupLinkedUrls and noteFileName", () => {
  it("merges the same URL (fragment ignored) from several places, once per place", () => {
    const groups = groupLinkedUrls([
      resourceFor("https://example.org/a#x", { source: "roadmaps/b.txt", line: 9 }),
      resourceFor("https://example.org/a", { source: "roadmaps/a.txt", line: 3 }),
      resourceFor("https://example.org/a", { source: "roadmaps/a.txt", line: 3 }),
      resourceFor("https://example.org/b"),
    ]);
    expect(groups.map((g) => g.url)).toEqual(["https://example.org/a", "https://example.org/b"]);
    expect(groups[0]?.linkedFrom.map((r) => `${r.doc}:${r.line}`)).toEqual(["roadmaps/a.txt:3", "roadmaps/b.txt:9"]);
    expect(normalizeLinkUrl(" https://Example.org/a#frag ")).toBe("https://example.org/a");
  });

  it("names notes with a readable slug and a hash that separates look-alike URLs", () => {
    expect(noteFileName("https://arxiv.org/abs/2405.08944")).toMatch(/^arxiv-org-abs-2405-08944-[0-9a-f]{10}\.md$/);
    expect(noteFileName("https://www.deeplearning.ai/")).toMatch(/^deeplearning-ai-[0-9a-f]{10}\.md$/);
    expect(noteFileName("https://example.org/a-b")).not.toBe(noteFileName("https://example.org/a_b"));
    expect(noteFileName("https://example.org/a-b")).toBe(noteFileName("https://example.org/a-b"));
    const long = noteFileName(`https://example.org/${"very-long-segment/".repeat(20)}`);
    expect(long.length).toBeLessThanOrEqual(60 + 1 + 10 + 3);
    expect(noteFileName("https://zh.wikipedia.org/wiki/%E5%A4%A7")).toMatch(/^zh-wikipedia-org-wiki-[0-9a-f]{10}\.md$/);
  });
});
