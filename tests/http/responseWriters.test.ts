import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answering/types.js";
import type { Chunk } from "../../src/chunking/types.js";
import "../../src/http/answerBody.js";
import { toAnswerResponse, toSearchResponse } from "../../src/http/responseMapping.js";
import { responseWriterSchemas } from "../../src/http/responseWriterSchemas.js";
import table from "../../src/http/responseWriters.json" with { type: "json" };
import {
  INTEGER_SCHEMA,
  jsonWriter,
  NUMBER_SCHEMA,
  responseWritersTable,
  STRING_SCHEMA,
  writerRuntime,
  writersCompiled,
} from "../../src/http/responseWriters.js";
import "../../src/http/searchBody.js";

/**
 * fast-json-stringify numbers the schemas it merges and the roots it compiles with a counter of its
 * module, which appears in the code (in error messages): the script writes the table in a fresh
 * process, and test files share one module here (vitest's isolate: false), so the counters are
 * compared as such, not by value.
 */
const counted = (code: unknown) => JSON.parse(JSON.stringify(code).replace(/__fjs_(merged|root)_\d+/g, "__fjs_$1_N")) as unknown;
const compile = createRequire(import.meta.url)("fast-json-stringify") as (schema: unknown) => (data: unknown) => string;

const chunk: Chunk = {
  id: "a1",
  docId: "doc-a1",
  source: "roadmaps/a1.md",
  title: '标题 "a1"',
  kind: "roadmap",
  headingPath: ["第一阶段", 'quote " and \\ backslash'],
  sectionIndex: 0,
  text: "LoRA 微调\n\t“引号” \u2028 line sep, emoji 🚀, control \u0001, lone \ud800 surrogate",
  startLine: 3,
  endLine: 9,
  links: [{ text: "论文", url: 'https://example.org/a?b=1&c="2"', line: 4 }],
  linkedFrom: [{ docId: "doc-x", source: "x.md", title: '学习路径 "x"', headingPath: ["第二阶段"], line: 2 }],
};

const answer: AnswerResult = {
  answer: '（离线模式）\n- 一句 "quoted" [1]',
  citations: [
    {
      n: 1,
      id: chunk.id,
      docId: chunk.docId,
      source: chunk.source,
      title: chunk.title,
      headingPath: chunk.headingPath,
      lines: { start: 3, end: 9 },
      text: chunk.text,
      role: "match",
    },
    {
      n: 2,
      id: "c3",
      docId: "doc-c3",
      source: "c3.md",
      title: "",
      headingPath: [],
      lines: { start: 1, end: 1 },
      text: "",
      role: "linked-note",
      linkedFrom: [{ title: "", headingPath: [] }],
    },
  ],
  abstained: false,
  confidence: "low",
  mode: "extractive",
  language: "zh",
  standaloneQuestion: "LoRA 之后学什么?",
  removedCitations: 0,
  timings: { retrieveMs: 3.25, generateMs: 1 },
};

/** Data the first schemas of responseWriterSchemas() are written for: whole answer and search bodies, scalars at their edges, the probes, errors. */
const samples: unknown[][] = [
  [toAnswerResponse(answer), toAnswerResponse({ ...answer, citations: [], abstained: true, confidence: "none" })],
  [
    toSearchResponse([
      { chunk, score: 0.1 + 0.2, role: "match" },
      { chunk: { ...chunk, id: "b2", links: [] }, score: -1.234567890123e-300, role: "match" },
    ]),
    toSearchResponse([]),
  ],
  [0, 1, -7, 2 ** 53, 3.7],
  ["match", 'a "quoted" \\ line\n', "\ud800", ""],
  [0, -1, 1e21, 1e-7, 0.1 + 0.2, Number.MIN_VALUE, 2 / 61],
  [
    {
      status: "ready",
      mode: "extractive",
      index: {
        version: 'v-1 "x"',
        store: "file",
        createdAt: "2026-12-05T23:00:24.623Z",
        embedder: { provider: "local", model: "hashed", dimensions: 1024 },
        counts: { documents: 3, sections: 40, chunks: 900, resources: 12, notes: 0 },
      },
    },
  ],
  [{ status: "ok" }],
  ...[1, 2, 3].map(() => [
    { error: { status: 400, code: "invalid_request", message: 'bad "query"', details: [{ path: "query", message: "Required" }] } },
    { error: { status: 503, code: "index_not_ready", message: "no index\n" } },
  ]),
];

describe("responseWriters.json", () => {
  it("holds what fast-json-stringify generates now for every schema, for this runtime (else: npx tsx scripts/build-response-writers.ts)", () => {
    const runtime = writerRuntime();
    expect(counted((table.runtimes as Record<string, unknown>)[runtime])).toEqual(
      counted(responseWritersTable(responseWriterSchemas()).runtimes[runtime]),
    );
  });

  it("holds every writer the answer's and the search's bodies use: loading them (imported above) compiled none", () => {
    const used = [...responseWriterSchemas().slice(0, 2), INTEGER_SCHEMA, STRING_SCHEMA, NUMBER_SCHEMA].map((schema) =>
      JSON.stringify(schema),
    );
    expect(writersCompiled().filter((text) => used.includes(text))).toEqual([]);
    expect(responseWriterSchemas()).toEqual(expect.arrayContaining([INTEGER_SCHEMA, STRING_SCHEMA, NUMBER_SCHEMA]));
  });

  it("gives writers that write what the compiled ones write", () => {
    const schemas = responseWriterSchemas();
    // The first schemas of the list, with data written for each; the others' code is checked above.
    samples.forEach((data, i) => {
      const stored = jsonWriter(schemas[i]!);
      const compiled = compile(schemas[i]!);
      for (const value of data) expect(stored(value)).toBe(compiled(value));
    });
    for (const schema of schemas) expect(typeof jsonWriter(schema)).toBe("function");
    const listed = schemas.map((schema) => JSON.stringify(schema));
    expect(writersCompiled().filter((text) => listed.includes(text))).toEqual([]);
  });

  it("compiles a schema the table lacks (a contract edited since)", () => {
    const edited = { type: "object", properties: { name: { type: "string" }, count: { type: "integer" } } } as const;
    expect(jsonWriter(edited)({ name: "LoRA", count: 2, internal: "never sent" })).toBe('{"name":"LoRA","count":2}');
    expect(writersCompiled()).toContain(JSON.stringify(edited));
  });
});
