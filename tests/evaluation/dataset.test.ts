import { describe, expect, it } from "vitest";
import { BadInput } from "../../src/errors.js";
import { DatasetError, loadDataset, parseDataset } from "../../src/evaluation/dataset.js";

const FIXTURES = "tests/fixtures/evaluation";

async function datasetError(file: string): Promise<DatasetError> {
  const error = await loadDataset(file).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

describe("loadDataset", () => {
  it("reads JSONL with defaults and the line of each question", async () => {
    const { questions } = await loadDataset(`${FIXTURES}/small.jsonl`);
    expect(questions.map((q) => q.id)).toEqual(["lora-next", "dl-book", "rag", "bread"]);
    expect(questions.map((q) => q.line)).toEqual([1, 2, 3, 4]);
    expect(questions[1]?.gold[1]).toEqual({
      document: "roadmaps/004_b9f4f21cc5f3d063.txt",
      quote: "[《动手学深度学习》](https://zh.d2l.ai/)",
    });
    expect(questions[3]).toMatchObject({ unanswerable: true, gold: [], must_mention: [], kind: "unanswerable" });
  });

  it("reads YAML (a `questions:` list) with the line of each question", async () => {
    const { questions } = await loadDataset(`${FIXTURES}/small.yaml`);
    expect(questions.map((q) => [q.id, q.line, q.kind, q.unanswerable])).toEqual([
      ["rag", 3, "definition", false],
      ["bread", 10, "unanswerable", true],
    ]);
    expect(questions[0]?.must_mention).toEqual(["检索增强生成"]);
  });

  it("reports every JSONL problem as file:line: field: message", async () => {
    const error = await datasetError(`${FIXTURES}/bad.jsonl`);
    const lines = error.message.split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^tests\/fixtures\/evaluation\/bad\.jsonl:3: gold\[0\]\.quote: .*expected string/);
    expect(lines[1]).toMatch(/^tests\/fixtures\/evaluation\/bad\.jsonl:4: lang: .*"zh-Hans"/);
    expect(lines[2]).toBe('tests/fixtures/evaluation/bad.jsonl:5: id: duplicate id "ok" (first on line 1)');
    expect(lines[3]).toMatch(/^tests\/fixtures\/evaluation\/bad\.jsonl:6: not valid JSON/);
    expect(error.issues.map((i) => i.line)).toEqual([3, 4, 5, 6]);
    expect(error).toBeInstanceOf(BadInput);
  });

  it("points YAML errors at the line of the offending field", async () => {
    const error = await datasetError(`${FIXTURES}/bad.yaml`);
    expect(error.message).toMatch(/^tests\/fixtures\/evaluation\/bad\.yaml:8: gold\[0\]\.quote: .*expected string/);
    expect(error.issues).toHaveLength(1);
  });

  it("rejects unknown fields, contradictory flags, questions with nothing to check, and YAML syntax errors", () => {
    const yaml = "- id: a\n  question: q\n  must_mention: [x]\n  mustmention: [y]\n- id: b\n  question: q\n";
    expect(() => parseDataset("x.yaml", yaml)).toThrow(
      /x\.yaml:1: .*mustmention[\s\S]*x\.yaml:5: gold: an answerable question needs gold passages or must_mention/,
    );
    const contradiction = '{"id":"u","question":"q","unanswerable":true,"must_mention":["x"]}';
    expect(() => parseDataset("d.jsonl", contradiction)).toThrow(
      "d.jsonl:1: must_mention: an unanswerable question cannot require mentions",
    );
    expect(() => parseDataset("d.yaml", "questions: [\n")).toThrow(/^d\.yaml:\d+: /);
    expect(() => parseDataset("d.jsonl", "\n\n")).toThrow("d.jsonl:1: the dataset has no questions");
  });

  it("reads the blind-set fields: lang, classes and history (earlier user questions)", () => {
    const line =
      '{"id":"b1","question":"那之前呢？","lang":"zh-Hans","kind":"followup","classes":["followup","before"],"history":["学完微调学什么？"],"must_mention":["RAG"]}';
    const [question] = parseDataset("blind.jsonl", line).questions;
    expect(question).toMatchObject({ lang: "zh-Hans", kind: "followup", classes: ["followup", "before"], history: ["学完微调学什么？"] });
    const plain = parseDataset("d.jsonl", '{"id":"p","question":"q","must_mention":["x"]}').questions[0];
    expect(plain).toMatchObject({ lang: undefined, classes: [], history: [] });
    expect(() => parseDataset("d.jsonl", '{"id":"c","question":"q","classes":["slang"],"must_mention":["x"]}')).toThrow(
      /d\.jsonl:1: classes\[0\]: .*"colloquial"/,
    );
    expect(() => parseDataset("d.jsonl", '{"id":"h","question":"q","history":[" "],"must_mention":["x"]}')).toThrow(
      "d.jsonl:1: history[0]: must not be empty",
    );
    expect(() => parseDataset("d.jsonl", '{"id":"k","question":"q","kind":"Not A Kind","must_mention":["x"]}')).toThrow(
      /d\.jsonl:1: kind: must be a short lowercase identifier/,
    );
  });

  it("says so when the file does not exist", async () => {
    await expect(loadDataset(`${FIXTURES}/nope.jsonl`)).rejects.toThrow(`Dataset ${FIXTURES}/nope.jsonl does not exist.`);
  });
});
