import { describe, expect, it } from "vitest";
import type { TermGroup } from "../../src/retrieval/abstention.js";
import { compoundQualifiers, groupsNotInstruments, groupsNotQualifiedBy } from "../../src/retrieval/outsideQualifier.js";

const group = (label: string): TermGroup => ({ label, tokens: [label], weight: 1 });
const labels = (groups: readonly TermGroup[]) => groups.map((g) => g.label);

describe("groupsNotQualifiedBy", () => {
  it("drops a field word written right after an outside subject: the subject's kind of thing", () => {
    // A wedding speech, not the field's speech models; a Django project, not a roadmap's project.
    expect(labels(groupsNotQualifiedBy(["婚礼"], "婚礼致辞怎么写比较感人", [group("致辞"), group("感人")]))).toEqual(["感人"]);
    expect(
      labels(groupsNotQualifiedBy(["django"], "my Django project won't start, what now?", [group("project"), group("start")])),
    ).toEqual(["start"]);
    expect(labels(groupsNotQualifiedBy(["django"], "a django-project template", [group("project")]))).toEqual([]);
  });

  it("drops a field word written inside the subject's own words: the subject's sense of it", () => {
    // The smart of a smart watch and the quantity of a stock screen are not the field's.
    expect(labels(groupsNotQualifiedBy(["智能手表"], "智能手表怎么连蓝牙", [group("智能"), group("蓝牙")]))).toEqual(["蓝牙"]);
    expect(labels(groupsNotQualifiedBy(["smart watch"], "my smart watch keeps restarting", [group("smart"), group("restarting")]))).toEqual(
      ["restarting"],
    );
    // Written elsewhere too, the word is the field's as well.
    expect(labels(groupsNotQualifiedBy(["智能手表"], "智能手表上能跑智能体吗", [group("智能")]))).toEqual(["智能"]);
  });

  it("drops an English field word whose topic the subject is, through a preposition", () => {
    // Books on stocks and a roadmap for baking are the subject's books and roadmap.
    expect(
      labels(
        groupsNotQualifiedBy(["stocks"], "can you recommend beginner books on stocks?", [
          group("beginner"),
          group("books"),
          group("recommend"),
        ]),
      ),
    ).toEqual(["recommend"]);
    expect(labels(groupsNotQualifiedBy(["baking"], "is there a good roadmap for learning baking", [group("roadmap")]))).toEqual([]);
  });

  it("keeps an English field word the preposition does not tie to the subject", () => {
    // A clause between them, or the subject before the word: 股票's words are not this roadmap's.
    expect(labels(groupsNotQualifiedBy(["stocks"], "I read the roadmap, then I bought stocks", [group("roadmap")]))).toEqual(["roadmap"]);
    expect(
      labels(groupsNotQualifiedBy(["stocks"], "which LoRA tutorial should I follow before I go back to stocks", [group("lora")])),
    ).toEqual(["lora"]);
  });

  it("keeps a field word written after anything else, or also written elsewhere", () => {
    // 手机 is where the model runs: 模型 is not the phone's.
    expect(labels(groupsNotQualifiedBy(["手机"], "想在手机上跑模型", [group("模型")]))).toEqual(["模型"]);
    expect(labels(groupsNotQualifiedBy(["婚礼"], "婚礼论文和大模型论文哪个难写", [group("论文")]))).toEqual(["论文"]);
    // A Latin subject is read whole: git is not in github.
    expect(labels(groupsNotQualifiedBy(["git"], "github hub pages", [group("hub")]))).toEqual(["hub"]);
  });

  it("keeps every group when no subject is written in the question", () => {
    const groups = [group("论文")];
    expect(groupsNotQualifiedBy([], "毕业论文", groups)).toBe(groups);
    expect(labels(groupsNotQualifiedBy(["考研"], "毕业论文", groups))).toEqual(["论文"]);
  });
});

describe("compoundQualifiers", () => {
  // Words of the field here: 训练 and 项目; everything else is outside it (a test's own reading, not the corpus's).
  const offField = (word: string) => !["训练", "项目"].includes(word);

  it("reads the qualifier of a compound jieba reads as one word that ends in a field word", () => {
    // 体能训练 is physical training: 训练 there is the compound's, and 体能 qualifies it like a subject.
    const qualifiers = compoundQualifiers("军训前体能训练要怎么准备", [group("训练"), group("军训")], offField);
    expect(qualifiers).toEqual(["体能"]);
    expect(labels(groupsNotQualifiedBy(["军训", ...qualifiers], "军训前体能训练要怎么准备", [group("训练")]))).toEqual([]);
  });

  it("reads no qualifier from a question word (哪些项目), a field compound, or a field word on its own", () => {
    expect(compoundQualifiers("前面还排着哪些项目", [group("项目")], offField)).toEqual([]);
    expect(compoundQualifiers("体能训练", [group("训练")], (word) => word !== "体能训练" && offField(word))).toEqual([]);
    expect(compoundQualifiers("训练要多久", [group("训练")], offField)).toEqual([]);
  });
});

describe("groupsNotInstruments", () => {
  it("drops a word written only as the tool of the task (use …, using …, 用 …, 利用 …)", () => {
    expect(labels(groupsNotInstruments("is it ok to use chatgpt to do my taxes", [group("chatgpt"), group("taxes")]))).toEqual(["taxes"]);
    expect(labels(groupsNotInstruments("我用ChatGPT写周报", [group("chatgpt"), group("周报")]))).toEqual(["周报"]);
    expect(labels(groupsNotInstruments("利用大模型做账", [group("大模型")]))).toEqual([]);
  });

  it("keeps a word 用 only ends another word before (通用模型, 应用开发), or one also written elsewhere", () => {
    expect(labels(groupsNotInstruments("怎样让一个通用模型懂银行业务", [group("模型")]))).toEqual(["模型"]);
    expect(labels(groupsNotInstruments("应用开发要学什么", [group("开发")]))).toEqual(["开发"]);
    expect(labels(groupsNotInstruments("用RAG还是只学RAG", [group("rag")]))).toEqual(["rag"]);
  });
});
