import { describe, expect, it } from "vitest";
import { picksListedItem } from "../../src/answering/listedItemPick.js";

describe("picksListedItem", () => {
  it("reads an item picked by its place, in a long question too", () => {
    expect(picksListedItem("第二个做聊天机器人的项目要准备多少数据，有没有现成的教程可以照着做")).toBe(true);
    expect(picksListedItem("第三本書適合完全沒學過數學的人看嗎")).toBe(true);
    expect(picksListedItem("is the second book there still worth reading in print today?")).toBe(true);
  });

  it("reads an English pick by a numeral ordinal and of a listed direction or resource", () => {
    expect(picksListedItem("and the 3rd direction, what's it about?")).toBe(true);
    expect(picksListedItem("who is the first track for?")).toBe(true);
    expect(picksListedItem("is the 2nd video free?")).toBe(true);
    // A stage, a part or a chapter by its place is no listed item.
    expect(picksListedItem("what is the 2nd stage about?")).toBe(false);
    expect(picksListedItem("what does the first chapter cover?")).toBe(false);
  });

  it("does not read a stage by its place or a question without a pick", () => {
    expect(picksListedItem("第二阶段要学多久？")).toBe(false);
    expect(picksListedItem("哪个开源模型最适合做中文对话？")).toBe(false);
  });
});
