import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chinesePlaceNames, joinedRemembered, tokenizeForSearch, tokenizeJoined, tokenizeParts } from "../../src/text/tokenize.js";

describe("tokenizeForSearch", () => {
  it("cuts Chinese with jieba search mode and drops function and question words", () => {
    const tokens = tokenizeForSearch("人工智能的发展历程是什么？");
    expect(tokens).toEqual(expect.arrayContaining(["人工", "智能", "人工智能", "发展", "历程"]));
    for (const stop of ["的", "是", "什么", "？"]) expect(tokens).not.toContain(stop);
  });

  it("lowercases latin words and keeps technical names whole", () => {
    const tokens = tokenizeForSearch("GPT-4, GPT-3.5-turbo, T5, QLoRA, C++ and Llama-2-7B");
    expect(tokens).toEqual([
      "gpt-4",
      "gpt",
      "4",
      "gpt-3.5-turbo",
      "gpt",
      "3.5",
      "turbo",
      "t5",
      "qlora",
      "c++",
      "llama-2-7b",
      "llama",
      "2",
      "7b",
    ]);
  });

  it("handles Chinese and English mixed without spaces", () => {
    expect(tokenizeForSearch("学完LoRA之后该学什么")).toEqual(["学完", "lora", "之后", "该学"]);
    expect(tokenizeForSearch("Transformer架构解析")).toEqual(["transformer", "架构", "解析"]);
  });

  it("cuts URLs into meaningful pieces without scheme, www and generic host parts", () => {
    const tokens = tokenizeForSearch("[大语言模型综述](https://github.com/RUCAIBox/LLMSurvey)【必看】");
    expect(tokens).toEqual(expect.arrayContaining(["github", "rucaibox", "llmsurvey", "llm", "survey", "综述", "必看"]));
    for (const noise of ["https", "http", "www", "com"]) expect(tokens).not.toContain(noise);
    expect(tokenizeForSearch("see www.example.com/Guide?utm_source=x#top")).toEqual(["see", "example", "guide"]);
    expect(tokenizeForSearch("NLP上手教程 (github.com)")).not.toContain("com");
  });

  it("splits CamelCase only into real words, so LoRA and PyTorch stay whole", () => {
    expect(tokenizeForSearch("ChatGPT")).toEqual(["chatgpt", "chat", "gpt"]);
    expect(tokenizeForSearch("LoRA PyTorch")).toEqual(["lora", "pytorch"]);
  });

  it("keeps digits and drops English stop words and punctuation", () => {
    expect(tokenizeForSearch("Which book should I read for deep learning in 2024?!")).toEqual(["book", "read", "deep", "learning", "2024"]);
    expect(tokenizeForSearch("…，。！？—— *** ###")).toEqual([]);
    expect(tokenizeForSearch("")).toEqual([]);
  });

  it("normalises full-width letters", () => {
    expect(tokenizeForSearch("ＧＰＴ")).toEqual(["gpt"]);
  });

  // Speed is measured by `npm run bench`, never asserted here; this checks a long input works
  // (jieba is fed line by line, never one giant string).
  it("tokenizes a long real document", () => {
    const text = readFileSync(path.resolve("corpus/roadmaps/002_d16070f75922ad7f.txt"), "utf8").repeat(10);
    const tokens = tokenizeForSearch(text);
    expect(tokens.length).toBeGreaterThan(10_000);
    expect(tokens).toContain("线性代数");
  });
});

describe("tokenizeJoined", () => {
  it("gives the tokens of the parts joined by a space, in order", () => {
    const cases: string[][] = [
      ["学完 LoRA 之后该学什么?", "低秩适配", "fine-tuning", "微调"],
      ["what is RAG", "检索增强生成", "retrieval-augmented generation"],
      ["https://github.com/RUCAIBox/LLMSurvey", "综述"],
      ["两行\n的问题", "第二行\r\n", "ＧＰＴ-4"],
      ["e", "\u0301x", "人工", "智能"],
      ["", "深度学习", ""],
      [],
    ];
    for (const parts of cases) {
      // A trailing space: the same tokens under another text, so neither call finds the other's remembered result.
      const whole = tokenizeForSearch(`${parts.join(" ")} `);
      expect(tokenizeJoined(parts)).toEqual(whole);
      expect(tokenizeForSearch(parts.join(" "))).toEqual(whole);
    }
  });

  it("joinedRemembered gives the joined text, whose tokens are then those of the parts", () => {
    // Parts whose joined text no other test tokenizes: the tokens found are what joinedRemembered left.
    const parts = ["学完 QLoRA 之后呢", "量化低秩适配", "ＧＰＴ-4o"];
    const whole = tokenizeForSearch(`${parts.join(" ")}  `);
    expect(joinedRemembered(parts)).toBe(parts.join(" "));
    expect(tokenizeForSearch(parts.join(" "))).toEqual(whole);
  });

  it("hands out a copy: a caller's changes do not reach the next caller", () => {
    const parts = ["向量数据库", "vector database"];
    // A part's own tokens, changed by their caller, are not what the joined tokens are built from.
    tokenizeForSearch(parts[0]!).push("changed");
    tokenizeJoined(parts).push("changed");
    tokenizeForSearch(parts.join(" ")).push("changed");
    expect(tokenizeJoined(parts)).not.toContain("changed");
    expect(tokenizeForSearch(parts.join(" "))).not.toContain("changed");
  });
});

describe("a line's pieces", () => {
  it("are Han runs of at most 500 characters and runs of anything else up to whitespace or a Han character", () => {
    // Any whitespace ends a piece (U+2028 stays one line: only a line feed splits lines).
    expect(tokenizeForSearch("lora\u2028rag\u205fagent")).toEqual(tokenizeForSearch("lora rag agent"));
    // A long Han run reaches jieba in runs of 500 characters, as if a space stood between them.
    // 人工智能 cut at the 500th character (as 人工智 | 能…) gives other words than whole.
    const run = `学${"人工智能".repeat(150)}`;
    expect(tokenizeForSearch(run)).toEqual(tokenizeForSearch(`${run.slice(0, 500)} ${run.slice(500)}`));
    expect(tokenizeForSearch(run)).not.toEqual(tokenizeForSearch(`${run.slice(0, 499)} ${run.slice(499)}`));
    // A Han character beyond the BMP is one character of its run; a lone surrogate is no Han and no space.
    expect(tokenizeForSearch("𠮷学习rag")).toEqual([...tokenizeForSearch("𠮷学习"), "rag"]);
    expect(tokenizeForSearch("ab\uD800cd学习")).toEqual([...tokenizeForSearch("ab\uD800cd"), ...tokenizeForSearch("学习")]);
    expect(tokenizeForSearch("LoRA微调")).toEqual(["lora", ...tokenizeForSearch("微调")]);
  });
});

describe("tokenizeParts", () => {
  it("gives tokenizeJoined's tokens, for short and long joined texts, and remembers no joined text", () => {
    const long = Array.from({ length: 80 }, (_, i) => `第${i}阶段 stage-${i} 微调`);
    const cases: string[][] = [
      ["学完 LoRA 之后该学什么?", "低秩适配", "fine-tuning", "微调"],
      ["两行\n的问题", "第二行\r\n", "ＧＰＴ-4"],
      ["e", "\u0301x", "人工", "智能"],
      ["", "深度学习", ""],
      [],
      long,
    ];
    for (const parts of cases) {
      const whole = tokenizeForSearch(`${parts.join(" ")} `);
      expect(tokenizeParts(parts)).toEqual(whole);
      expect(tokenizeParts(parts)).toEqual(tokenizeJoined(parts));
    }
    // A copy each time: the caller may change it.
    const parts = ["检索增强 RAG 系统"];
    tokenizeParts(parts).push("changed");
    expect(tokenizeParts(parts)).not.toContain("changed");
    expect(tokenizeForSearch(parts[0]!)).not.toContain("changed");
  });
});

describe("remembered Latin pieces", () => {
  it("cut a piece met again in another text as they cut it the first time", () => {
    const first = tokenizeForSearch("LLMSurvey GPT-4 c++ fine-tuning, RUCAIBox/LLMSurvey?");
    expect(first).toEqual([
      "llmsurvey",
      "llm",
      "survey",
      "gpt-4",
      "gpt",
      "4",
      "c++",
      "fine",
      "tuning",
      "rucaibox",
      "rucai",
      "box",
      "llmsurvey",
      "llm",
      "survey",
    ]);
    // The same pieces (remembered now) beside Han characters and in another order.
    expect(tokenizeForSearch("读 LLMSurvey 和 c++ 还有 GPT-4")).toEqual([
      "读",
      "llmsurvey",
      "llm",
      "survey",
      "c++",
      "还有",
      "gpt-4",
      "gpt",
      "4",
    ]);
    // A piece too long to be remembered is cut the same way every time.
    const url = "https://github.com/RUCAIBox/LLMSurvey-and-more-things";
    const expected = ["github", "rucaibox", "rucai", "box", "llmsurvey", "llm", "survey", "more", "things"];
    expect(tokenizeForSearch(url)).toEqual(expected);
    expect(tokenizeForSearch(`看 ${url}`)).toEqual(["看", ...expected]);
  });

  it("hand out their tokens, not the remembered list: a caller's changes do not reach the next text", () => {
    tokenizeForSearch("QLoRA-2 问题").push("changed");
    tokenizeForSearch("QLoRA-2 问题").length = 0;
    expect(tokenizeForSearch("问 QLoRA-2")).toEqual(["问", "qlora-2", "qlora", "2"]);
  });
});

describe("chinesePlaceNames", () => {
  it("finds the same places in a remembered run as the first time, per run, in order", () => {
    for (let i = 0; i < 2; i++) {
      expect(chinesePlaceNames("台北有没有推荐的课程？")).toEqual(["台北"]);
      // Two runs, one after a Latin word: each run's places, in the text's order.
      expect(chinesePlaceNames("上海 RAG 课程，台北呢")).toEqual(["上海", "台北"]);
      // A run longer than the remembered ones is tagged as it comes.
      expect(chinesePlaceNames("我在上海工作了很多年现在想系统地学习大模型应用开发请问应该从哪里开始比较好")).toEqual(["上海"]);
      expect(chinesePlaceNames("学完 LoRA 之后该学什么")).toEqual([]);
      // A character said twice is a colloquial form the tagger may take for a place (什么东东 = what thing).
      expect(chinesePlaceNames("QLoRA 到底是什么东东啊")).toEqual([]);
      // 蚌埠住了 is the internet's 绷不住了, a city's name only for its sound; the city itself is one.
      expect(chinesePlaceNames("分布式训练用啥框架啊 蚌埠住了")).toEqual([]);
      expect(chinesePlaceNames("蚌埠有大模型的线下课吗")).toEqual(["蚌埠"]);
    }
  });

  it("gives each caller its own list", () => {
    const first = chinesePlaceNames("台北有没有推荐的课程");
    first.push("北京");
    expect(chinesePlaceNames("台北有没有推荐的课程")).toEqual(["台北"]);
  });
});
