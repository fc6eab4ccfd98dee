import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { renderMarkdown, type CitationLinker } from "../../src/widget/markdown.js";

function render(source: string, citations?: CitationLinker) {
  const { document } = parseHTML("<!doctype html><html><body><div id=out></div></body></html>");
  const out = document.getElementById("out") as unknown as HTMLElement;
  out.appendChild(renderMarkdown(document, source, citations ? { citations } : {}));
  return out;
}

const linker: CitationLinker = {
  href: (n) => (n <= 3 ? `https://tutor.example/documents/doc-${n}#L${n}-L${n + 4}` : undefined),
  title: (n) => `Roadmap ${n} › Stage`,
};

describe("renderMarkdown", () => {
  it("renders paragraphs split by blank lines and soft line breaks as <br>", () => {
    const out = render("第一段\n第二行\n\nSecond paragraph");
    expect(out.innerHTML).toBe("<p>第一段<br>第二行</p><p>Second paragraph</p>");
  });

  it("renders bold, italic and inline code", () => {
    const out = render("先学 **Transformer** 和 *attention*，再看 `torch.nn`");
    expect(out.innerHTML).toBe("<p>先学 <strong>Transformer</strong> 和 <em>attention</em>，再看 <code>torch.nn</code></p>");
  });

  it("renders unordered, ordered and nested lists", () => {
    const out = render("- Python\n- 数学\n  - 线性代数\n  - 概率论\n\n1. LoRA\n2. QLoRA");
    expect(out.innerHTML).toBe(
      "<ul><li>Python</li><li>数学<ul><li>线性代数</li><li>概率论</li></ul></li></ul><ol><li>LoRA</li><li>QLoRA</li></ol>",
    );
  });

  it("keeps an ordered list's start number and Chinese 1、 markers", () => {
    const out = render("3. 第三步\n4、第四步");
    expect(out.querySelector("ol")?.getAttribute("start")).toBe("3");
    expect(out.querySelectorAll("li").length).toBe(2);
  });

  it("renders headings, block quotes and fenced code verbatim", () => {
    const out = render("## 下一步\n> 引用 **重点**\n\n```python\nprint('<b>')\n```");
    expect(out.querySelector("h4")?.textContent).toBe("下一步");
    expect(out.querySelector("blockquote strong")?.textContent).toBe("重点");
    expect(out.querySelector("pre code")?.textContent).toBe("print('<b>')");
  });

  it("links http(s) URLs only: markdown links, <autolinks> and bare URLs without trailing punctuation", () => {
    const out = render(
      "看 [LLMSurvey](https://github.com/RUCAIBox/LLMSurvey) 和 https://arxiv.org/abs/2303.18223。还有 <http://example.com/a>",
    );
    const anchors = [...out.querySelectorAll("a")];
    expect(anchors.map((a) => a.getAttribute("href"))).toEqual([
      "https://github.com/RUCAIBox/LLMSurvey",
      "https://arxiv.org/abs/2303.18223",
      "http://example.com/a",
    ]);
    expect(anchors[0]?.textContent).toBe("LLMSurvey");
    expect(anchors.every((a) => a.getAttribute("rel") === "noopener noreferrer" && a.getAttribute("target") === "_blank")).toBe(true);
    expect(out.textContent).toContain("2303.18223。还有");
  });

  it("never links javascript:, data: or relative URLs; their text stays", () => {
    const out = render("[click](javascript:alert(1)) [img](data:text/html,<script>alert(1)</script>) [rel](/admin)");
    expect(out.querySelectorAll("a").length).toBe(0);
    expect(out.textContent).toContain("click");
    expect(out.textContent).toContain("rel");
  });

  it("turns [n] markers into citation links, and [1, 2] into one link each", () => {
    const out = render("先学 LoRA [1]，再学 RLHF [2, 3]。", linker);
    const cites = [...out.querySelectorAll("a.rt-cite")];
    expect(cites.map((a) => a.textContent)).toEqual(["[1]", "[2]", "[3]"]);
    expect(cites[0]?.getAttribute("href")).toBe("https://tutor.example/documents/doc-1#L1-L5");
    expect(cites[1]?.getAttribute("title")).toBe("Roadmap 2 › Stage");
    expect(cites[2]?.getAttribute("data-citation")).toBe("3");
  });

  it("leaves markers that point to no citation as plain text", () => {
    const out = render("见 [7] 和 [1]", linker);
    expect(out.querySelectorAll("a.rt-cite").length).toBe(1);
    expect(out.textContent).toBe("见 [7] 和 [1]");
    expect(render("见 [1]").querySelectorAll("a").length).toBe(0);
  });

  it("shows HTML in an answer as literal text and creates no element from it", () => {
    const evil = `注意 <img src=x onerror="alert(1)"> 和 <script>alert(2)</script> 以及 **<b>bold</b>** [1]`;
    const out = render(evil, linker);
    expect(out.querySelectorAll("img, script, b").length).toBe(0);
    expect(out.textContent).toBe(`注意 <img src=x onerror="alert(1)"> 和 <script>alert(2)</script> 以及 <b>bold</b> [1]`);
    expect(out.innerHTML).toContain("&lt;img src=x onerror=");
    expect(out.innerHTML).toContain("&lt;script&gt;alert(2)&lt;/script&gt;");
  });

  it("does not treat underscores inside words as emphasis", () => {
    const out = render("set window.__xss and snake__case__name here, but __this__ is bold");
    expect([...out.querySelectorAll("strong")].map((s) => s.textContent)).toEqual(["this"]);
    expect(out.textContent).toBe("set window.__xss and snake__case__name here, but this is bold");
  });

  it("does not treat list-like asterisks or lone stars as emphasis", () => {
    const out = render("* 第一项\n* 第二项\n\n5 * 3 = 15");
    expect(out.querySelectorAll("li").length).toBe(2);
    expect(out.querySelector("em")).toBeNull();
    expect(out.querySelector("p")?.textContent).toBe("5 * 3 = 15");
  });
});
