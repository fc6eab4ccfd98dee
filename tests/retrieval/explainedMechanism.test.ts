import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { mechanismAsked, mechanismExplained, mechanismFocus } from "../../src/retrieval/explainedMechanism.js";
import type { Passage } from "../../src/retrieval/types.js";

describe("mechanismAsked", () => {
  it("reads a question about how a thing works or is done, in particular", () => {
    for (const question of [
      "蒸馏的温度具体要怎么调？",
      "向量召回的结果是怎么排序的？",
      "Agent 是如何决定下一步调用哪个工具的？",
      "那个 Gradio demo 要怎么跑？",
      "Milvus 具体是干嘛用的？",
      "How does speculative decoding actually work?",
      "Can you walk me through building the index?",
      "向量库要一步一步怎么搭起来？",
      "能一步步教我把 demo 跑通吗",
      "知识蒸馏是什么原理？",
      "那个剪枝的原理是啥",
      // A formula, or how a quantity is computed.
      "交叉熵损失的公式长什么样？",
      "位置编码的向量是如何计算出来的？",
      "What's the equation behind layer normalization?",
      "How is the attention score computed in a transformer?",
      // How a model was trained or a thing built.
      "那个嵌入模型是怎样训练出来的？",
      "Whisper 到底怎麼訓練出來",
      "How was the reward model trained?",
      "那个奖励模型咋训练的？",
      // How it works inside, whatever the verb and its language.
      "vLLM 的连续批处理内部是怎么 implement 的？",
      "那个调度器底层是怎么工作的",
      "How is paged attention implemented?",
      // The English verb in a Chinese question; a result achieved inside (是怎么实现加速的).
      "那个 gating 到底怎么 work 的？",
      "FlashAttention 是如何实现提速的？",
      // Formally (原理为何), or the particular technique used inside.
      "請問那個剪枝演算法的原理為何？",
      "那个视频模型的一致性具体用了啥 trick",
      // Only the thing and its principle, or the principle asked without 是.
      "剪枝原理",
      "知识蒸馏的工作原理？",
      "那个调度器的原理啥来的",
    ])
      expect(mechanismAsked(question), question).toBe(true);
  });

  it("leaves what a document says, a plan and plain how-to-learn questions alone", () => {
    for (const question of [
      // The inside named in the learner's situation, not asked.
      "我对模型底层怎么运作没兴趣，只想做应用，该读哪几章？",
      "那篇文章是怎么评价这门课的？",
      "通用人工智能是怎么定义的？",
      "有没有手把手教你从零写一个模型的资源？",
      "为啥要私有化部署？那份笔记是怎么解释的？",
      "第二个月具体要干嘛？",
      "学习顺序是咋样的？",
      "每个阶段的时间是怎么规划的？",
      "那份指南的课程是怎麼編排的？",
      "怎么入门大模型？",
      "我想知道怎么训练的模型效果最好",
      "文档应该怎么切块？",
      "How long does the first stage take?",
      "学大模型背后的数学原理是啥？",
      // How the plan gets the learner somewhere, not how a thing works inside.
      "这个路线是如何实现从入门到精通的？",
      "为何要学原理？",
      "这个项目具体用了什么框架",
      // Which principles (a list answers), a plan's design, a stage's name, and a principle of a thing named elsewhere.
      "深入阶段要学哪些原理",
      "这份路线的设计原理",
      "原理学习阶段",
      "蒸馏到底在干嘛？有没有哪篇讲了它的原理",
    ])
      expect(mechanismAsked(question), question).toBe(false);
  });
});

describe("mechanismExplained", () => {
  it("needs a line that explains the subject, not one that lists it", () => {
    const terms = ["蒸馏"];
    // Listed among others, in brackets, or as an example: named, not explained.
    expect(mechanismExplained(["阶段三 压缩\n• 模型压缩 通过剪枝、蒸馏、量化减小模型"], terms)).toBe(false);
    expect(mechanismExplained(["阶段三 压缩\n• 轻量化(剪枝、蒸馏) 通过减小模型提升速度"], terms)).toBe(false);
    expect(mechanismExplained(["阶段三 压缩\n• 常用框架，如 A 蒸馏库，通过配置即可使用"], terms)).toBe(false);
    // Said how, in its own clause.
    expect(mechanismExplained(["阶段三 压缩\n• 知识蒸馏 通过让小模型模仿大模型的输出来训练小模型"], terms)).toBe(true);
  });

  it("takes a line that says what the subject is or is for, in its own clause", () => {
    expect(mechanismExplained(["资源\n- Gradio 是做模型演示界面最快的库。"], ["gradio"])).toBe(true);
    expect(mechanismExplained(["资源\n- Gradio：几行代码搭出演示页面"], ["gradio"])).toBe(true);
    expect(mechanismExplained(["资源\n- 知识库问答 将大模型与外部文档相结合，提高准确性"], ["知识库"])).toBe(true);
    // Listed with others, it is still not explained, whatever the line goes on to say.
    expect(mechanismExplained(["资源\n- 熟悉 Gradio、Streamlit 等库的使用"], ["gradio"])).toBe(false);
  });

  it("reads a passage whose heading names the subject as about it throughout", () => {
    expect(mechanismExplained(["知识蒸馏\n先训练教师模型，然后用它的输出训练学生模型。"], ["蒸馏"])).toBe(true);
    expect(mechanismExplained(["知识蒸馏\n推荐资源：某课程、某论文"], ["蒸馏"])).toBe(false);
  });

  it("takes any line about the subject itself for the principle it works by, not a list naming it", () => {
    const question = "知识蒸馏是什么原理？";
    expect(mechanismExplained(["阶段三 压缩\n• 知识蒸馏\n深入理解教师与学生模型之间的软标签"], ["蒸馏"], question)).toBe(true);
    expect(mechanismExplained(["阶段三 压缩\n• 模型压缩(剪枝、蒸馏、量化)"], ["蒸馏"], question)).toBe(false);
    // Asked how it is done, such a line still does not say.
    expect(mechanismExplained(["阶段三 压缩\n• 知识蒸馏\n深入理解教师与学生模型之间的软标签"], ["蒸馏"], "知识蒸馏具体要怎么做？")).toBe(
      false,
    );
  });

  it("does not take an item that is only the name (and its kind) for an explanation", () => {
    const question = "门控专家原理";
    const names = ["门控专家", "gated experts", "GE"];
    expect(mechanismExplained(["前沿方向\n- Gated Experts (GE)架构\n- 长上下文"], names, question)).toBe(false);
    expect(mechanismExplained(["前沿方向\n- Gated Experts：按输入挑选少数子网络计算"], names, question)).toBe(true);
  });

  it("reads an item that is only the name as said of by the line below it, unless another item starts there", () => {
    const names = ["问答机器人"];
    const described = "行业场景\n  • 问答机器人\n\n    基于检索的多轮对话系统，接入工单系统";
    expect(mechanismExplained([described], names, "问答机器人是怎么搭的")).toBe(true);
    expect(mechanismExplained(["行业场景\n  • 问答机器人\n  • 推荐系统"], names, "问答机器人是怎么搭的")).toBe(false);
  });

  it("finds nothing explained when no passage is about the subject", () => {
    expect(mechanismExplained([], ["奖励"])).toBe(false);
  });
});

describe("mechanismFocus", () => {
  const passage = (id: string): Passage =>
    ({ chunk: { id, docId: "d", text: "", headingPath: [] } as unknown as Chunk, score: 1 }) as Passage;
  const tokens: Record<string, ReadonlySet<string>> = { a: new Set(["强化学习"]), b: new Set(["强化学习", "对齐"]) };
  const groups = [
    { label: "强化学习", tokens: ["强化学习"], weight: 2 },
    { label: "奖励模型", tokens: ["奖励模型"], weight: 5 },
    // An asking word the question holds is no subject, however rare.
    { label: "部署", tokens: ["部署"], weight: 9 },
  ];

  it("takes the question's rarest content term, even when no passage holds it", () => {
    const focus = mechanismFocus("强化学习的奖励模型具体要怎么部署？", [passage("a"), passage("b")], groups, (chunk) => tokens[chunk.id]!);
    expect(focus).toEqual({ chunkIds: [], terms: ["奖励模型"] });
  });

  it("looks for a glossary term by its whole names, not by the tokens of them", () => {
    const named = [{ label: "门控专家", tokens: ["门控", "专家", "gated", "experts"], weight: 4, names: ["门控专家", "gated experts"] }];
    const focus = mechanismFocus("门控专家原理", [passage("a")], named, () => new Set(["专家"]));
    expect(focus).toEqual({ chunkIds: ["a"], terms: ["门控专家", "gated experts"] });
    // A heading that holds only one token of a name ("应用创新专家") is not about the term.
    expect(mechanismExplained(["应用创新专家\n负责把模型落到业务里"], focus!.terms, "门控专家原理")).toBe(false);
  });

  it("keeps the passages that hold it", () => {
    const focus = mechanismFocus("强化学习具体要怎么训？", [passage("a"), passage("b")], groups.slice(0, 1), (chunk) => tokens[chunk.id]!);
    expect(focus).toEqual({ chunkIds: ["a", "b"], terms: ["强化学习"] });
  });
});
