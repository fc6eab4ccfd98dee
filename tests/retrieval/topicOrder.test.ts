import { describe, expect, it } from "vitest";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { orderAsked } from "../../src/retrieval/topicOrder.js";
import type { TopicOrderInRoadmap } from "../../src/retrieval/types.js";
import { toSimplified } from "../../src/text/script.js";
import { useBundledTestIndex, useRetrievalFixtureIndex } from "../support/buildTestIndex.js";

/** Questions as the retriever reads them: Simplified. */
const read = (question: string) => orderAsked(toSimplified(question));

/** The first topic's stage against the second's, as the steps say. */
const orderOf = (roadmap: TopicOrderInRoadmap | undefined) => {
  const [a, b] = roadmap?.steps ?? [];
  if (a === undefined || b === undefined) return undefined;
  return a < b ? "earlier" : a > b ? "later" : "same";
};

describe("orderAsked", () => {
  it("reads two topics joined as alternatives or a pair with a which-first cue, in the question's order", () => {
    expect(read("量化和 LoRA 我该先学哪个？")).toEqual(["量化", "LoRA"]);
    expect(read("先学 Transformer 还是先学 PyTorch")).toEqual(["Transformer", "PyTorch"]);
    // Traditional characters arrive Simplified.
    expect(read("蒸餾跟 RAG 哪個先")).toEqual(["蒸馏", "RAG"]);
    expect(read("Do I study RLHF or quantization first?")).toEqual(["RLHF", "quantization"]);
    expect(read("Agent vs LoRA — which one comes first?")).toEqual(["Agent", "LoRA"]);
    expect(read("In what order should I take on LangChain and vLLM?")).toEqual(["LangChain", "vLLM"]);
    expect(read("微调 or RAG，哪个先？")).toEqual(["微调", "RAG"]);
  });

  it("reads an English article after the joint, and 'before or after' as alternatives", () => {
    expect(read("Should I do vLLM or the RLHF part first?")).toEqual(["vLLM", "RLHF"]);
    expect(read("Do I read LangChain before or after Ollama? Which comes first?")).toEqual(["LangChain", "Ollama"]);
    expect(read("In what order should I take LoRA and the MoE material?")).toEqual(["LoRA", "MoE"]);
  });

  it("reads a kind's head noun after a name as part of the name's place, not a topic of its own", () => {
    expect(read("GGUF 格式跟 Qwen 模型哪个先学？")).toEqual(["GGUF", "Qwen"]);
    expect(read("MoE 架构和 vLLM 框架哪个先学？")).toEqual(["MoE", "vLLM"]);
    expect(read("should I pick up the LangChain framework or LoRA first?")).toEqual(["LangChain", "LoRA"]);
  });

  it("reads three topics or more listed with 、 or commas and a closing and/or", () => {
    expect(read("RAG、微调和 Agent 应该按什么顺序学？")).toEqual(["RAG", "微调", "Agent"]);
    expect(read("Quantization, LoRA and RLHF: in what order?")).toEqual(["Quantization", "LoRA", "RLHF"]);
    // A Chinese comma ends a clause: what was learnt is no choice.
    expect(read("学了 LoRA，RAG 和微调哪个先？")).toEqual(["RAG", "微调"]);
    expect(read("LoRA, RAG or quantization: which first?")).toEqual(["LoRA", "RAG", "quantization"]);
    // A Latin comma with no and/or closing the list joins nothing.
    expect(read("Before RLHF, LoRA vs RAG: which one comes first?")).toEqual(["LoRA", "RAG"]);
  });

  it("leaves other questions alone", () => {
    // One topic: what comes before it.
    expect(read("学 LoRA 之前要先学什么？")).toBeUndefined();
    // Two topics without an order cue, or a pair with only a "先" (a yes/no about both).
    expect(read("RAG 和微调有什么区别")).toBeUndefined();
    expect(read("要先学 Python 和 PyTorch 吗")).toBeUndefined();
    // A stage asked for, an ordinal, a process's steps, plain words that name nothing.
    expect(read("Which stage comes right before RLHF and evaluation?")).toBeUndefined();
    expect(read("Is the first stage about RAG or quantization?")).toBeUndefined();
    expect(read("Which happens first when serving a model: quantization or distillation?")).toBeUndefined();
    expect(read("预训练和指令微调哪个先进行？")).toBeUndefined();
    expect(read("should I feel happy or angry first?")).toBeUndefined();
    // What comes before both, or a stage asked for: no choice between the two.
    expect(read("七阶段那份里，学量化和蒸馏之前要先学哪个阶段？")).toBeUndefined();
    expect(read("RAG 跟 Agent 之前得先学哪个？")).toBeUndefined();
  });
});

/** A real index of the hand-made roadmaps in tests/fixtures/retrieval/corpus (local embedder). */
describe("HybridRetriever on an order question", () => {
  const index = useRetrievalFixtureIndex();
  const retriever = () => new HybridRetriever({ index, k: 4, maxChunksPerSection: 2, abstainThreshold: 0.3 });
  const inRoadmap = (result: Awaited<ReturnType<ReturnType<typeof retriever>["retrieve"]>>, title: string) =>
    result.topicOrder?.roadmaps.find((r) => r.title === title);

  it("places both topics in each roadmap, says which stage comes first, and leads with passages naming them", async () => {
    const result = await retriever().retrieve("Python 和 LoRA 先学哪个？");
    expect(result.topicOrder?.topics).toEqual(["Python", "LoRA"]);
    const path = inRoadmap(result, "示例学习路线");
    expect(path).toMatchObject({ stages: [{ heading: "第一阶段：基础入门" }, { heading: "第二阶段：模型微调" }] });
    expect(orderOf(path)).toBe("earlier");
    // Not "what comes before Python": no sequence positions.
    expect(result.roadmap).toEqual([]);
    const [first, second] = result.passages;
    expect(first?.chunk.text).toContain("Python");
    expect(second?.chunk.text).toContain("LoRA");
    expect([first?.chunk.docId, second?.chunk.docId]).toEqual([path?.docId, path?.docId]);
  });

  it("reads the later one and the same stage", async () => {
    const later = await retriever().retrieve("量化跟 Python 哪個先學");
    expect(orderOf(inRoadmap(later, "示例学习路线"))).toBe("later");
    const same = await retriever().retrieve("线性代数和 Python 先学哪个");
    expect(orderOf(inRoadmap(same, "示例学习路线"))).toBe("same");
    expect(inRoadmap(same, "示例学习路线")?.stages[0]?.heading).toBe("第一阶段：基础入门");
    const english = await retriever().retrieve("should I learn RAG or prompt engineering first?");
    expect(inRoadmap(english, "A Practical LLM Guide")).toMatchObject({
      stages: [{ heading: "0x20 Practitioner" }, { heading: "0x10 Beginner" }],
    });
    expect(orderOf(inRoadmap(english, "A Practical LLM Guide"))).toBe("later");
  });

  it("orders three topics in one chain per roadmap, earliest first", async () => {
    const result = await retriever().retrieve("量化、LoRA 和 Python 应该按什么顺序学？");
    expect(result.topicOrder?.topics).toEqual(["量化", "LoRA", "Python"]);
    const path = inRoadmap(result, "示例学习路线");
    expect(path?.stages.map((at) => at?.heading)).toEqual(["第三阶段：部署上线", "第二阶段：模型微调", "第一阶段：基础入门"]);
    const [quantization, lora, python] = path!.steps!;
    expect(python! < lora! && lora! < quantization!).toBe(true);
  });

  it("claims no order in a roadmap placing one topic only, and none at all when no roadmap places both", async () => {
    const result = await retriever().retrieve("Python 还是 RAG 先学？");
    const plan = inRoadmap(result, "三段式计划");
    expect(orderOf(plan)).toBe("earlier");
    const path = inRoadmap(result, "示例学习路线");
    expect(path?.stages[0]?.heading).toBe("第一阶段：基础入门");
    expect(path?.stages[1]).toBeUndefined();
    expect(path?.steps).toBeUndefined();
    // 注意力机制 is only in the plan, 量化 only in the path: nothing to order.
    expect((await retriever().retrieve("注意力机制和量化的先后顺序")).topicOrder).toBeUndefined();
  });

  it("keeps a single topic's 先学什么 a before question", async () => {
    const result = await retriever().retrieve("学 LoRA 之前要先学什么？");
    expect(result.topicOrder).toBeUndefined();
    expect(result.analysis.sequence).toBe("previous");
    expect(result.roadmap.map((p) => p.previous?.heading)).toContain("第一阶段：基础入门");
  });
});

/** The bundled corpus: four roadmaps place both RAG and 微调 (a question written for this test). */
describe("an order question on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const retriever = () => new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: 0.3 });

  it("leaves the ranking's best matches a place: the order takes two roadmaps' pairs at most, each roadmap whole", async () => {
    const result = await retriever().retrieve("微调跟 RAG 到底哪个该先学？");
    const placing = result.passages.filter((p) => p.roleLabel?.includes("所在阶段"));
    expect(placing.length).toBeGreaterThan(0);
    expect(placing.length).toBeLessThanOrEqual(4);
    expect(result.passages.length).toBeGreaterThan(placing.length);
    // Every roadmap the order names is cited to the passages placing its topics.
    for (const roadmap of result.topicOrder?.roadmaps ?? [])
      for (const at of roadmap.stages.filter((a) => a !== undefined))
        expect(placing.some((p) => p.chunk.docId === roadmap.docId && p.roleLabel?.includes(at.heading))).toBe(true);
  });
});
