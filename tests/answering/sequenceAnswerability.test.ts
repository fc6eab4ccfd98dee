import { beforeAll, describe, expect, it } from "vitest";
import { ExtractiveAnswerer } from "../../src/answering/ExtractiveAnswerer.js";
import { useRealRetriever } from "./support.js";

/**
 * Sequence questions the roadmaps cannot answer, on the bundled corpus: what the question orders
 * or locates is not in them (a month of a roadmap that gives no months, a book of a roadmap that
 * names none, two topics no roadmap places together). Each is answered `low`; a control the
 * roadmaps do answer stays `high`. Questions written for this test.
 */
const corpus = useRealRetriever();
let answerer: ExtractiveAnswerer;
beforeAll(() => {
  answerer = new ExtractiveAnswerer({ retriever: corpus.productRetriever });
});

const confidence = async (question: string) => (await answerer.answer({ question })).confidence;

describe("a stage located by a point in time", () => {
  it("is low in a roadmap that states no span of time (zh, en)", async () => {
    expect(await confidence("七阶段那份里，学到第四个月应该在哪个阶段？")).toBe("low");
    expect(await confidence("In the seven-stage roadmap, where should I be by week 10?")).toBe("low");
  });

  it("stays high in a roadmap that lays its stages out in months", async () => {
    expect(await confidence("三阶段那篇，第 3-5 月学什么？")).toBe("high");
  });
});

describe("a book asked of a roadmap", () => {
  it("is low when the roadmap names no book anywhere", async () => {
    expect(await confidence("七阶段那份推荐先读哪本书打基础？")).toBe("low");
  });

  it("stays high when it names books", async () => {
    expect(await confidence("五阶段那份推荐了哪些书？")).toBe("high");
  });
});

describe("an order question whose topics no roadmap places together", () => {
  it("is low: each sits in some roadmap, never both in one", async () => {
    expect(await confidence("Sora 和 MoE 先学哪个？")).toBe("low");
    expect(await confidence("Which comes first, MoE or Sora?")).toBe("low");
  });

  it("stays high where a roadmap places both", async () => {
    expect(await confidence("RAG 和微调哪个先学？")).toBe("high");
  });
});
