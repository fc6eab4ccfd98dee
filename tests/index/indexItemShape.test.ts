import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  chunkSchema,
  documentSchema,
  hasChunkShape,
  hasDocumentShape,
  hasResourceShape,
  resourceSchema,
} from "../../src/index/indexSchemas.js";

/**
 * hasChunkShape, hasDocumentShape and hasResourceShape are the schemas checked by hand (loadIndex
 * reads chunks.json, documents.json and resources.json with them first): they must accept the same
 * items. Each valid item below is also changed field by field, at every depth, into the values a
 * file could hold instead (missing, null, another type, an empty string, 0, −1, 1.5, an infinite
 * number from `1e999`, an integer past 2^53, an unknown enum value), and each verdict is compared.
 */
const link = { text: "LoRA 论文", url: "https://arxiv.org/abs/2106.09685", line: 12 };
const linkedFrom = { docId: "d1", source: "roadmaps/a.txt", title: "学习路线", headingPath: ["一、基础"], line: 3 };

const chunk = {
  id: "c1",
  docId: "d1",
  source: "roadmaps/a.txt",
  title: "学习路线",
  kind: "roadmap",
  headingPath: ["一、基础", "1. 数学"],
  sectionIndex: 0,
  text: "线性代数与概率论",
  startLine: 4,
  endLine: 9,
  links: [link],
  linkedFrom: [linkedFrom],
  url: "https://example.org/a",
};

const document = {
  id: "d1",
  source: "roadmaps/a.txt",
  kind: "note",
  title: "学习路线",
  metadata: {
    date: "2024-09-05",
    tags: ["大模型"],
    categories: ["AI"],
    description: "路线",
    sourceUrl: "https://example.org/a",
    fetchedAt: "2026-12-01",
    platform: "csdn",
  },
  text: "# 学习路线\n",
  lineCount: 103,
  contentHash: "974e",
  outline: [
    { index: 0, heading: "一、基础", level: 1, headingPath: ["一、基础"], startLine: 2, endLine: 5 },
    { index: 1, heading: "1. 数学", level: 2, headingPath: ["一、基础", "1. 数学"], startLine: 3, endLine: 5, parent: 0 },
  ],
  links: [link],
  linkedFrom: [linkedFrom],
  card: { startLine: 2, endLine: 6, text: "title: 学习路线", lines: [{ line: 2, text: "title: 学习路线", fact: "title" }] },
};

const resource = {
  title: "LoRA 论文",
  url: "https://arxiv.org/abs/2106.09685",
  docId: "d1",
  source: "roadmaps/a.txt",
  headingPath: [],
  line: 12,
};

const REPLACEMENTS: unknown[] = [
  undefined,
  null,
  "",
  "x",
  0,
  -1,
  -2,
  1.5,
  JSON.parse("1e999") as number,
  2 ** 53,
  true,
  [],
  ["x"],
  [1],
  {},
  "roadmap",
  "web",
  "link",
  "podcast",
];

/** The item with the value at `path` replaced (undefined: the key left out). */
function replaced(value: unknown, path: readonly (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaced(item, rest, by) : item));
  const record = value as Record<string, unknown>;
  const copy: Record<string, unknown> = { ...record, [head!]: replaced(record[head!], rest, by) };
  if (rest.length === 0 && by === undefined) delete copy[head!];
  return copy;
}

/** Every path into a value: object keys and array items, at every depth. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  return [];
}

function variants(valid: object): [string, unknown][] {
  const out: [string, unknown][] = [
    ["valid", valid],
    ["with an unknown field", { ...valid, extra: 1 }],
    ["null", null],
    ["an array", [valid]],
    ["a string", "item"],
  ];
  for (const path of pathsOf(valid))
    for (const by of REPLACEMENTS) out.push([`${path.join(".")} = ${JSON.stringify(by) ?? "missing"}`, replaced(valid, path, by)]);
  return out;
}

const cases: [string, object, (value: unknown) => boolean, z.ZodType][] = [
  ["hasChunkShape", chunk, hasChunkShape, chunkSchema],
  ["hasDocumentShape", document, hasDocumentShape, documentSchema],
  ["hasResourceShape", resource, hasResourceShape, resourceSchema],
];

describe.each(cases)("%s", (_name, valid, hasShape, schema) => {
  it("gives the schema's verdict on the valid item and on every change of one of its values", () => {
    const all = variants(valid);
    expect(all.length).toBeGreaterThan(100);
    const disagreements = all.filter(([, value]) => hasShape(value) !== schema.safeParse(value).success).map(([name]) => name);
    expect(disagreements).toEqual([]);
    // Both ways are exercised: most changes are refused, some are still valid.
    const accepted = all.filter(([, value]) => hasShape(value)).length;
    expect(accepted).toBeGreaterThan(1);
    expect(accepted).toBeLessThan(all.length / 2);
  });
});
