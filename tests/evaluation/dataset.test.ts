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
    expect(questions[1]?.gold[1]).toEqual({ document: "roadmaps/004_b9f4f21cc5f3d063.txt", quote: "[《动手学深度学习》](https://zh.d2l.ai/)" });
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
    expect(lines[1]).toMatch(/^tests\/fixtures\/evaluation\/bad\.jsonl:4: kind: .*"sequence"/);
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
    expect(() => parseDataset("x.yaml", yaml)).toThrow(/x\.yaml:1: .*mustmention[\s\S]*x\.yaml:5: gold: an answerable question needs gold passages or must_mention/);
    const contradiction = '{"id":"u","question":"q","unanswerable":true,"must_mention":["x"]}';
    expect(() => parseDataset("d.jsonl", contradiction)).toThrow("d.jsonl:1: must_mention: an unanswerable question cannot require mentions");
    expect(() => parseDataset("d.yaml", "questions: [\n")).toThrow(/^d\.yaml:\d+: /);
    expect(() => parseDataset("d.jsonl", "\n\n")).toThrow("d.jsonl:1: the dataset has no questions");
  });

  it("says so when the file does not exist", async () => {
    await expect(loadDataset(`${FIXTURES}/nope.jsonl`)).rejects.toThrow(`Dataset ${FIXTURES}/nope.jsonl does not exist.`);
  });
});
