import { describe, expect, it } from "vitest";
import {
  looksLikeFollowUp,
  pointsAtDocument,
  pointsAtStage,
  startsOwnSubject,
  withoutSequenceWords,
} from "../../src/answering/followUpCues.js";

describe("looksLikeFollowUp", () => {
  it("recognises short follow-ups in both languages", () => {
    for (const q of ["那之后呢?", "那 RAG 呢？", "它之前要学什么", "and after that?", "what about RAG?", "How long does it take?"]) {
      expect(looksLikeFollowUp(q), q).toBe(true);
    }
  });
  it("reads several short questions typed as one as a follow-up when none names anything of its own", () => {
    for (const q of ["看完那个以后呢？接下来该看什么？", "好的。那再往后呢？后面还要学啥？", "ok. and after that? what do I do next?"]) {
      expect(looksLikeFollowUp(q), q).toBe(true);
    }
    // A clause that names a stage, a roadmap or a term of its own starts from it, not from the conversation.
    for (const q of ["那最后那个部署上线阶段呢？大概要花多长时间？", "GitHub 上那份清单呢？里面有推荐什么课程吗？"]) {
      expect(looksLikeFollowUp(q), q).toBe(false);
    }
  });
  it("reads 'which of those' / 'among them' as pointing back, in a longer English question too", () => {
    expect(looksLikeFollowUp("Which of those would take the least time to get through if I only have weekends?")).toBe(true);
    expect(looksLikeFollowUp("Among them, which one does the author like best and why does he say so?")).toBe(true);
    expect(looksLikeFollowUp("Which of the roadmaps would take the least time to get through if I only have weekends?")).toBe(false);
  });

  it("reads 这一段 / 那一段 as pointing back at the stage the conversation is on", () => {
    for (const q of ["这一段之后要接着学哪一段？", "那一段大概要学多久"]) expect(looksLikeFollowUp(q), q).toBe(true);
    // A longer question that opens on "this stage" asks of it; "这段话", "这段时间" are no stage.
    expect(looksLikeFollowUp("这段学完要达到哪几条评估标准？")).toBe(true);
    expect(looksLikeFollowUp("这段时间想系统学一下大模型微调，从哪开始？")).toBe(false);
  });
  it("reads a verb asked again (又, 还, 也) and an acknowledgement before a follow-up", () => {
    for (const q of ["数据方面又推荐了哪些？", "工具那块还提到了啥", "cool, and for RAG?", "好的，然后 LangChain"]) {
      expect(looksLikeFollowUp(q), q).toBe(true);
    }
    for (const q of ["入门阶段推荐了哪些书？", "nice guide, which book first?"]) expect(looksLikeFollowUp(q), q).toBe(false);
  });
  it("does not treat standalone questions as follow-ups", () => {
    for (const q of ["学完 LoRA 之后该学什么?", "which book should I read for deep learning?", "大模型学习路线分为哪几个阶段"]) {
      expect(looksLikeFollowUp(q), q).toBe(false);
    }
  });
});

describe("pointsAtDocument", () => {
  it("reads words that point at a document or a stage without naming it", () => {
    for (const question of [
      "那篇文章里还推荐了哪些书？",
      "同一份清單裡有講 Agent 的嗎？",
      "文中提到用什么工具部署？",
      "它说要先学什么？",
      "这个阶段要学多久？",
      "and which courses does that same guide pair with it?",
      "Does it say how long the course takes?",
      "what else is listed in there?",
      "and the Li Hongyi one, what's its title there?",
    ])
      expect(pointsAtDocument(question), question).toBe(true);
  });

  it("does not read a book, an item or a topic of its own as a document", () => {
    for (const question of [
      "那本书有多少页？",
      "is that one recent or older?",
      "RAG 和微调有什么区别？",
      "那下一篇呢？",
      "What is LoRA?",
      "Is there?",
      "how do I get there?",
    ])
      expect(pointsAtDocument(question), question).toBe(false);
  });
});

describe("pointsAtStage", () => {
  it("reads a demonstrative before a stage word, not a stage named or counted", () => {
    for (const question of ["那一段要做几个项目？", "what do I build in that phase?"]) expect(pointsAtStage(question), question).toBe(true);
    for (const question of ["第三阶段要做几个项目？", "which of the five phases is hardest?"])
      expect(pointsAtStage(question), question).toBe(false);
  });
});

describe("startsOwnSubject", () => {
  it("is a change of subject that points nowhere back", () => {
    expect(startsOwnSubject("顺便问一下，考研和工作哪个更好？")).toBe(true);
    // A pronoun, a stage by its place or a pointer at the document still point back.
    expect(startsOwnSubject("顺便问一下，它一般要多久？")).toBe(false);
    expect(startsOwnSubject("btw, what's in the second stage?")).toBe(false);
    expect(startsOwnSubject("对了，那篇文章还推荐别的书吗？")).toBe(false);
  });
});

describe("withoutSequenceWords", () => {
  it("leaves what a question says besides its before/after words", () => {
    expect(withoutSequenceWords("量化之后该学什么")).toBe("量化");
    expect(withoutSequenceWords("and what comes after that for agents?")).not.toMatch(/after that/u);
    // "first" of an ordinal stays: it names the stage.
    expect(withoutSequenceWords("the first stage, and then?")).toContain("first stage");
  });
});
