import { describe, expect, it } from "vitest";
import { carryTopicIntoQuery, readConversation } from "../../src/answering/followUp.js";
import { looksLikeFollowUp } from "../../src/answering/followUpCues.js";
import { analyzeQuery } from "../../src/retrieval/analyzeQuery.js";
import { stageOrdinal } from "../../src/retrieval/stageReference.js";

const topicOf = (question: string) => (/lora/i.test(question) ? "LoRA" : /fine-tuning/i.test(question) ? "fine-tuning" : undefined);
const zhHistory = [
  { role: "user" as const, content: "学完 LoRA 之后该学什么?" },
  { role: "assistant" as const, content: "第七阶段：前沿技术探索 [1]" },
];

describe("an item of the previous answer's list, by its place (第二本, 第三门)", () => {
  it("is a follow-up, read with the question that gave the list", () => {
    expect(looksLikeFollowUp("第三本书适合谁看？")).toBe(true);
    expect(looksLikeFollowUp("第二门课讲了哪些内容")).toBe(true);
    // A stage by its place is a question of its own.
    expect(looksLikeFollowUp("第二阶段讲了哪些内容")).toBe(false);
    const history = [{ role: "user" as const, content: "基础阶段推荐了哪几本教材？" }];
    expect(carryTopicIntoQuery("第三本书适合谁看？", history, () => undefined)).toContain("基础阶段推荐了哪几本教材");
  });
});

describe("a bare ordinal after a question about a stage by its place", () => {
  const history = [{ role: "user" as const, content: "七阶段那份第四阶段要学多久？" }];
  it("is a stage when nothing else is counted (第二个呢 → 第二阶段)", () => {
    expect(stageOrdinal(carryTopicIntoQuery("那第二个呢？", history, () => undefined))?.position).toBe(2);
  });
  it("is an item of what the question names (它的实战项目，第一个是啥), asked in the stage the conversation is on", () => {
    const read = carryTopicIntoQuery("那它的实战项目，第一个是啥？", history, () => undefined);
    expect(read).toContain("第一个");
    expect(read).toContain("第四阶段");
    expect(read).not.toContain("第一阶段");
    expect(carryTopicIntoQuery("Of its projects, which is the first one?", history, () => undefined)).not.toMatch(/first stage/);
  });
});

describe("a modifier that leaves out its noun (那进阶的呢, 中级那个呢)", () => {
  it("takes the noun from the previous topic", () => {
    const topicOf = (question: string) => analyzeQuery(question).topic;
    const first = { role: "user" as const, content: "那份路线推荐的入门教材有哪些？" };
    expect(carryTopicIntoQuery("那进阶的呢？", [first], topicOf)).toBe("那份路线推荐的进阶教材有哪些？");
    expect(carryTopicIntoQuery("中级那个呢", [first, { role: "user", content: "那进阶的呢？" }], topicOf)).toBe(
      "那份路线推荐的中级教材有哪些？",
    );
    // A new topic of its own is not a modifier.
    expect(carryTopicIntoQuery("那 RAG 呢？", [{ role: "user", content: "学完 LoRA 之后该学什么?" }], topicOf)).toBe(
      "学完 RAG 之后该学什么?",
    );
    // English fillers are whole words: "Andrew" and "Notebook" keep their "and" and "ok".
    const course = [{ role: "user" as const, content: "LoRA 课程要学多久？" }];
    expect(carryTopicIntoQuery("那 Andrew Ng 的课呢？", course, topicOf)).toContain("Andrew Ng");
    expect(carryTopicIntoQuery("那 Notebook 呢？", course, topicOf)).toContain("Notebook");
  });
});

describe("carryTopicIntoQuery", () => {
  it("adds the previous topic to a bare follow-up", () => {
    expect(carryTopicIntoQuery("那之前呢?", zhHistory, topicOf)).toBe("LoRA 之前呢?");
    expect(carryTopicIntoQuery("and after that?", [{ role: "user", content: "what should I learn after fine-tuning?" }], topicOf)).toBe(
      "fine-tuning after that?",
    );
  });
  it("reads past an acknowledgement of the previous answer ('Got it. And …')", () => {
    const history = [{ role: "user" as const, content: "what should I learn after fine-tuning?" }];
    // Its "it" is no pronoun for the topic.
    expect(carryTopicIntoQuery("Got it. And how long does the deployment stage take?", history, topicOf)).not.toContain("fine-tuning");
    expect(carryTopicIntoQuery("好的，谢谢。那部署阶段要多久？", zhHistory, topicOf)).not.toContain("LoRA");
  });

  it("replaces a pronoun with the topic", () => {
    expect(carryTopicIntoQuery("它之前要学什么", zhHistory, topicOf)).toBe("LoRA 之前要学什么");
    // 多长 / 多久 ask a question of their own: not "what about this video?" asked the previous question.
    const video = [{ role: "user" as const, content: "那个实战项目合集的视频是哪篇路线推荐的？" }];
    const asked = carryTopicIntoQuery("这个视频总共多长时间？", video, topicOf);
    expect(asked).toContain("多长时间");
    expect(asked).not.toContain("哪篇路线推荐");
    // "这阶段" points back at the stage the conversation is on, as 这个阶段 does.
    const stage = [{ role: "user" as const, content: "LoRA 放在第几阶段？" }];
    expect(carryTopicIntoQuery("那这阶段要学多少周？", stage, topicOf)).toBe("那 LoRA 要学多少周？");
    // A determiner keeps its noun, and the words that ask about it: the topic goes beside them.
    const agents = [{ role: "user" as const, content: "what does the blog say about agents?" }];
    expect(carryTopicIntoQuery("where does that 80% number come from?", agents, () => "agents")).toBe(
      "where does that 80% number come from? agents",
    );
    expect(carryTopicIntoQuery("what comes after it?", agents, () => "agents")).toBe("what comes after agents?");
  });
  it("asks the previous question about a new topic", () => {
    expect(carryTopicIntoQuery("那 RAG 呢?", zhHistory, topicOf)).toBe("学完 RAG 之后该学什么?");
  });
  it("asks the previous question of another stage an English follow-up names, and of nothing else", () => {
    const hours = [{ role: "user" as const, content: "How many hours per week does the five-stage guide suggest for the entry stage?" }];
    expect(carryTopicIntoQuery("and for the applied practice stage?", hours, topicOf)).toBe(
      "How many hours per week does the five-stage guide suggest for the applied practice stage?",
    );
    // The roadmap's shape ("five-stage") is no stage's name; a question of its own is not swapped into the previous one.
    expect(carryTopicIntoQuery("and what projects does the applied practice stage have?", hours, topicOf)).not.toMatch(/^How many/u);
  });

  it("reads a place asked for inside what was discussed as a place in the previous question's subject", () => {
    const course = [{ role: "user" as const, content: "What's in the llm-course that one of the blogs recommends?" }];
    expect(carryTopicIntoQuery("ok and the third part is about what exactly?", course, topicOf)).toContain("llm-course");
    const stage = [{ role: "user" as const, content: "那份七阶段路线第二阶段是核心技术解析吧" }];
    expect(carryTopicIntoQuery("里面最后一个点是什么？", stage, topicOf)).toContain("第二阶段是核心技术解析");
    expect(looksLikeFollowUp("what's the first sub-direction in there?")).toBe(true);
    // A field term of its own is a question of its own.
    expect(carryTopicIntoQuery("RAG 的第一步是什么？", course, topicOf)).toBe("RAG 的第一步是什么？");
  });

  it("carries the whole previous question when it has no topic, and nothing without history", () => {
    expect(carryTopicIntoQuery("那之后呢?", [{ role: "user", content: "推荐什么课程" }], topicOf)).toBe("推荐什么课程 那之后呢?");
    expect(carryTopicIntoQuery("那之后呢?", [], topicOf)).toBe("那之后呢?");
    expect(carryTopicIntoQuery("学完 LoRA 之后该学什么?", zhHistory, topicOf)).toBe("学完 LoRA 之后该学什么?");
  });
});

describe("carrying the roadmap and stage of the conversation", () => {
  it("keeps the roadmap and stage of the previous question, without its before/after words", () => {
    const history = [{ role: "user" as const, content: "分成七个阶段的那条路线里，第三阶段之后讲什么？" }];
    const standalone = carryTopicIntoQuery("那它前一个阶段呢？", history, () => undefined);
    expect(standalone).toContain("七个阶段");
    expect(standalone).toContain("第三阶段");
    expect(standalone).not.toContain("之后");
  });

  it("asks what comes next of the stage a detail question named, without that question's detail", () => {
    const history = [{ role: "user" as const, content: "In the 3-part guide, how many weeks does the tooling stage take?" }];
    const standalone = carryTopicIntoQuery("Which part comes after that one?", history, () => undefined);
    expect(standalone).toContain("tooling stage");
    expect(standalone).toContain("3-part guide");
    expect(standalone).not.toMatch(/how many weeks/i);
    // Moving on without a question of its own asks the same detail of the next stage.
    const moved = carryTopicIntoQuery("第一阶段要几周？", [], () => undefined);
    expect(carryTopicIntoQuery("那下一阶段呢？", [{ role: "user" as const, content: moved }], () => undefined)).toContain("几周");
  });

  it("reads a Traditional conversation in Simplified", () => {
    const history = [{ role: "user" as const, content: "學完微調之後該學什麼?" }];
    expect(carryTopicIntoQuery("那之前呢?", history, (q) => analyzeQuery(q).topic)).toBe("微调 之前呢?");
  });
});

describe("one mechanism over the whole conversation", () => {
  const ask = (question: string, ...earlier: string[]) =>
    carryTopicIntoQuery(
      question,
      earlier.map((content) => ({ role: "user" as const, content })),
      (q) => analyzeQuery(q).topic,
    );

  it("keeps the roadmap named two questions back through a chain of follow-ups", () => {
    const standalone = ask("好的，那最后一个 stage 呢?", "六个阶段的那份路线里，第二阶段讲什么？", "然后它下一个阶段呢？");
    expect(standalone).toContain("六个阶段");
    expect(stageOrdinal(standalone)).toEqual({ from: "end", position: 1 });
    expect(analyzeQuery(standalone).sequence).toBeNull();
  });

  it("asks the previous question of a new topic whose closing clause asks 'also?' ('那 X 呢，也有吗')", () => {
    const standalone = ask("那 Hugging Face 那门课呢，也有吗？", "吴恩达的课程有没有中文字幕？");
    expect(standalone).toContain("Hugging Face");
    expect(standalone).toContain("中文字幕");
    expect(standalone).not.toContain("吴恩达");
  });

  it("drops the conversation's stage when the follow-up names its own", () => {
    const standalone = ask("and stage 4?", "In the six-stage plan, what is stage 2 about?");
    expect(stageOrdinal(standalone)).toEqual({ from: "start", position: 4 });
    expect(standalone).toContain("six-stage");
  });

  it("moves one stage on when a bare follow-up continues a before/after question", () => {
    // 第一阶段 → 之后 (the second) → 再之后: the third stage, asked as the first question asked.
    const standalone = ask("再之后呢？", "第一阶段学什么？", "那之后呢？");
    expect(stageOrdinal(standalone)).toEqual({ from: "start", position: 3 });
    expect(analyzeQuery(standalone).sequence).toBeNull();
    // A chain that began with a before/after question moves its stage and keeps its direction.
    const chained = ask("再之后呢？", "学完第一阶段之后学什么？");
    expect(stageOrdinal(chained)).toEqual({ from: "start", position: 2 });
    expect(analyzeQuery(chained).sequence).toBe("next");
  });

  it("asks the previous question of the next or previous stage when a follow-up only moves ('and the next one?')", () => {
    const english = ask("And the next one?", "In the five-stage guide, how long is the first stage?");
    expect(stageOrdinal(english)).toEqual({ from: "start", position: 2 });
    expect(english).toContain("five-stage guide, how long");
    expect(analyzeQuery(english).sequence).toBeNull();
    const previous = ask("那前一个阶段呢？", "七个阶段那个路线，第三阶段学什么");
    expect(stageOrdinal(previous)).toEqual({ from: "start", position: 2 });
    expect(previous).toContain("七个阶段那个路线");
    // A detail the follow-up asks itself comes along.
    expect(ask("那下一阶段要学多久？", "七个阶段那个路线，第三阶段学什么")).toMatch(/多久.*第4阶段/u);
    // A stage by its name moves through the roadmap's own sequence: the retriever finds the next one.
    const named = ask("那下一阶段呢？", "《大模型学习路径指南》的入门阶段每周要几个小时？");
    expect(named).toContain("入门阶段之后每周要几个小时");
    expect(analyzeQuery(named).sequence).toBe("next");
    expect(ask("接下来呢", "三阶段那篇的原理学习阶段要多久")).toContain("原理学习阶段之后要多久");
    expect(ask("那下一阶段要学多久？", "三阶段那篇的原理学习阶段学什么")).toMatch(/多久.*原理学习阶段之后/u);
    // A roadmap's shape after where it lives is no stage either ("CSDN那篇三阶段的").
    expect(ask("那下一阶段呢", "CSDN那篇三阶段的，原理学习阶段要多久？")).toContain("原理学习阶段之后要多久");
    // 这个阶段 / 三阶段 name no stage.
    expect(ask("下一阶段呢", "这个阶段学什么")).not.toContain("阶段之后");
    // Naming again only what the previous question named ("the projects"), or moving "right after
    // it", still only moves; "the first stage" is an ordinal, not "learn X first".
    const projects = ask(
      "and the projects for the stage right after that one?",
      "What hands-on projects does the five-part guide give for the very first stage?",
    );
    expect(stageOrdinal(projects)).toEqual({ from: "start", position: 2 });
    expect(projects).toContain("hands-on projects does the five-part guide");
    expect(
      stageOrdinal(ask("and the stage right after it?", "How many hours a week does the five-stage guide suggest for the first stage?")),
    ).toEqual({
      from: "start",
      position: 2,
    });
    // Past the last stage there is none to move to: asked as a step out of the roadmap, which the
    // retriever reads as past its end (roadmapContext.ts), not as the last stage again.
    const pastLast = ask("之后呢", "七个阶段那个路线，最后一个阶段学什么");
    expect(pastLast).toContain("最后一个阶段之后");
    expect(analyzeQuery(pastLast).sequence).toBe("next");
  });

  it("reads 'that stage' after a before/after question as the stage that answer gave", () => {
    const standalone = ask("那一段具体包含哪些东西？", "七个阶段的那份路线，数据清洗那段学完之后还要学啥？");
    expect(analyzeQuery(standalone).sequence).toBe("next");
    expect(standalone).toContain("七个阶段");
    // In English too, and "that stage" is not replaced by the topic (the stage the question started from).
    const english = ask("What's the end goal of that stage?", "三阶段那篇里，数据清洗阶段结束后接着要做什么？");
    expect(analyzeQuery(english).sequence).toBe("next");
    expect(english).not.toContain("of 数据清洗");
    // With a direction of its own, the follow-up's direction is the one kept.
    expect(analyzeQuery(ask("那一段之前呢？", "七个阶段的那份路线，数据清洗那段学完之后还要学啥？")).sequence).toBe("previous");
  });

  it("does not put a question about 'that stage' in the place of the stage the conversation moved from", () => {
    // The second turn moved on from 入门阶段; "这个阶段" is the stage it moved to, not a new topic.
    const standalone = ask("这个阶段里有啥练手的项目", "五个阶段那份，入门阶段每周要花几个小时", "那下一阶段呢？");
    expect(analyzeQuery(standalone).sequence).toBe("next");
    expect(standalone).toContain("入门阶段之后");
    expect(standalone).toContain("练手的项目");
  });

  it("keeps the stage a pronoun points to", () => {
    const standalone = ask("那它前一个阶段呢？", "六个阶段的那份路线里，第四阶段之后学什么？");
    expect(stageOrdinal(standalone)).toEqual({ from: "start", position: 4 });
    expect(analyzeQuery(standalone).sequence).toBe("previous");
  });

  it("reads a question that names nothing of its own in the previous one's terms", () => {
    const standalone = ask("那排第三的是哪个？", "Which needs more GPU memory, full fine-tuning or LoRA?");
    expect(standalone).toContain("fine-tuning");
    expect(standalone).toContain("排第三");
  });

  it("treats a longer question with a pronoun that can only point back as a follow-up", () => {
    expect(looksLikeFollowUp("那它们下一个阶段呢？具体要做哪几个练习项目")).toBe(true);
    expect(looksLikeFollowUp("那个分成五个阶段的指南里，每个阶段大概要花几个月的时间")).toBe(false);
  });

  it("reads 'that topic' / '这方面' in a longer question as the conversation's topic", () => {
    expect(looksLikeFollowUp("Great, is there a classic early paper on that topic in any of these reading lists?")).toBe(true);
    expect(looksLikeFollowUp("这方面有没有哪份路线推荐过经典论文")).toBe(true);
    const standalone = ask(
      "Great, is there a classic early paper on that topic in any of these reading lists?",
      "What should I learn about LoRA?",
    );
    expect(standalone).toContain("LoRA");
    expect(standalone).not.toMatch(/that topic/);
  });

  it("reads 'the first one' after a list question as an item of that list", () => {
    const standalone = ask("Who wrote the first one?", "Which two books does the three-stage article recommend?");
    expect(standalone).toContain("the first one");
    expect(standalone).toContain("three-stage article");
    // After a stage question, the noun left out is a stage.
    expect(ask("and the fourth one?", "In the five-stage guide, what is stage 1 about?")).toMatch(/fourth stage/);
    // So is the noun left out at the end: "and the third?".
    expect(ask("and the third?", "In the five-stage guide, what is stage 1 about?")).toMatch(/third stage/);
    expect(ask("and the third?", "In the five-stage guide, what is stage 1 about?")).not.toMatch(/stage 1/);
  });

  it("starts again at a standalone question", () => {
    const standalone = ask("那之前呢?", "六个阶段的那份路线里，第二阶段讲什么？", "学完 RAG 之后该学什么?");
    expect(standalone).toBe("RAG 之前呢?");
  });

  it("reads a short question that names nothing as a follow-up", () => {
    const standalone = ask("要花几个月？", "五个阶段的那份指南，第二阶段讲什么？");
    expect(standalone).toContain("五个阶段");
    expect(stageOrdinal(standalone)).toEqual({ from: "start", position: 2 });
  });

  it("reads a bare ordinal after a stage question as that stage", () => {
    const standalone = ask("那第三个呢？", "五个阶段的那份指南，第一阶段要学多久？");
    expect(stageOrdinal(standalone)).toEqual({ from: "start", position: 3 });
    expect(standalone).toContain("五个阶段");
    expect(ask("and the fourth one?", "In the five-stage guide, what is stage 1 about?")).toMatch(/fourth stage/);
    // So is the noun left out at the end: "and the third?".
    expect(ask("and the third?", "In the five-stage guide, what is stage 1 about?")).toMatch(/third stage/);
    expect(ask("and the third?", "In the five-stage guide, what is stage 1 about?")).not.toMatch(/stage 1/);
    // "the very last one": "very" only stresses the place.
    expect(stageOrdinal(ask("jump to the very last one, what's in it?", "In the six-stage plan, what is stage 2 about?"))).toEqual({
      from: "end",
      position: 1,
    });
  });

  it("reads the middle stage as a stage of the conversation's roadmap, in place of the previous question's stage", () => {
    const standalone = ask("那排在当中、前后各有三个的是哪一段？", "七阶段那份的最后一个阶段叫什么？");
    expect(standalone).toContain("七阶段那份");
    // The previous question's "last stage" would be read before the middle one.
    expect(stageOrdinal(standalone)).toBeUndefined();
  });

  it("asks the previous question about a new name with a demonstrative ('X 那个呢')", () => {
    const standalone = ask("PyTorch 那个呢？", "TensorFlow 的官方教程要学多久？");
    expect(standalone).toContain("PyTorch");
    expect(standalone).toContain("多久");
    expect(standalone).not.toContain("TensorFlow");
  });

  it("does not take a longer name for the topic it contains", () => {
    expect(ask("那 QLoRA 呢？", "LoRA 是什么原理？")).toBe("QLoRA 是什么原理？");
  });

  it("gives a choice question the alternatives the previous one listed", () => {
    const standalone = ask("那哪个更省显存？", "全量微调和 LoRA 哪个训练更快？");
    expect(standalone).toContain("全量微调");
    expect(standalone).toContain("更省显存");
  });
});

describe("a follow-up that names another roadmap", () => {
  // Two hand-made roadmaps: one named by its seven stages, the other by where it was published.
  const roadmapNamedIn = (q: string) => (/七阶段|七階段|seven-stage/i.test(q) ? "seven" : /CSDN/i.test(q) ? "csdn" : undefined);
  const topicOfAgent = (q: string) =>
    /agent/i.test(q) ? "Agent 开发" : /seven-stage roadmap/i.test(q) ? "seven-stage roadmap" : undefined;

  it("asks the same topic of the roadmap it names, leaving the earlier roadmap behind", () => {
    const history = [{ role: "user" as const, content: "七阶段那份里 Agent 开发在哪个阶段？" }];
    const standalone = carryTopicIntoQuery("那 CSDN 那份呢？", history, topicOfAgent, roadmapNamedIn);
    expect(standalone).toContain("Agent 开发");
    expect(standalone).toContain("CSDN");
    expect(roadmapNamedIn(standalone)).toBe("csdn");
    expect(standalone).not.toContain("七阶段");
  });

  it("carries the earlier question's field terms when its topic is the roadmap itself", () => {
    const history = [{ role: "user" as const, content: "In the seven-stage roadmap, where do multimodal models come in?" }];
    const standalone = carryTopicIntoQuery("what about in the CSDN one?", history, topicOfAgent, roadmapNamedIn);
    expect(standalone).toMatch(/multimodal/i);
    expect(standalone).not.toMatch(/seven-stage/i);
  });

  it("reads a follow-up about the same roadmap as before", () => {
    const history = [{ role: "user" as const, content: "七阶段那份里 Agent 开发在哪个阶段？" }];
    const withRoadmaps = carryTopicIntoQuery("那之后呢？", history, topicOfAgent, roadmapNamedIn);
    expect(withRoadmaps).toBe(carryTopicIntoQuery("那之后呢？", history, topicOfAgent));
  });
});

describe("a follow-up that points at an item by its place only", () => {
  it("is a follow-up however long it is, and a question that names something is not", () => {
    expect(looksLikeFollowUp("which one is supposed to come first, and which one is the last?")).toBe(true);
    expect(looksLikeFollowUp("其中最后一个是什么？")).toBe(true);
    expect(looksLikeFollowUp("which book should I read first for deep learning?")).toBe(false);
  });

  it("is read with the question that listed the items, whose topic stays", () => {
    const history = [{ role: "user" as const, content: "what hands-on projects does the guide suggest?" }];
    const standalone = carryTopicIntoQuery("and the one in the middle?", history, () => "hands-on projects");
    expect(standalone).toContain("the one in the middle");
    expect(standalone).toContain("hands-on projects does the guide suggest");
  });
});

describe("a new topic after a question about a stage by its place", () => {
  it("takes the old topic's place, in the same stage", () => {
    const history = [{ role: "user" as const, content: "七阶段那份的倒数第二阶段里，私有化部署要学哪些内容？" }];
    const standalone = carryTopicIntoQuery("那量化那块呢？", history, () => undefined);
    expect(standalone).toContain("量化");
    expect(standalone).toContain("倒数第2阶段");
    expect(standalone).not.toContain("私有化部署");
    // A question of its own about the new topic is read as before.
    expect(carryTopicIntoQuery("那量化要学多久？", history, () => undefined)).not.toBe("那量化要学多久？ 倒数第2阶段");
  });
});

describe("readConversation", () => {
  it("reads each question in the setting of those before it, the asked one last, as carryTopicIntoQuery does", () => {
    const history = [
      { role: "user" as const, content: "学完 LoRA 之后该学什么?" },
      { role: "assistant" as const, content: "下一阶段：部署 [1]" },
      { role: "user" as const, content: "那之前呢?" },
    ];
    const readings = readConversation("它要学多久？", history, topicOf);
    expect(readings).toEqual(["学完 LoRA 之后该学什么?", "LoRA 之前呢?", carryTopicIntoQuery("它要学多久？", history, topicOf)]);
    // The one before last is the previous turn's own query, read without the turn after it.
    expect(readings.at(-2)).toBe(carryTopicIntoQuery("那之前呢?", history.slice(0, 2), topicOf));
    expect(readConversation("什么是 RAG？", [], topicOf)).toEqual(["什么是 RAG？"]);
  });
});

describe("a follow-up that drifts to a subject outside the field (那考驾照要练多久)", () => {
  const books = [{ role: "user" as const, content: "入门阶段推荐了哪些书？" }];
  it("is read alone, without the field words of the question before it", () => {
    expect(carryTopicIntoQuery("那考驾照要练多久？", books, () => "入门阶段")).toBe("那考驾照要练多久？");
    // A bare follow-up with no subject of its own still borrows the conversation's.
    expect(carryTopicIntoQuery("那要看多久？", books, () => "入门阶段")).toContain("入门阶段");
  });
  it("is read alone when its only glossary words are the learner's level or a span of time", () => {
    const memory = [{ role: "user" as const, content: "大模型微调需要多大显存？" }];
    const topicOf = (question: string) => analyzeQuery(question).topic;
    expect(carryTopicIntoQuery("那健身新手第一个月该怎么练", memory, topicOf)).toBe("那健身新手第一个月该怎么练");
    expect(carryTopicIntoQuery("那学吉他的新手第一周练啥", memory, topicOf)).toBe("那学吉他的新手第一周练啥");
  });
  it("stays with the conversation when the outside subject is the conversation's own", () => {
    const gym = [{ role: "user" as const, content: "健身房办卡要多少钱？" }];
    expect(carryTopicIntoQuery("那健身房的年卡呢？", gym, (question) => analyzeQuery(question).topic)).toContain("办卡");
  });
});

describe("several short questions typed as one (看完这个以后呢？接下来该学啥？)", () => {
  it("moves one stage on from the stage the previous question asked by its place", () => {
    const topicOf = (question: string) => analyzeQuery(question).topic;
    const history = [{ role: "user" as const, content: "五阶段那份，第二阶段是什么？" }];
    const query = carryTopicIntoQuery("看完这个以后呢？接下来该学啥？", history, topicOf);
    expect(query).toContain("五阶段那份");
    expect(query).toContain("第3阶段");
  });
});

describe("the last or first one, after a stage named by its name", () => {
  const user = (content: string) => ({ role: "user" as const, content });
  const standalone = (question: string, previous: string) => readConversation(question, [user(previous)], () => undefined).at(-1)!;

  it("is the roadmap's last or first stage, in place of the stage named", () => {
    expect(stageOrdinal(standalone("那最后一个呢？", "五阶段指南的入门阶段学什么？"))).toEqual({ from: "end", position: 1 });
    expect(stageOrdinal(standalone("那第一个呢", "三阶段那篇的场景应用阶段要多久？"))).toEqual({ from: "start", position: 1 });
    // After a stage by its place, as before.
    expect(stageOrdinal(standalone("那最后一个呢", "七阶段那篇的第三阶段是什么？"))).toEqual({ from: "end", position: 1 });
  });

  it("stays an item of a list the stage holds, or one a noun after it names", () => {
    expect(stageOrdinal(standalone("那最后一个呢？", "五阶段指南的入门阶段推荐了哪些书？"))).toBeUndefined();
    expect(stageOrdinal(standalone("下一章第一个推荐的课是哪个？", "清单的入门篇有哪些资料？"))).toBeUndefined();
    expect(stageOrdinal(standalone("里面最后一个点是什么？", "七阶段那篇的第二阶段是核心技术解析吧"))).toEqual({
      from: "start",
      position: 2,
    });
  });
});

describe("a follow-up in written Cantonese (咁X呢？: then what about X)", () => {
  it("moves the earlier question to the stage it names, as 那X呢 does, with 幾個鐘 read as hours", () => {
    const topicOf = (question: string) => analyzeQuery(question).topic;
    const namesStage = (phrase: string) => /^(?:基础夯实|入门)(?:阶段)?$/u.test(phrase);
    const read = readConversation(
      "咁基礎夯實呢？",
      [{ role: "user", content: "入門階段每週要讀幾個鐘？" }],
      topicOf,
      undefined,
      namesStage,
    );
    expect(read.at(-1)).toBe("基础夯实阶段每周要读几小时？");
  });
});
