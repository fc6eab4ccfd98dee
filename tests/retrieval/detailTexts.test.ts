import { describe, expect, it } from "vitest";
import { besideSubject } from "../../src/retrieval/confidence.js";
import { instanceTexts, leadingTexts, passageTexts } from "../../src/retrieval/detailTexts.js";
import { passage, retrievalResult } from "../fixtures/answering/passages.js";

describe("detailTexts", () => {
  const note = passage("笔记：这门课我花了两周。", { role: "linked-note", chunk: { headingPath: ["我的笔记"] } });
  const numbered = (n: number) => passage(`第 ${n} 条：多读论文。`, { chunk: { id: `tip-${n}`, headingPath: ["学习建议"] } });

  it("reads the leading passages under their headings, linked notes aside, five at most", () => {
    const passages = [note, ...[1, 2, 3, 4, 5, 6].map(numbered)];
    const texts = passageTexts(passages);
    expect(texts).toHaveLength(5);
    expect(texts[0]).toBe("学习建议\n第 1 条：多读论文。");
    expect(texts.some((text) => text.includes("两周"))).toBe(false);
    expect(texts.some((text) => text.includes("第 6 条"))).toBe(false);
  });

  it("keeps a passage whole when its heading names the subject, else only its items that name it", () => {
    const own = passage("- 共 18 讲\n- 每讲约 80 分钟", { chunk: { id: "own", headingPath: ["公开课", "CS231n 视觉课"] } });
    const list = passage("- CS231n：每周约 10 小时\n- Stanford NLP：每周约 6 小时", { chunk: { id: "list", headingPath: ["课程清单"] } });
    const [whole, items] = passageTexts([own, list], ["cs231n"]);
    expect(whole).toBe("公开课 CS231n 视觉课\n- 共 18 讲\n- 每讲约 80 分钟");
    expect(items).toContain("10 小时");
    expect(items).not.toContain("6 小时");
  });

  it("gives the leading passages' whole texts, without headings or linked notes", () => {
    const result = retrievalResult("q", [note, numbered(1), numbered(2)]);
    expect(leadingTexts(result)).toEqual(["第 1 条：多读论文。", "第 2 条：多读论文。"]);
  });

  it("checks a which-one question against the named roadmap's own passages, and only then reads their subject", () => {
    const mine = passage("微调推荐用 Qwen2-7B。", { chunk: { id: "mine", docId: "mine" } });
    const other = passage("微调推荐用 Llama-3-8B。", { chunk: { id: "other", docId: "other" } });
    const texts = passageTexts([mine, other]);
    const unread = () => {
      throw new Error("the subject is read only for a named roadmap");
    };
    expect(instanceTexts(retrievalResult("q", [mine, other]), texts, unread)).toBe(texts);
    const named = retrievalResult("q", [mine, other], { namedRoadmap: { docId: "mine", title: "我的路线" } });
    expect(instanceTexts(named, texts, besideSubject)).toEqual(["学习路径\n微调推荐用 Qwen2-7B。"]);
  });
});
