/**
 * How long writing one response takes, per serializer, on real answers from the bundled corpus:
 * the zod type provider's serializer (zod encode, then JSON.stringify), the contract serializer
 * (fast-json-stringify from the same schema), and bare JSON.stringify as the floor.
 *
 *   tsx scripts/measure-serialization.ts [--iterations N]
 *
 * A measurement, not a test: nothing asserts on its numbers.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { serializerCompiler } from "fastify-type-provider-zod";
import type { z } from "zod";
import { parseConfig } from "../src/config.js";
import { answerResponseSchema } from "../src/http/contract/answers.js";
import { searchResponseSchema } from "../src/http/contract/search.js";
import { compileResponseSerializer } from "../src/http/responseSerializer.js";
import { toAnswerResponse, toSearchResponse } from "../src/http/responseMapping.js";
import { openTutor } from "../src/tutor.js";

const at = process.argv.indexOf("--iterations");
const iterations = at > 0 ? Number(process.argv[at + 1]) : 5000;

function time(serialize: (data: unknown) => string, data: unknown): { usPerOp: number; bytes: number } {
  let bytes = 0;
  for (let i = 0; i < 2000; i++) bytes = serialize(data).length; // warm up the JIT
  const start = process.hrtime.bigint();
  for (let i = 0; i < iterations; i++) bytes = serialize(data).length;
  return { usPerOp: Number(process.hrtime.bigint() - start) / 1000 / iterations, bytes };
}

function compare(name: string, schema: z.ZodType, data: unknown) {
  const zod = serializerCompiler({ schema, method: "POST", url: name, httpStatus: "200" }) as (d: unknown) => string;
  const rows = {
    "zod type provider (zod encode + JSON.stringify)": time(zod, data),
    "contract: fast-json-stringify from the schema": time(compileResponseSerializer(schema), data),
    "JSON.stringify, no schema (main before)": time((d) => JSON.stringify(d), data),
  };
  console.log(`\n${name}`);
  for (const [label, r] of Object.entries(rows))
    console.log(`  ${label.padEnd(48)} ${r.usPerOp.toFixed(1).padStart(7)} µs  (${r.bytes} chars)`);
}

const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-serialization-"));
try {
  const config = parseConfig({ CORPUS_DIR: path.resolve("corpus"), INDEX_DIR: path.join(dir, "index"), LOG_LEVEL: "silent" });
  const tutor = await openTutor(config, { buildIfMissing: true });
  const answer = toAnswerResponse(await tutor.answerer.answer({ question: "学完 LoRA 之后该学什么?" }));
  const passages = await tutor.retriever.search("LLMSurvey", { k: 10 });
  const search = toSearchResponse(passages);
  console.log(`${iterations} iterations each, node ${process.version}`);
  compare("/api/ask (offline answer, 学完 LoRA 之后该学什么?)", answerResponseSchema, answer);
  compare("/api/search (LLMSurvey, k=10)", searchResponseSchema, search);
} finally {
  await rm(dir, { recursive: true, force: true });
}
