import { describe, expect, it } from "vitest";
import { numberedUnitsOf, numberedVariantsAbsent } from "../../src/retrieval/numberedVariant.js";

/** Documents and questions written for this test (not from any evaluation set). */
const documents = () =>
  numberedUnitsOf(["- [某大学机器学习公开课第三季](https://example.org/s3)：讲训练方法", "《某教材》第2版，第十二卷附录"]);

describe("numberedVariantsAbsent", () => {
  it("names a season, an edition or a volume the documents number otherwise", () => {
    expect(numberedVariantsAbsent("那门公开课第一季讲了什么？", documents)).toEqual(["第一季"]);
    expect(numberedVariantsAbsent("公開課第4季在哪看", documents)).toEqual(["第4季"]);
    expect(numberedVariantsAbsent("那本教材第一版还能用吗", documents)).toEqual(["第一版"]);
    expect(numberedVariantsAbsent("第十一卷讲什么", documents)).toEqual(["第十一卷"]);
  });

  it("keeps the number the documents give, in any numerals or script", () => {
    expect(numberedVariantsAbsent("那门公开课第三季讲了什么？", documents)).toEqual([]);
    expect(numberedVariantsAbsent("公開課第3季在哪看", documents)).toEqual([]);
    expect(numberedVariantsAbsent("教材第二版好不好", documents)).toEqual([]);
    expect(numberedVariantsAbsent("第十二卷讲什么", documents)).toEqual([]);
  });

  it("leaves units the documents never number, and a roadmap's own stages and phases, to other checks", () => {
    expect(numberedVariantsAbsent("第一届比赛什么时候办的", documents)).toEqual([]);
    expect(numberedVariantsAbsent("第一阶段学什么，第二期呢", documents)).toEqual([]);
  });

  it("does not read the documents for a question that numbers nothing", () => {
    expect(numberedVariantsAbsent("公开课讲了什么", () => expect.unreachable("read the documents"))).toEqual([]);
  });
});
