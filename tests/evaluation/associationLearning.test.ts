import { describe, expect, it } from "vitest";
import { learnAssociations, type AssociationCorpus, type AssociationExample } from "../../src/evaluation/associationLearning.js";

// A hand-made corpus of 100 passages: field terms 私有化 (4 passages) and 部署 (60), and 服务器.
const frequencies = new Map([
  ["私有化", 4],
  ["部署", 60],
  ["服务器", 5],
]);
const corpus: AssociationCorpus = {
  frequency: (token) => frequencies.get(token) ?? 0,
  passageCount: 100,
  isFieldTerm: (token) => token === "私有化" || token === "部署",
};
const passage = (id: string, ...tokens: string[]) => ({ id, tokens: new Set(tokens) });
const example = (questionSet: string, words: string[], ...goldPassages: { id: string; tokens: Set<string> }[]): AssociationExample => ({
  questionTokens: new Set(words),
  goldPassages,
  questionSet,
});

describe("learnAssociations", () => {
  it("keeps a learner's word seen with a rare field term across question sets and passages", () => {
    const learned = learnAssociations(
      [example("a", ["机房", "模型"], passage("p1", "私有化", "部署")), example("b", ["机房"], passage("p2", "私有化", "服务器"))],
      corpus,
    );
    expect(learned).toEqual([{ word: "机房", term: "私有化", support: 2 }]);
  });

  it("drops a pair seen in one question set only (one writer's wording)", () => {
    const learned = learnAssociations(
      [example("a", ["机房"], passage("p1", "私有化")), example("a", ["机房"], passage("p2", "私有化"))],
      corpus,
    );
    expect(learned).toEqual([]);
  });

  it("drops a pair whose term sits in one passage only (a topic, not a word)", () => {
    const learned = learnAssociations(
      [example("a", ["机房"], passage("p1", "私有化")), example("b", ["机房"], passage("p1", "私有化"))],
      corpus,
    );
    expect(learned).toEqual([]);
  });

  it("drops a common term (too little lift) and words the corpus uses", () => {
    const learned = learnAssociations(
      [example("a", ["机房", "服务器"], passage("p1", "部署")), example("b", ["机房", "服务器"], passage("p2", "部署"))],
      corpus,
    );
    expect(learned).toEqual([]);
  });

  it("drops a word that goes with its term in under two thirds of its questions", () => {
    const learned = learnAssociations(
      [
        example("a", ["还是"], passage("p1", "私有化")),
        example("b", ["还是"], passage("p2", "私有化")),
        example("c", ["还是"], passage("p3", "部署")),
        example("d", ["还是"], passage("p4", "部署")),
      ],
      corpus,
    );
    expect(learned).toEqual([]);
  });

  describe("from the gold lines", () => {
    // A section of 100 passages: its heading's term 私有化 (2 passages) and an item's term 量化 (5).
    const sectionCorpus: AssociationCorpus = {
      frequency: (token) => ({ 私有化: 2, 量化: 5 })[token] ?? 0,
      passageCount: 100,
      isFieldTerm: (token) => token === "私有化" || token === "量化",
    };
    const withLines = (questionSet: string, id: string, ...lineTokens: string[]): AssociationExample => ({
      questionTokens: new Set(["压缩包"]),
      goldPassages: [passage(id, "私有化", "量化")],
      goldLines: [passage(`${id}@3`, ...lineTokens)],
      questionSet,
    });

    it("keeps the term of the line the quote stands on beside the passage's (its section's) term", () => {
      const learned = learnAssociations([withLines("a", "p1", "量化"), withLines("b", "p2", "量化")], sectionCorpus);
      expect(learned).toEqual([
        { word: "压缩包", term: "私有化", support: 2 },
        { word: "压缩包", term: "量化", support: 2 },
      ]);
    });

    it("keeps one pair when the line's term is the passage's", () => {
      const learned = learnAssociations([withLines("a", "p1", "私有化"), withLines("b", "p2", "私有化")], sectionCorpus);
      expect(learned).toEqual([{ word: "压缩包", term: "私有化", support: 2 }]);
    });

    it("learns from the passages alone when an example has no lines", () => {
      const learned = learnAssociations(
        [example("a", ["压缩包"], passage("p1", "私有化", "量化")), example("b", ["压缩包"], passage("p2", "私有化", "量化"))],
        sectionCorpus,
      );
      expect(learned).toEqual([{ word: "压缩包", term: "私有化", support: 2 }]);
    });
  });
});
