import { describe, expect, it } from "vitest";
import { unknownNames } from "../../src/retrieval/unknownNames.js";

const corpusWords = new Set(["新手", "pytorch", "deep", "learning", "ai", "课程"]);
const used = (token: string) => corpusWords.has(token);

describe("unknownNames", () => {
  it("finds capitalised names the corpus never uses, in Chinese and English questions", () => {
    expect(unknownNames("React 和 Vue 哪个适合新手？", used)).toEqual(["React", "Vue"]);
    expect(unknownNames("Is it worth learning Rust before PyTorch?", used)).toEqual(["Rust"]);
    expect(unknownNames("How do I center a div in CSS?", used)).toEqual(["CSS"]);
  });

  it("leaves out sentence starts, months, I, glossary terms and what the corpus uses", () => {
    expect(unknownNames("Should I start with PyTorch?", used)).toEqual([]);
    expect(unknownNames("the post from September 2024, what does it say?", used)).toEqual([]);
    expect(unknownNames("RAG 和微调哪个适合新手", used)).toEqual([]);
    // Every part of the name is a corpus word.
    expect(unknownNames("Is the DeepLearning.AI course free?", used)).toEqual([]);
    expect(unknownNames("what about lowercase words like kubernetes", used)).toEqual([]);
    // A lone capital letter names nothing: Q&A, plan B.
    expect(unknownNames("where do they build a Q&A bot with PyTorch, and is there a plan B?", used)).toEqual([]);
    // A glossary term inside a loose learners' match still shields ("PM" is the glossary's product manager).
    expect(unknownNames("我是一个PM，想看讲 AI 的书", used)).toEqual([]);
    // A possessive is no part of the name: PyTorch's is PyTorch.
    expect(unknownNames("Is PyTorch's tutorial enough?", used)).toEqual([]);
    expect(unknownNames("Is Rust's borrow checker hard?", used)).toEqual(["Rust"]);
  });

  it("reads an opening one-word sentence as an interjection, a month joined to a year as a date, and digits as part of a name", () => {
    expect(unknownNames("Nice. Is there a PyTorch course for beginners?", used)).toEqual([]);
    expect(unknownNames("Thanks! and is Rust needed?", used)).toEqual(["Rust"]);
    expect(unknownNames("the Sept-2024 post: which course does it pick?", used)).toEqual([]);
    // A name starting with digits is checked whole ("3Blue1Brown", not "Blue1Brown").
    expect(unknownNames("3Blue1Brown 的视频适合新手吗", (t) => t === "3blue1brown" || used(t))).toEqual([]);
    expect(unknownNames("3Blue1Brown 的视频适合新手吗", used)).toEqual(["3Blue1Brown"]);
  });

  it("finds the thing an English request asks to have recommended, when the corpus never names it", () => {
    const words = new Set(["book", "course", "learning", "deep", "coding"]);
    const known = (token: string) => words.has(token);
    expect(unknownNames("Can you recommend a good mechanical keyboard for coding?", known)).toEqual(["keyboard"]);
    expect(unknownNames("any good sourdough bread recipe for a beginner?", known)).toEqual(["recipe"]);
    expect(unknownNames("What's a good beginner recipe for sourdough bread?", known)).toEqual(["recipe"]);
    // A misspelt kind of resource is a kind still, not a thing's name; a real thing stays one.
    expect(unknownNames("any good beginner artical about RAG?", known)).toEqual([]);
    expect(unknownNames("a good vidoe for agents?", known)).toEqual([]);
    expect(unknownNames("any good sourdough bred?", known)).toEqual(["bred"]);
    // The particles closing a request in the Englishes of Singapore, Malaysia, the Philippines or Nigeria name nothing.
    expect(unknownNames("Which course the guide recommend apa ah?", known)).toEqual([]);
    expect(unknownNames("can recommend good keyboard lah?", known)).toEqual(["keyboard"]);
    expect(unknownNames("recommend one good book po?", known)).toEqual([]);
    // A kind of resource (an explainer, a walkthrough), a way of doing (a routine, tips), a participle after the
    // thing and a clause after "suggest" name no thing; a reader addressed before a comma ("Oga, …") is none either.
    expect(unknownNames("is there a good explainer on squeezing models?", known)).toEqual([]);
    expect(unknownNames("does the guide suggest any routine?", known)).toEqual([]);
    expect(unknownNames("the best book written for beginners?", known)).toEqual([]);
    expect(unknownNames("what does it suggest I keep doing to stay sharp?", known)).toEqual([]);
    expect(unknownNames("Oga, which course the list call the best?", known)).toEqual([]);
    expect(unknownNames("Any good sourdough starter?", known)).toEqual(["starter"]);
    // A thing the corpus names, a verb's complement or a pronoun is no unknown thing.
    expect(unknownNames("Can you recommend a good book for deep learning?", known)).toEqual([]);
    expect(unknownNames("Which stores does it suggest pairing with RAG?", known)).toEqual([]);
    expect(unknownNames("Which book does it call the best one so far?", known)).toEqual([]);
    expect(unknownNames("What is private deployment good for?", known)).toEqual([]);
    // Nor is a good time, nor a kind of resource: those are what the documents list.
    expect(unknownNames("Why is now a good moment to start?", known)).toEqual([]);
    // A greeting asks for nothing.
    expect(unknownNames("Good day. Which book comes first?", known)).toEqual([]);
    expect(unknownNames("good morning! any good course for deep learning?", known)).toEqual([]);
    expect(unknownNames("Hi, which book comes first?", known)).toEqual([]);
    // A file format before a word for a document says what kind of file it is.
    expect(unknownNames("In the Markdown guide, which book comes first?", known)).toEqual([]);
    expect(unknownNames("怎么把 PDF 转成 Markdown？", known)).toEqual(["PDF", "Markdown"]);
    // A Chinese request for a thing named in English.
    expect(unknownNames("有没有推荐什么 study app 帮我记时间？", known)).toEqual(["app"]);
    expect(unknownNames("推荐几个 deep learning 的 course 吗", known)).toEqual([]);
    // A name before the comma is still one.
    expect(unknownNames("Svelte, which stage covers it?", known)).toEqual(["Svelte"]);
    // A word in plain title case alone before the comma, with nothing after referring back to it, is the
    // reader addressed or the turn opened, in any English (Kak, Grand, Kuya): no name. A name's own capitals stay one.
    expect(unknownNames("Kak, in the seven-stage guide which libraries do I need sih?", known)).toEqual([]);
    expect(unknownNames("Grand, so how far does the history go?", known)).toEqual([]);
    expect(unknownNames("SvelteKit, which stage?", known)).toEqual(["SvelteKit"]);
    expect(unknownNames("What does it say about the GPT best practices page?", known)).toEqual([]);
    expect(unknownNames("whats a good animated video series to build intuition?", known)).toEqual([]);
  });

  it("reads English in brackets after a Chinese name the corpus uses as its translation, not a name", () => {
    const used = (token: string) => token.length > 0 && "动手学深度学习".includes(token);
    expect(unknownNames("Which roadmap points me to 动手学深度学习 (Dive into Deep Learning)?", used)).toEqual([]);
    expect(unknownNames("有没有推荐《动手学深度学习》（Dive into Deep Learning）", used)).toEqual([]);
    // Not after a name the corpus does not use, nor outside the brackets.
    expect(unknownNames("Which roadmap points me to 陶艺课 (Pottery Basics)?", used)).toContain("Pottery");
  });

  it("finds what a learner says they study, when it is off the field and the question names nothing of the field", () => {
    const offField = (word: string) => ["陶艺", "钢琴"].includes(word);
    expect(unknownNames("我是陶艺新手，入门该看什么书？", used, offField)).toEqual(["陶艺"]);
    expect(unknownNames("Is there a beginner roadmap for learning to play violin?", used, offField)).toEqual(["violin"]);
    // A word the field's vocabularies or the corpus name is no unknown thing.
    expect(unknownNames("我是陶艺新手，入门该看什么书？", used, () => false)).toEqual([]);
    expect(unknownNames("I'm new to coding, which course first?", (t) => used(t) || t === "coding")).toEqual([]);
    // With a concept of the field named, the thing studied is where the learner comes from.
    expect(unknownNames("钢琴新手想转行学大模型，从哪开始？", used, offField)).toEqual([]);
    expect(unknownNames("I'm new to violin but want to learn fine-tuning, where to start?", used, offField)).toEqual([]);
  });

  it("finds a Chinese place name the corpus never uses, through jieba's tagger", () => {
    expect(unknownNames("台北有没有推荐的课程？", used)).toEqual(["台北"]);
    // 东西 ("things") is tagged a place too, but is an everyday word; a place the corpus names is known.
    expect(unknownNames("新手要学的东西太多了", used)).toEqual([]);
    expect(unknownNames("北京的课程适合新手吗", (token) => used(token) || token === "北京")).toEqual([]);
    // 沾边 ("to be related") is tagged a place too, but CC-CEDICT reads it only as a verb: it names nothing.
    expect(unknownNames("热招岗位有几个跟AI沾边？", used)).toEqual([]);
  });

  it('takes no capitalized English function word for a name ("After 第一阶段…", "Any 推荐的书")', () => {
    expect(unknownNames("After 第一阶段 finish already, next stage learn what ah?", used)).toEqual([]);
    expect(unknownNames("Any 推荐的书？", used)).toEqual([]);
  });

  it("finds a snake_case identifier the corpus never uses, whatever its case", () => {
    expect(unknownNames("HNSW 的 ef_construction 参数要怎么调？", (token) => used(token) || token === "hnsw")).toEqual(["ef_construction"]);
    expect(unknownNames("max_new_tokens 设多少合适", used)).toEqual(["max_new_tokens"]);
    expect(unknownNames("top_k 是啥", (token) => used(token) || token === "top")).toEqual([]);
  });

  it("still finds a name inside a learners' phrase matched only loosely around it", () => {
    // "learn … in three months" is loosely a learners' phrase for a study plan's length; Spanish is still no subject of the corpus.
    expect(unknownNames("What's the best way to learn Spanish in three months?", used)).toEqual(["Spanish"]);
  });

  it("reads a request for a thing in any case, with the case-insensitive Unicode reading (ſ is an s)", () => {
    expect(unknownNames("any good keyboard for coding?", used)).toEqual(["keyboard"]);
    expect(unknownNames("any GOOD keyboard for coding?", used)).toEqual(["GOOD", "keyboard"]);
    expect(unknownNames("any ſolid keyboard?", used)).toEqual(["keyboard"]);
    expect(unknownNames("学完 LoRA 之后该学什么?", used)).toEqual([]);
  });
});
