import { describe, expect, it } from "vitest";
import { simplifiedQuestion } from "../../src/text/taiwanSenses.js";

describe("simplifiedQuestion: a Taiwan writer's 資料", () => {
  it("reads 資料 as data in a question written in Traditional characters", () => {
    expect(simplifiedQuestion("我的訓練資料不夠多，可以叫模型幫忙生一些嗎？")).toBe("我的训练数据不够多，可以叫模型帮忙生一些吗？");
    expect(simplifiedQuestion("資料清洗要注意什麼")).toBe("数据清洗要注意什么");
    expect(simplifiedQuestion("公司的資料庫能接大模型嗎")).toBe("公司的数据库能接大模型吗");
  });

  it("keeps 資料 that is material to read: beside studying, looking up or gathering", () => {
    expect(simplifiedQuestion("有推薦的學習資料嗎？")).toBe("有推荐的学习资料吗？");
    expect(simplifiedQuestion("我想先查資料再動手")).toBe("我想先查资料再动手");
    expect(simplifiedQuestion("那份資料彙整在哪裡")).toBe("那份资料汇整在哪里");
    expect(simplifiedQuestion("有沒有參考資料可以看")).toBe("有没有参考资料可以看");
  });

  it("leaves a Simplified writer's 资料 (materials) and a question without it as toSimplified does", () => {
    expect(simplifiedQuestion("训练资料太少怎么办")).toBe("训练资料太少怎么办");
    expect(simplifiedQuestion("學完微調以後學什麼")).toBe("学完微调以后学什么");
    expect(simplifiedQuestion("what data do I need?")).toBe("what data do I need?");
  });
});
