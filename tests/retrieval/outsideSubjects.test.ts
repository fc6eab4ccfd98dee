/**
 * Subjects outside the field (outsideSubjects.ts), with questions written for this test: the
 * built table, how a question's words are read against it, and the confidence it leads to on the
 * bundled corpus.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { confidenceOf, confidenceSignals, decideConfidence } from "../../src/retrieval/confidence.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import { isFieldLatinWord } from "../../src/retrieval/offFieldSubject.js";
import { appositiveSubjects, outsideSubjectsIn, outsideSubjectsTable } from "../../src/retrieval/outsideSubjects.js";
import tableData from "../../src/retrieval/outsideSubjects.json" with { type: "json" };
import { useBundledTestIndex } from "../support/buildTestIndex.js";

describe("outsideSubjects.json", () => {
  it("is the table the source lexicon gives (run scripts/build-outside-subjects.ts after changing either)", () => {
    const built = outsideSubjectsTable();
    expect(tableData.zh).toEqual(built.zh);
    expect(tableData.en).toEqual(built.en);
  }, 30_000);
});

describe("outsideSubjectsIn", () => {
  it("finds a subject of everyday life, in Chinese of either script or in English", () => {
    expect(outsideSubjectsIn("红烧肉需要准备哪些调料？")).toContain("红烧肉");
    expect(outsideSubjectsIn("健身房年卡值得办吗")).toContain("健身房");
    expect(outsideSubjectsIn("My cat keeps scratching the sofa, any tips?")).toContain("sofa");
  });

  it("finds a subject next to computing from the neighbouring domains' lexicon (outsideNeighbours.source.jsonl)", () => {
    // Questions written for this test.
    expect(outsideSubjectsIn("组装电脑的时候CPU散热器怎么选")).toContain("CPU散热器");
    expect(outsideSubjectsIn("家里的智能音箱老是听不懂我说话")).toContain("智能音箱");
    expect(outsideSubjectsIn("Which 3D printer is good for a beginner maker?")).toContain("3d printer");
  });

  it("finds a field word in another sense from the everyday-senses lexicon (outsideSenses.source.jsonl)", () => {
    // Questions written for this test: a microscope's fine-focus knob, a bank card activated, a SIM card.
    expect(outsideSubjectsIn("显微镜的微调旋钮拧不动了怎么办")).toContain("微调旋钮");
    expect(outsideSubjectsIn("新办的信用卡激活要带身份证吗")).toContain("信用卡激活");
    expect(outsideSubjectsIn("Is a power transformer humming normal?")).toContain("power transformer");
  });

  it("finds a school subject by its bare name, physics too", () => {
    expect(outsideSubjectsIn("初二物理总是学不会怎么办")).toContain("物理");
    expect(outsideSubjectsIn("高中物理學要怎麼補")).toContain("物理学");
  });

  it("reads a Chinese subject whole inside one token, never across two", () => {
    // "考多益" is one token holding 多益; 手作 straddles 练手|作品.
    expect(outsideSubjectsIn("明年想考多益，要准备多久")).toContain("多益");
    expect(outsideSubjectsIn("推荐做什么练手作品")).toEqual([]);
  });

  it("reads a token alike however often it comes back (its subjects inside are remembered per token)", () => {
    const first = outsideSubjectsIn("明年想考多益，要准备多久");
    expect(outsideSubjectsIn("推荐做什么练手作品")).toEqual([]);
    expect(outsideSubjectsIn("明年想考多益，要准备多久")).toEqual(first);
    expect(outsideSubjectsIn("考多益还是考雅思")).toContain("多益");
    // A subject a token is (not only holds) is found as a run of tokens, not inside it.
    expect(outsideSubjectsIn("多益")).toEqual(["多益"]);
  });

  it("leaves the learner's own trade or studies, said of themselves", () => {
    expect(outsideSubjectsIn("我是念会计的，想学大模型，从哪开始？")).toEqual([]);
    expect(outsideSubjectsIn("I'm an accountant, how do I start learning LLMs?")).toEqual([]);
    // The English of 我学的是 / 我念的是.
    expect(outsideSubjectsIn("I majored in nursing, can I still get into machine learning?")).toEqual([]);
    expect(outsideSubjectsIn("I studied accounting. Where would someone like me begin?")).toEqual([]);
    // Studies not said of oneself are a subject.
    expect(outsideSubjectsIn("Which accounting textbook covers depreciation best?")).toContain("accounting");
  });

  it("finds the short head words that name a subject (the second lexicon), git too, which the corpus holds only in github.com", () => {
    expect(outsideSubjectsIn("下个月想开始跑步，有没有适合新手的计划")).toContain("跑步");
    expect(outsideSubjectsIn("git stash 之后东西找不回来了怎么办")).toContain("git");
  });

  it("leaves English words that common Chinese words gloss ('keep', 'foundation')", () => {
    expect(outsideSubjectsIn("I keep forgetting what comes after the foundation stage")).toEqual([]);
  });
});

describe("a subject outside the field on the bundled corpus", () => {
  const built = useBundledTestIndex();
  const retriever = () =>
    new HybridRetriever({ index: () => built().snapshot, k: 5, maxChunksPerSection: 2, abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD });

  it("is low at best when the passages share no field word with it", async () => {
    const question = "红烧肉需要准备哪些调料？";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toContain("红烧肉");
    expect(confidenceOf(question, result)).not.toBe("high");
  });

  it("is low though a name in the corpus shares a Latin word with it (exam: Kaggle's LLM Science Exam)", async () => {
    const question = "My chemistry exam is on Friday, how should I revise the periodic table?";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects?.length).toBeGreaterThan(0);
    expect(confidenceOf(question, result)).not.toBe("high");
  });

  it("is low though the learner asks for a plan in stages (阶段 is the roadmaps' word, not the subject's)", async () => {
    for (const question of [
      "Thinking of picking up pottery this winter, is there a step-by-step plan for someone starting from zero?",
      "想学钢琴，有没有分阶段的练习计划？",
    ]) {
      const result = await retriever().retrieve(question);
      expect(result.outsideSubjects?.length, question).toBeGreaterThan(0);
      expect(confidenceOf(question, result), question).not.toBe("high");
    }
  });

  it("is not low when the roadmap the question names leads the answer: the subject is the learner's situation", async () => {
    // 翻墙 is an everyday word outside the field; the question asks what the GitHub reading list requires.
    const question = "那份GitHub上的阅读清单说开始前要准备什么？要会翻墙吗？";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toContain("翻墙");
    expect(confidenceSignals(question, result).namedRoadmapLeads).toBe(true);
    expect(decideConfidence(confidenceSignals(question, result))).toBe("high");
  });

  it("reads a field word the subject qualifies as the subject's (毕业论文 is no paper of the field)", async () => {
    const question = "毕业论文的致谢部分一般怎么写？";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toContain("毕业");
    expect(confidenceOf(question, result)).not.toBe("high");
  });

  it("is no subject when it says what kind of thing a corpus name is (openrouter那个网站: that website)", async () => {
    const question = "openrouter那个网站是干啥的";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toBeUndefined();
    expect(confidenceOf(question, result)).toBe("high");
    // A name the corpus never uses lends it nothing: the website stays the subject.
    expect(appositiveSubjects("Etsy那个网站怎么开店", ["网站", "开店"], () => false)).toEqual([]);
    expect(appositiveSubjects("Kaggle 這個網站好用嗎", ["网站"], (name) => name === "kaggle")).toEqual(["网站"]);
  });

  it("reads a field word inside the subject's own words as the subject's (a distillation flask is no model distillation)", async () => {
    // Written for this test: 蒸馏 and 微调 in their everyday senses, with the field's word inside the subject.
    for (const question of ["实验课上减压蒸馏的装置怎么搭？", "显微镜的微调旋钮拧不动了怎么办"]) {
      const result = await retriever().retrieve(question);
      expect(result.outsideSubjects?.length, question).toBeGreaterThan(0);
      expect(confidenceOf(question, result), question).not.toBe("high");
    }
    // The field's own sense stays the field's.
    const question = "大模型蒸馏一般要准备什么数据？";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toBeUndefined();
  });

  it("does not touch a question of the field that mentions one in passing", async () => {
    // 周报 is an office word, but 大模型 and 论文 are the field's: the passages answer it.
    const question = "想每周读几篇大模型论文，有没有推荐的周报？";
    const result = await retriever().retrieve(question);
    expect(result.outsideSubjects).toBeUndefined();
  });
});

describe("a Latin word as the field's own (isFieldLatinWord)", () => {
  it("is a one-word English name of the glossary, not any Latin word the corpus holds", () => {
    expect(isFieldLatinWord("lora")).toBe(true);
    expect(isFieldLatinWord("rag")).toBe(true);
    // The corpus holds "exam" (a Kaggle competition's name) and "git" (github.com), but they are not the field's words.
    expect(isFieldLatinWord("exam")).toBe(false);
    expect(isFieldLatinWord("git")).toBe(false);
  });
});
