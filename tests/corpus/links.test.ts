import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { buildResources, extractLinks } from "../../src/corpus/links.js";
import { realDocument } from "./realCorpus.js";

describe("extractLinks", () => {
  it("finds markdown links (nested parentheses, padded URL), autolinks and bare URLs; skips images, anchors and code", () => {
    const text = [
      "See [Wiki (page)](https://en.wikipedia.org/wiki/Foo_(bar)) and [padded]( https://courses.d2l.ai/zh-v2/ ).",
      "![diagram](https://example.com/d.png) [toc](#part-1)",
      "Autolink <https://github.com/ninehills/blog/issues/97> here.",
      "中英字幕： https://github.com/x/y。下一句，https://example.com/a?b=1）、以及 https://example.com/end.",
      "```",
      "curl https://inside.code/block",
      "```",
      "[ref]: https://example.com/ref",
      "[**Bold** anchor](https://example.com/b \"title\")",
    ].join("\n");
    expect(extractLinks(text)).toEqual([
      { text: "Wiki (page)", url: "https://en.wikipedia.org/wiki/Foo_(bar)", line: 1 },
      { text: "padded", url: "https://courses.d2l.ai/zh-v2/", line: 1 },
      { text: "https://github.com/ninehills/blog/issues/97", url: "https://github.com/ninehills/blog/issues/97", line: 3 },
      { text: "https://github.com/x/y", url: "https://github.com/x/y", line: 4 },
      { text: "https://example.com/a?b=1", url: "https://example.com/a?b=1", line: 4 },
      { text: "https://example.com/end", url: "https://example.com/end", line: 4 },
      { text: "ref", url: "https://example.com/ref", line: 8 },
      { text: "Bold anchor", url: "https://example.com/b", line: 9 },
    ]);
  });

  it("does not read an image inside link text as a separate link", () => {
    const links = extractLinks("![a[1].png](https://s2.loli.net/x.png) text");
    expect(links).toEqual([]);
  });

  it("strips unbalanced closing parentheses and trailing punctuation from bare URLs", () => {
    expect(extractLinks("(see https://example.com/x).").map((l) => l.url)).toEqual(["https://example.com/x"]);
    expect(extractLinks("www.example.com, then").map((l) => l.url)).toEqual(["www.example.com"]);
  });
});

describe("buildResources", () => {
  it("004: the LLMSurvey link is 大语言模型综述 under 0x30 › 0x32", () => {
    const resources = buildResources(realDocument("004"));
    const survey = resources.find((r) => r.url === "https://github.com/RUCAIBox/LLMSurvey")!;
    expect(survey).toMatchObject({ title: "大语言模型综述", headingPath: ["0x30 深入篇", "0x32 大模型技术原理方向"], line: 68 });
    expect(survey.source).toBe("roadmaps/004_b9f4f21cc5f3d063.txt");
  });

  it("000: the nlp-beginner link sits under 一些课程 › NLP; a bare URL takes its section heading", () => {
    const resources = buildResources(realDocument("000"));
    expect(resources.find((r) => r.url === "https://github.com/FudanNLP/nlp-beginner")).toMatchObject({
      title: "FudanNLP/nlp-beginner: NLP上手教程 (github.com)",
      headingPath: ["一些课程", "NLP"],
      line: 71,
    });
    expect(resources.find((r) => r.url.startsWith("https://www.bilibili.com/video/BV1H44y1t75x"))).toMatchObject({ title: "论文精读", headingPath: ["一些课程", "论文精读"] });
    // The image at the top is not a resource.
    expect(resources.some((r) => r.url.includes("loli.net"))).toBe(false);
  });

  it("titles a bare URL by its label, qualified by the list item it hangs under", () => {
    const resources = buildResources(realDocument("004"));
    expect(resources.find((r) => r.url === "https://www.youtube.com/watch?v=bZQun8Y4L2A")!.title).toBe("State of GPT – 视频");
    expect(resources.find((r) => r.url === "https://www.bilibili.com/video/BV1gj411X72B/")!.title).toBe("Building Systems with the ChatGPT API – 中文字幕");
    expect(resources.find((r) => r.url === "https://github.com/ninehills/blog/issues/97")!.title).toBe("Link and comments");
  });

  it("keeps only web links and normalises www. URLs", () => {
    const { document } = buildDocument("notes/x.md", "# X\n\n## Refs\n\n[local](./other.md) and www.example.org\n");
    expect(buildResources(document)).toEqual([
      { title: "Refs", url: "https://www.example.org", docId: document.id, source: "notes/x.md", headingPath: ["Refs"], line: 5 },
    ]);
  });
});
