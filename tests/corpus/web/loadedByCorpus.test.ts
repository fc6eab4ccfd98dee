import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildResources, loadCorpus } from "../../../src/corpus/index.js";
import { fetchLinkedNotes } from "../../../src/corpus/web/index.js";
import { page, startSiteServer, type SiteServer } from "./support/siteServer.js";
import { fixture, makeTempCorpus, manualClock, type TempCorpus } from "./support/linkFixtures.js";

// The contract with the corpus loader: a fetched note loads as a "web" document carrying its URL,
// fetch time and the section that links to it.
describe("fetched notes as corpus documents", () => {
  let site: SiteServer;
  let corpus: TempCorpus;

  beforeEach(async () => {
    site = await startSiteServer({ "/blog/lora": page(await fixture("article.html"), "text/html") });
    corpus = await makeTempCorpus();
    await mkdir(path.join(corpus.dir, "roadmaps"), { recursive: true });
    await writeFile(
      path.join(corpus.dir, "roadmaps", "mini.md"),
      `# 微调路线\n\n## 第三阶段：参数高效微调\n\n- LoRA 原理：${site.origin}/blog/lora\n- 视频：https://www.bilibili.com/video/BV1gj411X72B/\n`,
    );
  });
  afterEach(async () => {
    await site.close();
    await corpus.cleanup();
  });

  it("loads the note with source_url, fetched_at and linked_from resolved to the roadmap section", async () => {
    const first = await loadCorpus(corpus.dir);
    const resources = first.documents.flatMap(buildResources);
    expect(resources.map((r) => r.url)).toEqual([`${site.origin}/blog/lora`, "https://www.bilibili.com/video/BV1gj411X72B/"]);
    expect(resources[0]?.headingPath.at(-1)).toBe("第三阶段：参数高效微调");

    const summary = await fetchLinkedNotes({ corpusDir: corpus.dir, resources, allowPrivateHosts: true, perHostDelayMs: 0, now: manualClock("2024-07-10T08:00:00.000Z").now });
    expect(summary).toMatchObject({ total: 2, fetched: 1, skipped: 1 });

    const second = await loadCorpus(corpus.dir);
    const web = second.documents.find((d) => d.kind === "web");
    expect(web?.source).toMatch(/^notes\/web\/127-0-0-1-blog-lora-[0-9a-f]{10}\.md$/);
    expect(web?.title).toBe("Understanding LoRA Fine-Tuning");
    expect(web?.metadata).toMatchObject({ sourceUrl: `${site.origin}/blog/lora`, fetchedAt: "2024-07-10T08:00:00.000Z" });
    expect(web?.outline.map((s) => s.heading)).toEqual(expect.arrayContaining(["Why low rank works", "Choosing the rank", "QLoRA"]));
    expect(web?.linkedFrom).toEqual([
      expect.objectContaining({ source: "roadmaps/mini.md", title: "微调路线", headingPath: resources[0]?.headingPath, line: 5 }),
    ]);

    // The note's own links are not fetched on the next run (no crawling beyond one level).
    const again = await fetchLinkedNotes({
      corpusDir: corpus.dir,
      resources: second.documents.flatMap(buildResources),
      allowPrivateHosts: true,
      perHostDelayMs: 0,
      now: manualClock("2024-07-11T08:00:00.000Z").now,
    });
    expect(again).toMatchObject({ total: 2, cached: 1, skipped: 1 });
  });
});
