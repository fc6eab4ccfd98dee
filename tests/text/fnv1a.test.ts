import { describe, expect, it } from "vitest";
import { fnv1a } from "../../src/text/fnv1a.js";

describe("fnv1a", () => {
  it("gives the published 32-bit FNV-1a values for ASCII text", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it("continues a text's hash from where the text before it ended", () => {
    expect(fnv1a("微调", fnv1a("w:"))).toBe(fnv1a("w:微调"));
  });
});
