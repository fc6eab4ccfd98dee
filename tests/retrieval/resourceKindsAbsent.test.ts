import { describe, expect, it } from "vitest";
import { asksResourceKindAbsent } from "../../src/retrieval/resourceKindsAbsent.js";

const WITHOUT_BOOKS = "## 第一阶段：基础\n- 概率统计：理解模型背后的数学\n## 第二阶段：应用\n- 调用 API 做一个小项目";
const WITH_BOOKS = `${WITHOUT_BOOKS}\n- 推荐阅读《统计学习方法》`;

describe("asksResourceKindAbsent", () => {
  it("reads 'which book' asked of a roadmap that names no book", () => {
    expect(asksResourceKindAbsent("那份路线要先看哪本统计教材？", WITHOUT_BOOKS)).toBe(true);
    expect(asksResourceKindAbsent("第一阶段推荐了什么书", WITHOUT_BOOKS)).toBe(true);
    expect(asksResourceKindAbsent("which textbook does it want me to read first?", WITHOUT_BOOKS)).toBe(true);
    expect(asksResourceKindAbsent("第二阶段要读哪篇论文", WITHOUT_BOOKS)).toBe(true);
    // "What is the recommended textbook", "does it recommend any papers", 推荐的书: which one of the kind, asked otherwise.
    expect(asksResourceKindAbsent("What is the recommended textbook for stage two?", WITHOUT_BOOKS)).toBe(true);
    expect(asksResourceKindAbsent("Does the roadmap recommend any papers for the second stage?", WITHOUT_BOOKS)).toBe(true);
    expect(asksResourceKindAbsent("第一阶段有推荐的书吗", WITHOUT_BOOKS)).toBe(true);
  });

  it("leaves a roadmap that names one of the kind, and a question asking none, alone", () => {
    expect(asksResourceKindAbsent("那份路线要先看哪本统计教材？", WITH_BOOKS)).toBe(false);
    expect(asksResourceKindAbsent("第一阶段学什么", WITHOUT_BOOKS)).toBe(false);
    expect(asksResourceKindAbsent("什么时候开始读书比较好", WITHOUT_BOOKS)).toBe(false);
    expect(asksResourceKindAbsent("what's the basic idea of stage one?", WITHOUT_BOOKS)).toBe(false);
    expect(asksResourceKindAbsent("What is the recommended textbook for stage two?", WITH_BOOKS)).toBe(false);
    expect(asksResourceKindAbsent("推荐证书考试吗", WITHOUT_BOOKS)).toBe(false);
  });
});
