import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import { cleanLines, cleanText, findPromotionalTail, publishingPlatform } from "../../src/corpus/cleaning.js";
import { rawLines, realDocument } from "./realCorpus.js";

const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/corpus/cleaning", name), "utf8").split("\n");

describe("cleaning the real 002 roadmap", () => {
  const doc = realDocument("002");
  const raw = rawLines("002");

  it("keeps the file's line count", () => {
    expect(doc.lineCount).toBe(raw.length);
    expect(doc.text.split("\n")).toHaveLength(raw.length);
  });

  it("drops the promotional and paywall tail", () => {
    for (const word of ["余额充值", "红包", "二维码", "扫码", "领取", "在这里插入图片描述"]) {
      expect(doc.text).not.toContain(word);
    }
  });

  it("keeps the article's sections between its giveaway teaser and the giveaway itself", () => {
    // "领取方式在文末" sits above the article's own sections on applications and jobs: only the
    // teaser line goes, and the promotional block starts after them.
    const lines = doc.text.split("\n");
    for (const start of ["大模型典型应用场景", "AI+教育", "大模型就业发展前景", "根据脉脉发布的《2024年度人才迁徙报告》"]) {
      const index = raw.findIndex((line) => line.startsWith(start));
      expect(index, start).toBeGreaterThan(0);
      expect(lines[index]).toBe(raw[index]);
    }
  });

  it("keeps every technical section and the closing paragraph, on their original lines", () => {
    const lines = doc.text.split("\n");
    for (const heading of ["一、原理学习阶段", "二、接入开发阶段", "三、场景应用阶段", "四、学习周期与计划", "五、关键资源汇总", "六、持续学习建议"]) {
      const index = raw.findIndex((line) => line.startsWith(heading));
      expect(index, heading).toBeGreaterThan(0);
      expect(lines[index]).toBe(raw[index]);
    }
    const closing = raw.findIndex((line) => line.startsWith("通过以上系统的学习路径"));
    expect(lines[closing]).toBe(raw[closing]);
    // Every non-empty raw line up to the closing paragraph survives untouched.
    for (let i = 0; i <= closing; i++) expect(lines[i]).toBe(raw[i]);
  });
});

describe("the platform a post was written on", () => {
  it("is read from its editor's marks before cleaning cuts them out", () => {
    expect(realDocument("002").metadata.platform).toBe("csdn");
    const written = buildDocument("roadmaps/post.md", "# 路线\n在这里插入图片描述\n正文");
    expect(written.document.metadata.platform).toBe("csdn");
    expect(written.document.text).not.toContain("在这里插入图片描述");
  });

  it("is not a platform the text only links to or names", () => {
    expect(publishingPlatform(["推荐阅读：[提示词详解-CSDN博客](https://blog.csdn.net/x/article/1)", "CSDN《640 份大模型应用报告合集》"])).toBeUndefined();
    expect(buildDocument("roadmaps/plain.md", "# 路线\n正文").document.metadata).not.toHaveProperty("platform");
  });
});

describe("cleanLines rules", () => {
  it("removes image-only lines and placeholders, and strips inline ones", () => {
    const result = cleanLines(fixture("images.md"));
    expect(result.lines[2]).toBe("");
    expect(result.lines[4]).toBe("");
    expect(result.lines[6]).toBe("Transformer 由编码器和解码器组成。");
    expect(result.lines[8]).toBe("注意力机制见下图  之后再讲。");
    expect(result.lines[10]).toBe("");
    expect(result.lines[12]).toBe("最后一段正文。");
    expect(result.removed.map((r) => r.rule)).toEqual(["image-only", "image-placeholder", "html-image-only"]);
  });

  it("cuts a promotional tail from its lead-in line to the end", () => {
    const lines = fixture("promo-tail.md");
    const result = cleanLines(lines);
    const leadIn = lines.indexOf("资料合集");
    expect(result.promoTailStartLine).toBe(leadIn + 1);
    expect(result.lines.slice(leadIn).every((line) => line === "")).toBe(true);
    expect(result.lines[leadIn - 2]).toBe("总结：先打好检索的基础，再优化生成。");
    expect(result.lines).toHaveLength(lines.length);
  });

  it("leaves technical text that merely mentions payment words alone", () => {
    const lines = fixture("mention-not-tail.md");
    expect(findPromotionalTail(lines)).toBeUndefined();
    expect(cleanLines(lines).lines).toEqual(lines);
  });

  it("needs a cluster of markers that reaches the end", () => {
    const lines = ["正文第一段。", "正文第二段。", "正文第三段。", "关注公众号领取资料", "正文继续。", ...Array.from({ length: 10 }, (_, i) => `技术内容 ${i}。`)];
    expect(findPromotionalTail(lines)).toBeUndefined();
  });

  it("starts the tail after a section of prose that separates two markers", () => {
    const prose = "检索增强生成把外部知识库接到模型上，回答时先检索相关段落，再让模型依据这些段落作答，这样能减少模型凭空编造的内容，也方便引用出处。";
    const body = Array.from({ length: 8 }, (_, i) => `正文第 ${i} 段。`);
    const lines = [...body, "资料领取方式见下", "应用场景", prose, prose, prose, prose, "资料包领取", "扫码添加", "二维码见下"];
    expect(findPromotionalTail(lines)).toBe(lines.indexOf("资料包领取"));
  });

  it("blanks front-matter lines and keeps line count in cleanText", () => {
    const text = "---\ntitle: x\n---\n正文\r\n结尾";
    expect(cleanText(text, { frontMatterLines: 3 })).toBe("\n\n\n正文\n结尾");
  });
});
