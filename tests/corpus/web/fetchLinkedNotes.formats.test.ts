import matter from "gray-matter";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchLinkedNotes } from "../../../src/corpus/web/fetchLinkedNotes.js";
import { noteFileName } from "../../../src/corpus/web/noteFile.js";
import type { Resource } from "../../../src/corpus/types.js";
import { page, startSiteServer, type SiteServer } from "./support/siteServer.js";
import { buildTinyPdf } from "./support/tinyPdf.js";
import { fixture, makeTempCorpus, manualClock, resourceFor, type TempCorpus } from "./support/linkFixtures.js";

describe("fetchLinkedNotes: character sets, PDFs, GitHub READMEs", () => {
  let site: SiteServer;
  let corpus: TempCorpus;

  beforeEach(async () => {
    const gbkBytes = iconv.encode(await fixture("gbk-article.html"), "gbk");
    site = await startSiteServer({
      // Charset only in the header (the meta says gbk too, but the header must win on its own).
      "/gbk-header": page(iconv.encode((await fixture("gbk-article.html")).replace(/<meta[^>]*>/, ""), "gbk"), "text/html; charset=GBK"),
      // Charset only in <meta http-equiv>.
      "/gbk-meta": page(gbkBytes, "text/html"),
      "/pdf/2407.21059": page(buildTinyPdf(["Scaling laws relate loss to compute.", "Chinchilla trains longer on more tokens."], "Tiny Scaling Paper"), "application/pdf"),
      "/owner/tiny-llm/HEAD/README.md": page(await fixture("github-readme.md"), "text/plain; charset=utf-8"),
      "/owner/tiny-llm/main/docs/README_zh.md": page("# 中文说明\n\n这是中文版本的说明文档，介绍如何安装和训练模型。\n", "text/plain; charset=utf-8"),
      "/notes.md": page("# Reading list\n\nAttention is all you need, then the GPT-2 paper, then InstructGPT.\n", "text/markdown"),
      "/photo": page(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), "image/png"),
    });
    corpus = await makeTempCorpus();
  });
  afterEach(async () => {
    await site.close();
    await corpus.cleanup();
  });

  const run = (resources: Resource[]) =>
    fetchLinkedNotes({
      corpusDir: corpus.dir,
      resources,
      allowPrivateHosts: true,
      perHostDelayMs: 0,
      githubRawBase: site.origin,
      now: manualClock("2024-07-10T08:00:00.000Z").now,
    });

  const note = async (url: string) => matter(await corpus.readNoteFile(noteFileName(url)));

  it("decodes GBK pages from the Content-Type charset or from <meta>", async () => {
    const urls = [`${site.origin}/gbk-header`, `${site.origin}/gbk-meta`];
    const summary = await run(urls.map((url) => resourceFor(url)));
    expect(summary).toMatchObject({ fetched: 2, failed: 0 });
    for (const url of urls) {
      const { data, content } = await note(url);
      expect(data["title"]).toBe("大模型微调入门");
      expect(content).toContain("## 指令微调");
      expect(content).toContain("## 人类反馈强化学习");
      expect(content).toContain("参数高效微调（PEFT）只训练少量新增参数");
      expect(content).toContain("DPO 则直接用偏好数据优化");
      expect(content).not.toContain("\uFFFD");
    }
  });

  it("turns a PDF into one `## Page N` section per page", async () => {
    const url = `${site.origin}/pdf/2407.21059`;
    const summary = await run([resourceFor(url, { title: "arXiv 2407.21059" })]);
    expect(summary).toMatchObject({ fetched: 1, failed: 0 });
    const { data, content } = await note(url);
    expect(data["title"]).toBe("Tiny Scaling Paper");
    expect(data["content_type"]).toBe("application/pdf");
    expect(content.trim()).toBe(
      "# Tiny Scaling Paper\n\n## Page 1\n\nScaling laws relate loss to compute.\n\n## Page 2\n\nChinchilla trains longer on more tokens.",
    );
  });

  it("fails cleanly on a body that claims to be a PDF but is not", async () => {
    site.route("/broken.pdf", page("this is not a pdf", "application/pdf"));
    const summary = await run([resourceFor(`${site.origin}/broken.pdf`)]);
    expect(summary).toMatchObject({ fetched: 0, failed: 1 });
    expect(summary.outcomes[0]?.reason).toContain("not a readable PDF");
    expect(await corpus.noteFiles()).toEqual([]);
  });

  it("reads a GitHub repository through its raw README, and a blob .md link through the raw file", async () => {
    const repo = "https://github.com/owner/tiny-llm";
    const blob = "https://github.com/owner/tiny-llm/blob/main/docs/README_zh.md";
    const summary = await run([resourceFor(repo, { title: "tiny-llm" }), resourceFor(`${repo}/`), resourceFor(blob)]);
    expect(summary).toMatchObject({ total: 3, fetched: 3, failed: 0 });
    expect(site.requestsTo("/owner/tiny-llm/HEAD/README.md")).toHaveLength(2);

    const readme = await note(repo);
    expect(readme.data["source_url"]).toBe(repo);
    expect(readme.data["fetched_from"]).toBe(`${site.origin}/owner/tiny-llm/HEAD/README.md`);
    expect(readme.data["title"]).toBe("tiny-llm");
    expect(readme.content).toContain("## Training");
    expect(readme.content).toContain("tiny-llm train data.txt");

    const zh = await note(blob);
    expect(zh.data["title"]).toBe("中文说明");
    expect(zh.content).toContain("介绍如何安装和训练模型");
  });

  it("keeps markdown as written and skips a content type that is not text", async () => {
    const summary = await run([resourceFor(`${site.origin}/notes.md`), resourceFor(`${site.origin}/photo`)]);
    expect(summary).toMatchObject({ fetched: 1, skipped: 1 });
    const { data, content } = await note(`${site.origin}/notes.md`);
    expect(data["title"]).toBe("Reading list");
    expect(content.trim()).toBe("# Reading list\n\nAttention is all you need, then the GPT-2 paper, then InstructGPT.");
    const photo = summary.outcomes.find((o) => o.url.endsWith("/photo"));
    expect(photo).toMatchObject({ kind: "skipped", reason: "content type image/png is not readable text" });
    expect(await corpus.noteFiles()).toEqual([noteFileName(`${site.origin}/notes.md`)]);
  });
});
