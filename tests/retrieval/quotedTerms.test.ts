import { describe, expect, it } from "vitest";
import { quotedTerms, quotedTermsOutside } from "../../src/retrieval/quotedTerms.js";

const roadmap = "## 入门阶段\n- 《动手学深度学习》\n- 《自然语言处理入门》\n- [大模型综述](https://example.org)【必看】";

describe("quotedTermsOutside", () => {
  it("finds a marker or a title the question quotes that the named roadmap never holds", () => {
    expect(quotedTermsOutside("那份里又有哪些被标成【推荐】?", roadmap)).toEqual(["推荐"]);
    expect(quotedTermsOutside("这份路线里《深度学习入门》放在哪？", roadmap)).toEqual(["深度学习入门"]);
  });

  it("finds nothing of a quoted term the roadmap holds, or a title one character off its own", () => {
    expect(quotedTermsOutside("哪些被标成【必看】?", roadmap)).toEqual([]);
    expect(quotedTermsOutside("《动手学深度学习》讲什么？", roadmap)).toEqual([]);
    expect(quotedTermsOutside("《自然语言出理入门》适合谁？", roadmap)).toEqual([]);
  });

  it("reads no learner's own words in 「」 or quotation marks as copied", () => {
    expect(quotedTerms("想做「打几个字就生出影片」的那种，研究哪个？")).toEqual([]);
    expect(quotedTerms('what does it mean by "north star"?')).toEqual([]);
  });
});
