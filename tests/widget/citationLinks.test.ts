import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { Citation } from "../../src/answering/types.js";
import { citationHref, citationLabel, citedNumbers, isSafeHttpUrl } from "../../src/widget/citationLinks.js";
import { messagesFor } from "../../src/widget/messages.js";
import { renderAssistant } from "../../src/widget/messageView.js";

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    n,
    id: `chunk-${n}`,
    docId: "001_8e5e9a45eaf284ba",
    source: "roadmaps/001_8e5e9a45eaf284ba.txt",
    title: "大模型学习路线",
    headingPath: ["学习路径", "第七阶段：前沿技术探索"],
    lines: { start: 120, end: 134 },
    text: "第七阶段：前沿技术探索……",
    role: "match",
    ...overrides,
  };
}

describe("citation links", () => {
  it("points at the document view with the cited line range", () => {
    expect(citationHref("https://tutor.example", citation(1))).toBe("https://tutor.example/documents/001_8e5e9a45eaf284ba#L120-L134");
  });

  it("encodes document ids", () => {
    expect(citationHref("http://h", citation(1, { docId: "a b/c#d" }))).toBe("http://h/documents/a%20b%2Fc%23d#L120-L134");
  });

  it("uses the resource URL when the citation has one, unless it is not http(s)", () => {
    expect(citationHref("http://h", citation(2, { url: "https://github.com/RUCAIBox/LLMSurvey" }))).toBe(
      "https://github.com/RUCAIBox/LLMSurvey",
    );
    expect(citationHref("http://h", citation(2, { url: "javascript:alert(1)" }))).toBe("http://h/documents/001_8e5e9a45eaf284ba#L120-L134");
    expect(isSafeHttpUrl("ftp://x")).toBe(false);
    expect(isSafeHttpUrl("not a url")).toBe(false);
  });

  it("labels a source as title › heading path, without repeating the title", () => {
    expect(citationLabel(citation(1))).toBe("大模型学习路线 › 学习路径 › 第七阶段：前沿技术探索");
    expect(citationLabel({ title: "Guide", headingPath: ["Guide", "Books"] })).toBe("Guide › Books");
    expect(citationLabel({ title: "Guide", headingPath: [] })).toBe("Guide");
  });

  it("lists the citation numbers an answer uses, in order of appearance", () => {
    expect(citedNumbers("先学 [2]，再学 [1, 3] 和 [2]；[x] 不算")).toEqual([2, 1, 3]);
    expect(citedNumbers("no markers")).toEqual([]);
  });
});

describe("an answer with its sources", () => {
  function renderAnswer(content: string, citations: Citation[], abstained = false, lowConfidence = false) {
    const { document } = parseHTML("<!doctype html><html><body><div id=m></div></body></html>");
    const container = document.getElementById("m") as unknown as HTMLElement;
    renderAssistant(
      document,
      container,
      "https://tutor.example",
      {
        state: { role: "assistant", content, citations, abstained, ...(lowConfidence ? { lowConfidence } : {}) },
        streaming: false,
        stopped: false,
      },
      messagesFor("zh"),
    );
    return container;
  }

  it("links markers and lists only the cited sources under the answer", () => {
    const container = renderAnswer("学完 LoRA 后学前沿技术 [2]。", [citation(1), citation(2, { headingPath: ["书籍推荐"] })]);
    const marker = container.querySelector(".rt-bubble a.rt-cite");
    expect(marker?.getAttribute("href")).toBe("https://tutor.example/documents/001_8e5e9a45eaf284ba#L120-L134");
    const sources = [...container.querySelectorAll(".rt-sources li a")].map((a) => a.textContent);
    expect(sources).toEqual(["[2] 大模型学习路线 › 书籍推荐"]);
    expect(container.querySelector(".rt-sources-title")?.textContent).toBe("来源 (1)");
    expect(container.querySelector("details.rt-sources")?.hasAttribute("open")).toBe(true);
  });

  it("folds a long sources list so the answer stays in view", () => {
    const many = [1, 2, 3, 4, 5].map((n) => citation(n));
    const container = renderAnswer("答案没有标注引用。", many);
    expect(container.querySelectorAll(".rt-sources li").length).toBe(5);
    expect(container.querySelector(".rt-sources-title")?.textContent).toBe("来源 (5)");
    expect(container.querySelector("details.rt-sources")?.hasAttribute("open")).toBe(false);
  });

  it("shows passage text with markup as text, never as elements", () => {
    const evil = citation(1, { text: `攻击 <img src=x onerror="alert(1)"> <script>alert(2)</script>`, title: "<b>t</b>" });
    const container = renderAnswer("见 [1]", [evil]);
    expect(container.querySelectorAll("img, script, b").length).toBe(0);
    expect(container.querySelector(".rt-excerpt")?.textContent).toBe(`攻击 <img src=x onerror="alert(1)"> <script>alert(2)</script>`);
    expect(container.querySelector(".rt-sources a")?.textContent).toContain("<b>t</b>");
  });

  it("marks abstained answers and labels them", () => {
    const container = renderAnswer("资料中没有提到这个问题。", [], true);
    expect(container.className).toContain("rt-abstained");
    expect(container.querySelector(".rt-badge")?.textContent).toBe("资料中没有找到可靠的答案");
    expect(container.querySelector(".rt-sources")).toBeNull();
  });

  it("shows a visible notice on a low-confidence answer, and keeps its sources", () => {
    const container = renderAnswer("最接近的内容 [1]。", [citation(1)], false, true);
    expect(container.querySelector(".rt-low")?.textContent).toBe("资料可能没有确切回答这个问题，以下为最接近的内容");
    expect(container.querySelectorAll(".rt-sources li").length).toBe(1);
    expect(renderAnswer("普通答案 [1]。", [citation(1)]).querySelector(".rt-low")).toBeNull();
  });
});
