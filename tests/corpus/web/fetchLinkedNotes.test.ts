import matter from "gray-matter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchLinkedNotes } from "../../../src/corpus/web/fetchLinkedNotes.js";
import { noteFileName } from "../../../src/corpus/web/noteFile.js";
import type { LinkFetchProgress } from "../../../src/corpus/web/types.js";
import { page, startSiteServer, type SiteServer } from "./support/siteServer.js";
import { DAY_MS, fixture, makeTempCorpus, manualClock, resourceFor, type TempCorpus } from "./support/linkFixtures.js";

const ETAG = '"lora-v1"';
const LAST_MODIFIED = "Tue, 02 Jul 2024 10:00:00 GMT";

describe("fetchLinkedNotes: an article page and the cache", () => {
  let site: SiteServer;
  let corpus: TempCorpus;
  let articleHtml: string;

  beforeEach(async () => {
    articleHtml = await fixture("article.html");
    site = await startSiteServer({
      "/robots.txt": page("User-agent: *\nDisallow: /private/\n", "text/plain"),
      "/blog/lora": page(articleHtml, "text/html; charset=utf-8", { etag: ETAG, lastModified: LAST_MODIFIED }),
    });
    corpus = await makeTempCorpus();
  });
  afterEach(async () => {
    await site.close();
    await corpus.cleanup();
  });

  const run = (clock: { now: () => Date }, extra: Partial<Parameters<typeof fetchLinkedNotes>[0]> = {}) =>
    fetchLinkedNotes({
      corpusDir: corpus.dir,
      resources: [
        resourceFor(`${site.origin}/blog/lora`, { title: "LoRA 讲解" }),
        // The same page linked again from another document, with a fragment: one note, two references.
        resourceFor(`${site.origin}/blog/lora#qlora`, { source: "roadmaps/004_roadmap.txt", docId: "roadmaps-004", headingPath: ["微调"], line: 7 }),
      ],
      allowPrivateHosts: true,
      perHostDelayMs: 0,
      now: clock.now,
      ...extra,
    });

  it("writes one note with front matter, keeps headings and drops nav, footer, cookie banner and scripts", async () => {
    const clock = manualClock("2024-07-10T08:00:00.000Z");
    const progress: LinkFetchProgress[] = [];
    const summary = await run(clock, { onProgress: (p) => progress.push(p) });

    expect(summary).toMatchObject({ total: 1, fetched: 1, cached: 0, notModified: 0, skipped: 0, failed: 0 });
    const url = `${site.origin}/blog/lora`;
    const name = noteFileName(url);
    expect(name).toMatch(/^127-0-0-1-blog-lora-[0-9a-f]{10}\.md$/);
    expect(await corpus.noteFiles()).toEqual([name]);
    expect(summary.outcomes[0]).toMatchObject({ url, kind: "fetched", note: `notes/web/${name}`, written: true });
    expect(progress).toEqual([{ done: 1, total: 1, failed: 0, url }]);

    const { data, content } = matter(await corpus.readNoteFile(name));
    expect(data).toEqual({
      source_url: url,
      title: "Understanding LoRA Fine-Tuning",
      fetched_at: "2024-07-10T08:00:00.000Z",
      etag: ETAG,
      last_modified: LAST_MODIFIED,
      content_type: "text/html",
      linked_from: [
        { doc: "roadmaps/001_roadmap.txt", headingPath: ["学习路径", "第三阶段：微调"], line: 42 },
        { doc: "roadmaps/004_roadmap.txt", headingPath: ["微调"], line: 7 },
      ],
    });
    expect(content).toContain("# Understanding LoRA Fine-Tuning");
    expect(content).toContain("## Why low rank works");
    expect(content).toContain("### Choosing the rank");
    expect(content).toContain("## QLoRA");
    expect(content).toContain("Low-rank adaptation (LoRA) freezes the pretrained weights");
    expect(content).toContain("get_peft_model(model, LoraConfig(r=8, lora_alpha=16))");
    // Relative links become absolute so the note still points somewhere.
    expect(content).toContain(`[original paper](${site.origin}/papers/lora.pdf)`);
    for (const marker of ["NAV-HOME-MARKER", "COOKIE-BANNER-MARKER", "FOOTER-MARKER", "SIDEBAR-MARKER", "TRACKING-SCRIPT-MARKER", "INLINE-SCRIPT-MARKER", "font-family"]) {
      expect(content).not.toContain(marker);
    }

    const pageRequest = site.requestsTo("/blog/lora")[0];
    expect(pageRequest?.headers["user-agent"]).toBe("RoadmapTutor/0.1 (+https://github.com/roadmap-tutor/roadmap-tutor)");
    expect(pageRequest?.headers["if-none-match"]).toBeUndefined();
    expect(site.requestsTo("/robots.txt")).toHaveLength(1);
  });

  it("sends no request at all within max age and touches nothing", async () => {
    const clock = manualClock("2024-07-10T08:00:00.000Z");
    await run(clock);
    const name = noteFileName(`${site.origin}/blog/lora`);
    const before = { text: await corpus.readNoteFile(name), mtime: await corpus.mtimeMs(name) };
    const requestsBefore = site.requests.length;

    clock.advance(6 * DAY_MS);
    const summary = await run(clock);
    expect(summary).toMatchObject({ total: 1, fetched: 0, cached: 1, notModified: 0 });
    expect(summary.outcomes[0]).toMatchObject({ kind: "cached", written: false, note: `notes/web/${name}` });
    expect(site.requests.length).toBe(requestsBefore);
    expect(await corpus.readNoteFile(name)).toBe(before.text);
    expect(await corpus.mtimeMs(name)).toBe(before.mtime);
  });

  it("revalidates with conditional requests past max age; a 304 rewrites nothing", async () => {
    const clock = manualClock("2024-07-10T08:00:00.000Z");
    await run(clock);
    const name = noteFileName(`${site.origin}/blog/lora`);
    const before = { text: await corpus.readNoteFile(name), mtime: await corpus.mtimeMs(name) };

    clock.advance(8 * DAY_MS);
    const summary = await run(clock);
    expect(summary).toMatchObject({ fetched: 0, cached: 0, notModified: 1, failed: 0 });
    const pageRequests = site.requestsTo("/blog/lora");
    expect(pageRequests).toHaveLength(2);
    expect(pageRequests[1]?.headers["if-none-match"]).toBe(ETAG);
    expect(pageRequests[1]?.headers["if-modified-since"]).toBe(LAST_MODIFIED);
    expect(await corpus.readNoteFile(name)).toBe(before.text);
    expect(await corpus.mtimeMs(name)).toBe(before.mtime);
  });

  it("does not rewrite a page served again with the same content, and rewrites a changed one", async () => {
    const clock = manualClock("2024-07-10T08:00:00.000Z");
    // No validators: every revalidation is a full 200.
    site.route("/blog/lora", page(articleHtml, "text/html"));
    await run(clock);
    const name = noteFileName(`${site.origin}/blog/lora`);
    const first = await corpus.readNoteFile(name);
    const firstMtime = await corpus.mtimeMs(name);

    clock.advance(8 * DAY_MS);
    const same = await run(clock);
    expect(same).toMatchObject({ fetched: 0, unchanged: 1 });
    expect(await corpus.readNoteFile(name)).toBe(first);
    expect(await corpus.mtimeMs(name)).toBe(firstMtime);

    site.route("/blog/lora", page(articleHtml.replace("QLoRA quantizes", "QLoRA now quantizes"), "text/html"));
    clock.advance(8 * DAY_MS);
    const changed = await run(clock);
    expect(changed).toMatchObject({ fetched: 1, unchanged: 0 });
    const rewritten = matter(await corpus.readNoteFile(name));
    expect(rewritten.content).toContain("QLoRA now quantizes");
    expect(rewritten.data["fetched_at"]).toBe("2024-07-26T08:00:00.000Z");
  });

  it("--refresh-links refetches unconditionally even when the note is fresh", async () => {
    const clock = manualClock("2024-07-10T08:00:00.000Z");
    await run(clock);
    clock.advance(DAY_MS);
    const summary = await run(clock, { refresh: true });
    expect(summary).toMatchObject({ cached: 0, notModified: 0, unchanged: 1 });
    const second = site.requestsTo("/blog/lora")[1];
    expect(second).toBeDefined();
    expect(second?.headers["if-none-match"]).toBeUndefined();
    expect(second?.headers["if-modified-since"]).toBeUndefined();
  });

  it("keeps the previous note when the page later fails, and reports where it is linked from", async () => {
    const clock = manualClock("2024-07-10T08:00:00.000Z");
    await run(clock);
    const name = noteFileName(`${site.origin}/blog/lora`);
    const before = await corpus.readNoteFile(name);

    site.route("/blog/lora", (_request, response) => void response.writeHead(500, { "content-type": "text/plain" }).end("SECRET upstream body"));
    clock.advance(8 * DAY_MS);
    const progress: LinkFetchProgress[] = [];
    const summary = await run(clock, { onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ total: 1, failed: 1, fetched: 0 });
    const outcome = summary.outcomes[0];
    expect(outcome).toMatchObject({ kind: "failed", status: 500, note: `notes/web/${name}`, written: false });
    expect(outcome?.reason).toContain("HTTP 500");
    expect(outcome?.reason).not.toContain("SECRET");
    expect(outcome?.linkedFrom).toEqual([
      { doc: "roadmaps/001_roadmap.txt", headingPath: ["学习路径", "第三阶段：微调"], line: 42 },
      { doc: "roadmaps/004_roadmap.txt", headingPath: ["微调"], line: 7 },
    ]);
    expect(progress.at(-1)).toMatchObject({ done: 1, total: 1, failed: 1 });
    expect(await corpus.readNoteFile(name)).toBe(before);
  });

  it("updates only linked_from when a new document links to a cached page", async () => {
    const clock = manualClock("2024-07-10T08:00:00.000Z");
    await run(clock);
    const name = noteFileName(`${site.origin}/blog/lora`);
    const requestsBefore = site.requests.length;
    clock.advance(DAY_MS);
    const summary = await fetchLinkedNotes({
      corpusDir: corpus.dir,
      resources: [resourceFor(`${site.origin}/blog/lora`, { source: "roadmaps/002_roadmap.txt", headingPath: ["资源"], line: 3 })],
      allowPrivateHosts: true,
      now: clock.now,
    });
    expect(summary.outcomes[0]).toMatchObject({ kind: "cached", written: true });
    expect(site.requests.length).toBe(requestsBefore);
    const { data } = matter(await corpus.readNoteFile(name));
    expect(data["linked_from"]).toEqual([{ doc: "roadmaps/002_roadmap.txt", headingPath: ["资源"], line: 3 }]);
    expect(data["fetched_at"]).toBe("2024-07-10T08:00:00.000Z");
  });
});
