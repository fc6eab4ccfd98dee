import { describe, expect, it } from "vitest";
import { detailPresent } from "../../src/retrieval/detailKinds.js";
import { withoutStatedAmounts, withoutStatedCounts } from "../../src/retrieval/statedAmounts.js";

/** Questions and passages written for this test (not from any evaluation set). */
describe("sums a question states", () => {
  const passage = "数据标注员的平均月薪在 8-10 万左右，而运维岗位则没有给出数字。";

  it("are not the amount it asks for", () => {
    expect(detailPresent("price", [passage], "标注员月薪8-10万，那运维工程师月薪多少？")).toBe(false);
    expect(detailPresent("price", ["The course costs $49 and the book $30."], "The course is $49, so how much is the workshop?")).toBe(
      true,
    );
    expect(detailPresent("price", ["The course costs $49."], "The course is $49, so how much is the workshop?")).toBe(false);
  });

  it("leave a passage's other sums, and every sum of a question that states none", () => {
    expect(detailPresent("price", [passage], "运维工程师月薪多少？")).toBe(true);
    expect(withoutStatedAmounts(["月薪 3 万", "月薪 30 万"], "月薪3万的岗位有哪些？")).toEqual([
      expect.not.stringContaining("3 万"),
      "月薪 30 万",
    ]);
  });
});

describe("counts a question states", () => {
  const passage = "推荐阅读《120 篇论文精选合集》，覆盖从入门到前沿的主题。";

  it("are not the count it asks for", () => {
    expect(detailPresent("count", [passage], "那 120 篇论文合集里，讲多模态的有几篇？")).toBe(false);
  });

  it("leave the passage's counts for a question that states none, or states another", () => {
    expect(detailPresent("count", [passage], "那个论文合集一共有几篇？")).toBe(true);
    expect(withoutStatedCounts(["共 12 本书", "共 120 本书"], "12 本书里哪本最难？")).toEqual([
      expect.not.stringContaining("12 本"),
      "共 120 本书",
    ]);
  });
});
