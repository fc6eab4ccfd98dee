import { describe, expect, it } from "vitest";
import type { AnswerResult, Citation } from "../../src/answering/types.js";
import { answerResponseBody } from "../../src/http/answerBody.js";
import { answerResponseSchema } from "../../src/http/contract/answers.js";
import { toAnswerResponse } from "../../src/http/responseMapping.js";
import { compileResponseSerializer } from "../../src/http/responseSerializer.js";

const contract = compileResponseSerializer(answerResponseSchema);

function citation(id: string, text: string, extra: Partial<Citation> = {}): Citation {
  return {
    n: 1,
    id,
    docId: `doc-${id}`,
    source: `roadmaps/${id}.md`,
    title: `标题 "${id}"`,
    headingPath: ["第一阶段", 'quote " and \\ backslash'],
    lines: { start: 3, end: 9 },
    text,
    role: "match",
    ...extra,
  };
}

const citations = [
  citation("a1", "LoRA 微调\n\t“引号” \u2028 line sep, emoji 🚀, control \u0001"),
  // Text holding what a citation is cut at: the cuts must still be the fields'.
  citation("b2", 'text with ,"role":"match", and {"n":1, inside', { url: 'https://example.org/a?b=1&c="2"' }),
  citation("c3", "", {
    headingPath: [],
    title: "",
    role: "linked-note",
    linkedFrom: [
      { title: '学习路径 "x"', headingPath: ["第二阶段"] },
      { title: "", headingPath: [] },
    ],
  }),
];

function result(cited: Citation[], extra: Partial<AnswerResult> = {}): AnswerResult {
  return {
    answer: '（离线模式）\n- 一句 "quoted" ,"citations":[] [1]',
    citations: cited,
    abstained: false,
    confidence: "low",
    mode: "extractive",
    language: "zh",
    standaloneQuestion: "LoRA 之后学什么?",
    removedCitations: 0,
    timings: { retrieveMs: 3, generateMs: 1 },
    ...extra,
  };
}

/** The body is the contract serializer's output, as its UTF-8 bytes. */
function expectContractBytes(answer: AnswerResult): void {
  const body = answerResponseBody(answer);
  expect(Buffer.isBuffer(body)).toBe(true);
  expect(body.toString("utf8")).toBe(contract(toAnswerResponse(answer)));
  expect(body.equals(Buffer.from(contract(toAnswerResponse(answer)), "utf8"))).toBe(true);
}

const numbered = (list: Citation[], roles: Citation["role"][] = []) =>
  list.map((c, i) => ({ ...c, n: i + 1, ...(roles[i] ? { role: roles[i] } : {}) }));

describe("answerResponseBody", () => {
  it("writes the contract serializer's bytes for any citations, numbers, roles and orders", () => {
    const roles: Citation["role"][] = ["next-section", "previous-section", "match", "linked-note"];
    for (let round = 0; round < 4; round++) {
      const cited = numbered([...citations.slice(round % 3), ...citations.slice(0, round % 3)], roles.slice(round));
      const answer = result(cited, round === 1 ? { fallback: true, roadmap: roadmap() } : {});
      expectContractBytes(answer);
    }
    const abstained = result([], { abstained: true, confidence: "none" });
    expectContractBytes(abstained);
  });

  it("writes two-digit numbers and a passage cited twice in one answer at the right bytes", () => {
    const cited = [...citations, citations[0]!].map((c, i) => ({ ...c, n: 9 + i }));
    expectContractBytes(result(cited));
    expectContractBytes(result(cited.map((c) => ({ ...c, n: c.n * 11 }))));
  });

  it("writes a citation again when its passage changed under the same id (a new index version)", () => {
    const before = result(numbered([citations[0]!]));
    expectContractBytes(before);
    for (const changed of [
      { text: "另一个版本的文本" },
      { headingPath: ["第一阶段"] },
      { lines: { start: 4, end: 9 } },
      { url: "https://example.org/new" },
      { linkedFrom: [{ title: "t", headingPath: ["h"] }] },
      { title: "新标题" },
    ]) {
      const after = result(numbered([{ ...citations[0]!, ...changed }]));
      expectContractBytes(after);
    }
  });
});

function roadmap(): NonNullable<AnswerResult["roadmap"]> {
  const mark = { step: 2, heading: "二、接入开发阶段", lines: { start: 1, end: 2 } };
  return {
    direction: "next",
    topic: "LoRA",
    positions: [
      {
        roadmapId: "r1",
        title: "路线",
        stage: mark,
        next: { ...mark, step: 3 },
        steps: ["一", "二", "三"],
        page: "/roadmaps/r1?topic=LoRA",
      },
    ],
  };
}
