import { describe, expect, it } from "vitest";
import { namedItemsTexts } from "../../src/retrieval/namedListItem.js";
import { reorderedCorpusName, runsKey } from "../../src/retrieval/reorderedNames.js";

/** Names and lists written for this test (not from any evaluation set). */
describe("a name whose letter and digit runs come in another order", () => {
  const corpus = new Set(["2red4green"]);
  const used = (token: string) => corpus.has(token);

  it("is the corpus's name written another way", () => {
    expect(runsKey("4Green2Red")).toBe(runsKey("2red4green"));
    expect(reorderedCorpusName("4green2red", used)).toBe(true);
    // A name of one run, or runs the corpus never uses, is no reordering.
    expect(reorderedCorpusName("green", used)).toBe(false);
    expect(reorderedCorpusName("4green2blue", used)).toBe(false);
  });

  it("names the list item written the other way", () => {
    const list = "推荐视频\n- [2red4green 动画系列](https://example.org/v)\n- [某某讲座](https://example.org/w)\n- 时长：约3小时的课程";
    const [text] = namedItemsTexts("4Green2Red 那个系列一共多长？", [list]);
    expect(text).toContain("2red4green");
    expect(text).not.toContain("约3小时");
  });
});
