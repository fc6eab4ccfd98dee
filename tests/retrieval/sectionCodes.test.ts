import { describe, expect, it } from "vitest";
import { unknownSectionCode } from "../../src/retrieval/sectionCodes.js";

/** Questions and texts written for this test (not from any evaluation set). */
const list = ["## 0x10 起步篇\n- 课程 A\n## 0x20 实践篇\n### 0x21 检索方向\n- 课程 B"];

describe("unknownSectionCode", () => {
  it("names the section code a question asks by that no text gives", () => {
    expect(unknownSectionCode("那份清单里 0x50 那一节讲什么？", () => list)).toBe("0x50");
    expect(unknownSectionCode("what is section 0X22 of the list about?", () => list)).toBe("0X22");
  });

  it("finds nothing when every code the question names is given, or it names none", () => {
    expect(unknownSectionCode("那份清单里 0x21 那一节讲什么？", () => list)).toBeUndefined();
    expect(unknownSectionCode("0x10 和 0x20 哪个先看", () => list)).toBeUndefined();
    // A code is a whole token: 0x2 is no prefix of 0x21, and a hex colour or an address is not asked here.
    expect(unknownSectionCode("检索方向那一节讲什么？", () => list)).toBeUndefined();
    expect(unknownSectionCode("0x2 那一节呢", () => list)).toBe("0x2");
  });

  it("reads the texts only when the question holds a code", () => {
    let read = 0;
    const texts = () => (read++, list);
    unknownSectionCode("检索方向那一节讲什么？", texts);
    expect(read).toBe(0);
  });
});
