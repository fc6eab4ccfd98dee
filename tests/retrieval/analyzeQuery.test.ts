import { describe, expect, it } from "vitest";
import {
  analyzeQuery,
  asksForTotal,
  contentSegments,
  contentSegmentsWithout,
  extractTopic,
  sequenceIntent,
  type Span,
} from "../../src/retrieval/analyzeQuery.js";
import { findGlossaryMatches } from "../../src/retrieval/glossary.js";
import { isFiller } from "../../src/retrieval/questionWords.js";

describe("sequenceIntent", () => {
  it("reads 再往前 as going back one more, as 再往后 goes on", () => {
    expect(sequenceIntent("那再往前呢？")).toBe("previous");
    expect(sequenceIntent("那再往后呢？")).toBe("next");
  });

  it("does not read a total, a condition, 'in the future' or 'previously' as a sequence cue", () => {
    expect(sequenceIntent("这门课全部学完大概要多久？")).toBeNull();
    expect(sequenceIntent("数据量够大之后效果会变好吗")).toBeNull();
    expect(sequenceIntent("参数堆到一定程度以后会发生什么")).toBeNull();
    expect(sequenceIntent("我以后想做科研，该看哪些论文")).toBeNull();
    expect(sequenceIntent("这种模型以前不会做数学题吗")).toBeNull();
    expect(sequenceIntent("规模上去后冒出以前根本没有的能力，这叫什么")).toBeNull();
    expect(sequenceIntent("能记住之前聊过的内容吗")).toBeNull();
    expect(sequenceIntent("语料喂到一定量以后，小模型也会变聪明吗")).toBeNull();
    // An amount left vague (某个量级, 某种程度) is a condition as 一定程度 is; a stage named that way is still a place.
    expect(sequenceIntent("数据攒到某个量级之后，模型会有什么变化")).toBeNull();
    expect(sequenceIntent("训练做到某种程度以后会突然变好吗")).toBeNull();
    expect(sequenceIntent("某个阶段之后该学什么")).toBe("next");
    // A why after the cue asks the cause of what happens then, not what comes next.
    expect(sequenceIntent("服务部署以后为什么延迟这么高")).toBeNull();
    expect(sequenceIntent("微调之后模型为啥变笨了")).toBeNull();
    expect(sequenceIntent("微调之后学什么，为什么这样排")).toBe("next");
    // 以后 after a person is that person's future, whatever follows: "I'll be in charge of X later".
    expect(sequenceIntent("你以后专门做推理加速的话，要补哪些课")).toBeNull();
    expect(sequenceIntent("她将来负责部署，该看哪份资料")).toBeNull();
    // What follows asks what to learn, or a finishing verb names the step: still a sequence.
    expect(sequenceIntent("微调之后可以学什么")).toBe("next");
    expect(sequenceIntent("学完入门篇以后能做什么")).toBe("next");
    expect(sequenceIntent("RAG 之前要会什么")).toBe("previous");
    expect(sequenceIntent("入门篇看完了，我之后该学什么")).toBe("next");
    // A time of the learner's day is no place in a path; a month of a plan is.
    expect(sequenceIntent("I can spare two hours a day after work. Is that enough for the first stage?")).toBeNull();
    expect(sequenceIntent("I read a bit before bed, which book is good for RAG?")).toBeNull();
    expect(sequenceIntent("and after month 6?")).toBe("next");
  });

  it("finds 'next' questions in Chinese, English and mixed", () => {
    expect(sequenceIntent("学完 LoRA 之后该学什么?")).toBe("next");
    expect(sequenceIntent("入门阶段以后学什么")).toBe("next");
    expect(sequenceIntent("掌握提示工程，下一步呢")).toBe("next");
    expect(sequenceIntent("what should I learn after fine-tuning")).toBe("next");
    expect(sequenceIntent("what comes after the beginner stage?")).toBe("next");
    expect(sequenceIntent("LoRA 之后 next step 学什么")).toBe("next");
  });

  it("finds 'previous' questions", () => {
    expect(sequenceIntent("学微调之前要先掌握什么")).toBe("previous");
    expect(sequenceIntent("RAG 的前置知识有哪些")).toBe("previous");
    expect(sequenceIntent("What are the prerequisites for RAG?")).toBe("previous");
    expect(sequenceIntent("Before learning agents, what should I know first?")).toBe("previous");
  });

  it("reads 段 and 篇 as a stage: 下一段 is next, 上一篇 previous", () => {
    expect(sequenceIntent("那再下一段呢？")).toBe("next");
    expect(sequenceIntent("下一篇讲什么")).toBe("next");
    expect(sequenceIntent("上一段是什么？")).toBe("previous");
    expect(sequenceIntent("前一篇要先看完吗")).toBe("previous");
  });

  it("finds none in other questions", () => {
    expect(sequenceIntent("which book should I read for deep learning?")).toBeNull();
    expect(sequenceIntent("LLMSurvey 是什么")).toBeNull();
    expect(sequenceIntent("RAG 和微调有什么区别")).toBeNull();
  });
});

describe("extractTopic", () => {
  it("strips cue words, question words and filler", () => {
    expect(extractTopic("学完 LoRA 之后该学什么?")).toBe("LoRA");
    expect(extractTopic("学完LoRA之后学什么")).toBe("LoRA");
    expect(extractTopic("what should I learn after fine-tuning")).toBe("fine-tuning");
    expect(extractTopic("LoRA 之后 next step 学什么")).toBe("LoRA");
    expect(extractTopic("What are the prerequisites for RAG?")).toBe("RAG");
    // Verbs of entering or starting a stage are not its name.
    expect(extractTopic("要进到应用实践之前得会什么")).toBe("应用实践");
    expect(extractTopic("开始做模型部署之前要先学什么")).toBe("模型部署");
    // Nor are words for how it went ("总算学完了").
    expect(extractTopic("应用实践我总算搞完了，下一步呢")).toBe("应用实践");
    expect(extractTopic("应用实践差不多学完了，接下来学啥")).toBe("应用实践");
    // Nor is a name asked ("叫什么名字", "called").
    expect(extractTopic("再往前一个阶段叫什么名字？ 七阶段那份里 LoRA 在第几阶段？")).toBe("LoRA");
    expect(extractTopic("what is the stage before LoRA called?")).toBe("LoRA");
  });

  it("takes the stage before 的 and a step to its neighbour as the topic, not the document named first", () => {
    expect(extractTopic("GitHub 清单里「前沿研究阶段」的下一阶段是什么")).toBe("前沿研究阶段");
    expect(extractTopic("Hexo 博客里，「微调」的上一篇是哪篇")).toBe("微调");
    // "这个阶段" after a stage's name names it again.
    expect(extractTopic("「核心技术解析」这个阶段的下一阶段是什么")).toBe("核心技术解析");
    expect(extractTopic("「模型部署」那一阶段之后学什么")).toBe("模型部署");
    // 的 before anything else is no step: the named document stays what the question is about.
    expect(extractTopic("GitHub 清单里「前沿研究阶段」的资料有哪些")).not.toBe("前沿研究阶段");
  });

  it("keeps glossary terms whole even when they contain filler characters", () => {
    expect(extractTopic("在学习深度学习之前需要先学什么?")).toBe("深度学习");
    expect(extractTopic("学完 Transformer 架构之后呢")).toBe("Transformer 架构");
  });

  it("takes the document for the topic when the rest is one plain word asked of it", () => {
    expect(extractTopic("Who wrote the GitHub reading list?")).toBe("GitHub reading list");
    // A field term beside the document is the topic.
    expect(extractTopic("Does the GitHub list cover agents?")).toBe("agents");
  });

  it("leaves out an English roadmap reference and the 里 after it", () => {
    expect(extractTopic("five-stage guide 里入门阶段之前还有什么 stage?")).toBe("入门阶段");
  });

  it("prefers an English field term to the first English word", () => {
    expect(extractTopic("Which skills should I master if I want to build RAG pipelines?")).toContain("RAG");
  });

  it("prefers a segment naming a field term over bare words, and drops generic nouns", () => {
    expect(extractTopic("what comes after the 入门阶段 in the 大模型学习路径指南?")).toBe("入门阶段");
    expect(extractTopic("入门阶段之后是什么阶段")).toBe("入门阶段");
  });

  it("reads a 那 opening the question or a clause as 'then', and 那 before a measure word as pointing", () => {
    expect(extractTopic("那入门学完以后，下一段的学习目标是啥？")).toBe("入门");
    expect(extractTopic("好的。那微调之后呢？")).toBe("微调");
    // 那段, 那一段: the part the words before it name.
    expect(extractTopic("基础夯实那段学完了，接下来学什么")).toBe("基础夯实");
    // Before a Latin word or a space, 那 is "then" too.
    expect(extractTopic("那 LangChain 前一个阶段是啥？")).toBe("LangChain");
    expect(extractTopic("那LoRA之后学什么")).toBe("LoRA");
  });

  it("reads a learner's wish (想做, 想学, 想搞) as no part of the topic", () => {
    expect(extractTopic("想做大模型应用，需要先学Python吗？")).toBe("大模型应用");
    expect(extractTopic("想搞微调之前得会啥")).toBe("微调");
  });

  it("reads 'that one' and 'right before' as pointing back, not as a topic", () => {
    expect(extractTopic("what's the stage right before that one?")).toBeUndefined();
    expect(extractTopic("and the one just after RAG?")).toBe("RAG");
    // "one" with no determiner before it is a word of the question.
    expect(extractTopic("is there one service for all the models?")).toContain("one");
  });

  it("reads 讲 (what a part covers) as a question word: a follow-up asking it has no topic of its own", () => {
    expect(extractTopic("那再往后一个 stage 讲啥？")).toBeUndefined();
    expect(extractTopic("LoRA 之后讲什么")).toBe("LoRA");
  });

  it("does not take a word for the document itself (路线图, guide) for the topic", () => {
    expect(extractTopic("哪篇路线图提到了 MoE")).toBe("MoE");
    expect(extractTopic("哪份指南讲了量化")).toBe("量化");
    // Nor a document named by where it lives: its capital says which text.
    expect(extractTopic("The Jekyll blog lists three ways to work with RAG — what are they?")).toBe("RAG");
    // Nor a document described by its languages or its kind: the topic is what it is asked about.
    expect(extractTopic("Does the English/Chinese reading list have anything on agents?")).toBe("agents");
    expect(extractTopic("Does the reading list have anything on quantization?")).toBe("quantization");
    // A question about nothing but the document keeps it.
    expect(extractTopic("Is the reading list long?")).toBe("reading list long");
  });

  it("takes a quoted segment before its cue as the topic, past the closing quote", () => {
    // "我是 PM" introduces the learner; the quoted stage is what comes before 之后.
    expect(extractTopic("我是 PM，分五段那份里，「应用实践」之后是哪一段？")).toBe("应用实践");
    expect(extractTopic("学完“微调”以后学什么")).toBe("微调");
  });

  it("leaves out 把 / 将 before the topic and how far the learner got with it", () => {
    expect(extractTopic("把RAG学完之后该学什么")).toBe("RAG");
    expect(extractTopic("我已经将量化弄懂了，下一步呢")).toBe("量化");
    expect(extractTopic("先把 PyTorch 搞明白，然后学什么")).toBe("PyTorch");
    // 把 and 将 inside a word are no marker.
    expect(extractTopic("把握不住重点怎么办")).toBe("把握不住重点");
    expect(extractTopic("将来做大模型该学什么")).toBe("将来做大模型");
  });

  it("returns a verbatim substring of the question", () => {
    for (const q of ["学完 Transformer 架构之后呢", "I finished the basics stage, what's next?", "第六阶段之后学什么"]) {
      const topic = extractTopic(q);
      expect(topic).toBeDefined();
      expect(q).toContain(topic!);
    }
  });

  it("finds nothing in a question of filler only", () => {
    expect(extractTopic("接下来学什么?")).toBeUndefined();
    expect(extractTopic("what should I learn next?")).toBeUndefined();
  });
});

describe("analyzeQuery", () => {
  it("combines language, intent, topic and expansions", () => {
    expect(analyzeQuery("学完 LoRA 之后该学什么?")).toEqual({
      language: "zh",
      sequence: "next",
      topic: "LoRA",
      expansions: expect.arrayContaining(["低秩"]),
    });
    const english = analyzeQuery("what should I learn after fine-tuning");
    expect(english.language).toBe("en");
    expect(english.sequence).toBe("next");
    expect(english.topic).toBe("fine-tuning");
    expect(english.expansions).toContain("微调");
    const mixed = analyzeQuery("LoRA 之后 next step 学什么");
    expect(mixed.language).toBe("mixed");
    expect(mixed.sequence).toBe("next");
    expect(mixed.topic).toBe("LoRA");
  });

  it("reads colloquial finishing verbs as 'what comes next'", () => {
    for (const question of ["入门篇过完下面是啥", "把数学基础走完该干嘛", "RAG 搞定了学什么"]) {
      expect(analyzeQuery(question).sequence, question).toBe("next");
    }
  });

  it("leaves out the topic when there is none", () => {
    expect(analyzeQuery("接下来学什么?")).toEqual({ language: "zh", sequence: "next", expansions: [] });
  });
});

describe("finishing cues (结束后, 看完, 读完, 接着)", () => {
  it("read as asking what comes next, with the finished part as the topic", () => {
    expect(sequenceIntent("基础阶段结束后学什么")).toBe("next");
    expect(sequenceIntent("读完向量数据库那节，接着干嘛")).toBe("next");
    expect(extractTopic("看完 Prompt 工程，紧接着是哪一块")).toBe("Prompt 工程");
    expect(extractTopic("数学基础结束后学哪个")).toBe("数学基础");
  });
});

describe("stage topics in mixed wording", () => {
  it("drop a trailing English stage word and an 'enter' verb from the topic", () => {
    expect(extractTopic("进入部署 stage 之前要先学什么")).toBe("部署");
    expect(extractTopic("what comes after the agents phase?")).toBe("agents");
    expect(extractTopic("到了向量检索阶段以后学啥")).toBe("向量检索阶段");
  });
});

describe("one cue vocabulary (text/questionCues.ts)", () => {
  it("does not read the last stage as 'the stage after'", () => {
    expect(sequenceIntent("最后一个阶段讲什么")).toBeNull();
    expect(sequenceIntent("第三阶段的后一个阶段讲什么")).toBe("next");
  });

  it("is the filler the topic leaves out, for every cue", async () => {
    const { NEXT_CUES, PREVIOUS_CUES } = await import("../../src/text/questionCues.js");
    const { isFiller } = await import("../../src/retrieval/questionWords.js");
    for (const cue of [...NEXT_CUES.zh, ...PREVIOUS_CUES.zh]) expect(isFiller(cue), cue).toBe(true);
  });
});

describe("finishing verbs after the topic (做完, 啃完, 刷完)", () => {
  it("mark the part before them as the topic of a 'what next' question", () => {
    expect(extractTopic("模型评估做完之后学什么")).toBe("模型评估");
    expect(extractTopic("那本教材啃完了下一步干嘛")).toBe("那本教材");
    expect(sequenceIntent("题库刷完接着学啥")).toBe("next");
  });
});

describe("a roadmap named by its stage count is not the topic", () => {
  it("takes the topic from what follows the roadmap's shape", () => {
    expect(extractTopic("那份六阶段路线里，学完部署之后学什么")).toBe("部署");
    expect(extractTopic("四个阶段的那篇指南中 数据清洗 之后是什么")).toBe("数据清洗");
    expect(extractTopic("分五段的那份清单，模型评估之后学啥")).toBe("模型评估");
    expect(extractTopic("四个 stage 那份里 数据清洗 之后是什么")).toBe("数据清洗");
    // With a demonstrative before the count.
    expect(extractTopic("那个六阶段的路线里，部署之后学什么")).toBe("部署");
    // A methodology (方法论) is a kind of document too, named with no comma before the topic.
    expect(extractTopic("四阶段方法论里 数据清洗后面是啥阶段")).toBe("数据清洗");
  });

  it("reads a verb of starting after 'before' (starting, beginning, diving into) as the cue's, not the topic", () => {
    expect(extractTopic("Before starting the FooKit course, what should I be able to do? Kindly advise.")).toBe("FooKit course");
    expect(extractTopic("before diving into quantization what do I need")).toBe("quantization");
  });

  it("in English, whatever word names the document, and '每个阶段' said of its shape", () => {
    expect(extractTopic("Which part of the six-stage plan covers quantization?")).toBe("quantization");
    expect(extractTopic("in the CSDN four-phase one, when does LoRA come up")).toBe("LoRA");
    expect(extractTopic("那份分四段、每个阶段后面写了周数的清单，部署学完之后学啥")).toBe("部署");
  });

  it("nor is a document named by where it lives, with its shape after it", () => {
    expect(extractTopic("CSDN那篇三阶段的，部署学完之后学啥")).toBe("部署");
    // Where it lives, then its shape, then the word pointing at it, with no comma before the topic.
    expect(extractTopic("CSDN四阶段那篇 量化 之后学什么？")).toBe("量化");
    expect(extractTopic("GitHub 三章的清单里 Agent 之后是什么")).toBe("Agent");
    expect(extractTopic("ninehills 那份清单里入门篇之后是什么")).toBe("入门篇");
    // A name with no document word after it is the topic.
    expect(extractTopic("LoRA 那个之后学什么")).toMatch(/^LoRA/u);
  });

  it("leaves an ordinal or a bare stage number alone", () => {
    expect(extractTopic("第四阶段之后学什么")).toBe("第四阶段");
    expect(extractTopic("二阶段之后学什么")).toBe("二阶段");
  });
});

describe("a detail asked is not the topic placed", () => {
  it("passes over a span of time or the kind of answer asked, for what the question is about", () => {
    expect(extractTopic("How many weeks does the reading list give its deployment chapter before moving on?")).toBe("deployment chapter");
    expect(extractTopic("what's the first recommendation for learning quantization after that?")).toBe("quantization");
    expect(extractTopic("学完 Agent 之后要学多久的部署？")).toBe("Agent");
  });

  it("reads a point in time next to the cue as ordering by the calendar: no topic to place", () => {
    expect(extractTopic("第 4 个月以后学什么？")).toBeUndefined();
    expect(extractTopic("what comes after month 3?")).toBeUndefined();
    expect(extractTopic("过了第三周之后呢")).toBeUndefined();
    // A topic beside the time asked stays the topic.
    expect(extractTopic("学完量化之后要学几个月？")).toBe("量化");
  });
});

describe("a demonstrative after the topic ('X 那段', 'X 这部分')", () => {
  it("points at the part the topic names: the topic is what comes before it", () => {
    expect(extractTopic("数据清洗跟标注那段学完之后学啥")).toBe("数据清洗跟标注");
    expect(extractTopic("向量检索这部分学完了下一步干嘛")).toBe("向量检索");
    expect(extractTopic("评估那个阶段之后是什么")).toBe("评估");
    // Nothing before it: the demonstrative stays the topic.
    expect(extractTopic("这个阶段学什么")).toBe("这个阶段");
  });
});

describe("asksForTotal", () => {
  it("tells a question about the whole path from one about a stage", () => {
    expect(asksForTotal("全部学完大概要多久？")).toBe(true);
    expect(asksForTotal("这份路线总共要几个月")).toBe(true);
    expect(asksForTotal("How long does it take in total?")).toBe(true);
    expect(asksForTotal("入门阶段要多久？")).toBe(false);
  });
});

describe("contentSegments", () => {
  // What the question reads as, piece by piece (a kept run of units taken at once, whitespace inside
  // a run kept as written, Latin words without trailing dots, a unit outside the BMP kept whole):
  // the values of the piece-by-piece reading this replaced.
  it.each([
    ["学完 LoRA 之后该学什么?", ["LoRA"]],
    ["Transformer  架构\t和 RAG，怎么学。", ["Transformer  架构", "RAG"]],
    ["v1.2. 之后 C++ 和 C# 呢", ["v1.2", "C++", "C#"]],
    ["what comes after fine-tuning...?", ["fine-tuning"]],
    ["踩了很多坑😀的 深度学习 入门资料", ["踩了很多坑😀", "深度学习 入门资料"]],
    ["大模型 stage", ["大模型"]],
    // The trailing noun in any case, ſ read as s (as the pattern's `iu` folds it); a segment ending
    // otherwise keeps its words ("RAG stagey").
    ["RAG STAGES 之后 LoRA Step 之后 Agent ſtepſ 之后 RAG stagey 之后 RAG Parts", ["RAG", "LoRA", "Agent", "RAG stagey", "RAG"]],
    ["  前面 。 后面  ", []],
    // A tag quoted in 【】 keeps its filler characters (看 alone is a question word).
    ["那个【必看】是什么意思", ["那个", "必看", "意思"]],
  ])("%j → %j", (question, segments) => {
    expect(contentSegments(question)).toEqual(segments);
  });
});

describe("contentSegmentsWithout", () => {
  /** The text without the spans, each left as one space: what abstention.ts read before. */
  const without = (question: string, spans: readonly Span[]) => {
    let rest = "";
    let position = 0;
    for (const span of spans) {
      rest += `${question.slice(position, span.start)} `;
      position = span.end;
    }
    return rest + question.slice(position);
  };
  const spansOf = (question: string, ...parts: string[]) =>
    parts.map((part) => ({ start: question.indexOf(part), end: question.indexOf(part) + part.length }));

  // A Latin word or a filler phrase stops where a span starts; a span stands for one space.
  it.each([
    ["abc-def 入门资料", ["def"], ["abc-  入门资料"]],
    ["v1.2.3 怎么学", [".3"], ["v1.2"]],
    ["资料怎么样子", ["样子"], ["资料"]],
    ["深度 XY 模型 资料", ["XY"], ["深度   模型 资料"]],
    ["XY深度学习", ["XY"], ["深度学习"]],
  ])("%j without %j → %j, as the text without them reads", (question, parts, segments) => {
    const spans = spansOf(question, ...parts);
    expect(contentSegmentsWithout(question, spans)).toEqual(segments);
    expect(contentSegments(without(question, spans))).toEqual(segments);
  });

  it("reads a question's glossary terms and learners' phrases away from the spans as the text without them does", () => {
    for (const question of [
      "学完 LoRA 之后 RAG 的入门资料",
      "数据清洗 应该在哪个阶段学?",
      "mixed precision 和 RAG 有什么推荐的入门资料?",
    ]) {
      const spans = findGlossaryMatches(question, { learnerPhrases: false }).filter((m) => !isFiller(m.surface));
      expect(spans.length).toBeGreaterThan(0);
      expect(contentSegmentsWithout(question, spans)).toEqual(contentSegments(without(question, spans)));
    }
  });

  it("leaves a learners' phrase around a span to the text without it (undefined)", () => {
    const question = "how do i keep a chatbot from making stuff up?";
    const spans = findGlossaryMatches(question, { learnerPhrases: false }).filter((m) => !isFiller(m.surface));
    expect(contentSegmentsWithout(question, spans)).toBeUndefined();
  });
});
