import { describe, expect, it } from "vitest";
import { GLOSSARY } from "../../src/retrieval/glossary.js";
import { namesFieldSubject, studiedThings } from "../../src/retrieval/studiedThing.js";

const words = (question: string) => studiedThings(question).map((thing) => thing.word);

describe("studiedThings", () => {
  it("reads the word before a word of the learner's level, and after a verb of studying", () => {
    expect(words("我是陶艺新手，先买什么工具？")).toContain("陶艺");
    expect(words("想学钢琴，有没有入门教程")).toContain("钢琴");
  });

  it("reads past a verb of doing after the verb of studying, and a level word jieba cuts in two", () => {
    expect(words("学做川菜有没有从入门到进阶的路线？")).toContain("川菜");
    expect(words("想学弹吉他，先看什么书")).toContain("吉他");
    expect(words("健身小白第一个月怎么安排")).toContain("健身");
    expect(words("我本科是学做会计的")).toEqual([]);
  });

  it("does not read a pronoun, an adverb, or what the learner studied before as what they study", () => {
    expect(words("那篇入门之前要准备什么")).toEqual([]);
    expect(words("整个学习大概要花几个月")).toEqual([]);
    expect(words("我本科是学法律的，能看懂吗")).toEqual([]);
  });

  it("reads the English frames, skipping determiners and a verb of doing", () => {
    expect(words("Is there a roadmap for learning to play the violin?")).toEqual(["violin"]);
    expect(words("I'm new to knitting, where should I begin?")).toEqual(["knitting"]);
    expect(words("Which book helps a beginner get into gardening?")).toEqual(["gardening"]);
  });

  it("does not read a bare 'learn X': a skill of the field is often asked in everyday words", () => {
    expect(words("Where would I learn how to split long texts into pieces?")).toEqual([]);
  });

  it("locates each word in the question", () => {
    const question = "Any intro to pottery?";
    const [thing] = studiedThings(question);
    expect(question.slice(thing!.start, thing!.start + thing!.word.length)).toBe("pottery");
  });
});

describe("namesFieldSubject", () => {
  const entry = (english: string) => GLOSSARY.find((e) => e.en[0] === english)!;

  it("tells the field's concepts from the study genre's entries", () => {
    expect(namesFieldSubject(entry("large language model"))).toBe(true);
    expect(namesFieldSubject(entry("fine-tuning"))).toBe(true);
    expect(namesFieldSubject(entry("book"))).toBe(false);
    expect(namesFieldSubject(entry("beginner"))).toBe(false);
    expect(namesFieldSubject(entry("roadmap"))).toBe(false);
  });
});
