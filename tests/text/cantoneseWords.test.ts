import { describe, expect, it } from "vitest";
import { cantoneseAsStandard } from "../../src/text/cantoneseWords.js";
import { isTraditional, toSimplified } from "../../src/text/script.js";

describe("cantoneseAsStandard", () => {
  it("reads written Cantonese's function words as standard written Chinese", () => {
    expect(cantoneseAsStandard("嗰份指南第二個階段係咩？")).toBe("那份指南第二個階段是啥？");
    expect(cantoneseAsStandard("學完佢要幾耐？有冇書推介？")).toBe("學完它要多久？有无書推荐？");
    expect(cantoneseAsStandard("邊個階段講RAG嘅？")).toBe("哪个階段講RAG的？");
    // 邊 before any classifier asks which; 㗎 ends a question as 的 does.
    expect(cantoneseAsStandard("呢本書係邊間出版社出㗎？")).toBe("这本書是哪间出版社出的？");
    expect(cantoneseAsStandard("邊位導師講最好？邊種方法啱新手？")).toBe("哪位導師講最好？哪种方法对新手？");
    expect(cantoneseAsStandard("佢喺邊家公司做嘢？")).toBe("它在哪家公司工作？");
    // 邊啲 is which ones.
    expect(cantoneseAsStandard("個框架支援邊啲數據庫㗎？")).toBe("個框架支援哪些數據庫的？");
    // 入面 is "inside"; the 入 of a verb before 面 (进入面试, 輸入面板) stays.
    expect(cantoneseAsStandard("課程入面有冇項目？")).toBe("課程里面有无項目？");
    expect(cantoneseAsStandard("佢幾時進入面試？輸入面板喺邊？")).toBe("它幾時進入面試？輸入面板在邊？");
    // 使唔使 is 要不要: "使唔使錢" asks whether it costs money.
    expect(cantoneseAsStandard("呢個課程使唔使錢㗎？")).toBe("这个課程要不要錢的？");
  });

  it("knows Cantonese by 幾多, 個鐘, 入面 or a clause opened by 咁, with no other mark", () => {
    expect(cantoneseAsStandard("咁第三階段呢？")).toBe("那第三階段呢？");
    expect(cantoneseAsStandard("課程仲有啲咩？咁實戰項目呢")).toBe("課程还有些啥？那實戰項目呢");
    expect(cantoneseAsStandard("指南入面，入門階段每週要幾多個鐘？")).toBe("指南里面，入門階段每週要多少小时？");
    expect(cantoneseAsStandard("每週要讀幾個鐘？")).toBe("每週要讀幾小时？");
    expect(cantoneseAsStandard("agent可以顶替几多脑力工作？")).toBe("agent可以顶替多少脑力工作？");
    // Mandarin's 个钟头 is an hour already; 进入面试 is no 入面 "inside" and marks nothing.
    for (const text of ["每天学几个钟头", "进入面试要准备什么", "咨询师说咁不行"]) expect(cantoneseAsStandard(text)).toBe(text);
  });

  it("keeps every replacement to its word's length, so offsets into the question hold", () => {
    for (const question of ["佢係咪最後一個階段嚟㗎？", "點樣揀啲書睇？而家仲有冇更新？", "每週幾多個鐘頭？一日幾個鐘？"])
      expect(cantoneseAsStandard(question)).toHaveLength(question.length);
  });

  it("leaves standard written Chinese alone, where 係, 點, 邊, 系 and 咁 are ordinary characters", () => {
    for (const text of ["兩者的關係是什麼？", "重點是哪一章？", "邊緣部署怎麼做", "系统设计要学多久", "第一阶段学什么"])
      expect(cantoneseAsStandard(text)).toBe(text);
    // 係 as "relation" stays even in a Cantonese question.
    expect(cantoneseAsStandard("佢哋嘅關係係點？")).toBe("它们的關係是點？");
  });

  it("reaches every question through toSimplified, and says nothing of the script", () => {
    expect(toSimplified("最後嗰個項目呢？")).toBe("最后那个项目呢？");
    expect(isTraditional("嗰個")).toBe(true);
    expect(isTraditional("佢")).toBe(false);
  });
});
