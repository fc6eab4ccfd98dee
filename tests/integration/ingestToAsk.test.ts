import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildTutorApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { openTutor } from "../../src/tutor.js";

const run = promisify(execFile);

/**
 * The whole path, as a user runs it: the ingest CLI on a corpus folder (the bundled roadmaps plus
 * a user's plan that links a local note), then the server answering over real HTTP with
 * citations whose line ranges point at the cited text in the files on disk.
 */
let dir: string;
let corpus: string;
let app: FastifyInstance;
let base: string;
let ingestOutput: string;
let ingestStdout: string;
let ingestStderr: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "tutor-e2e-"));
  corpus = path.join(dir, "corpus");
  await cp(path.resolve("corpus/roadmaps"), path.join(corpus, "roadmaps"), { recursive: true });
  await mkdir(path.join(corpus, "notes"), { recursive: true });
  await writeFile(
    path.join(corpus, "roadmaps", "my-plan.md"),
    "---\ntitle: 我的学习计划\ntags: [plan]\n---\n# 我的学习计划\n\n## 微调阶段\n\n先读 [我的 QLoRA 笔记](../notes/qlora.md)，再动手。\n",
  );
  await writeFile(
    path.join(corpus, "notes", "qlora.md"),
    "# QLoRA 笔记\n\nQLoRA 把基座模型量化为 4-bit NormalFloat，再在其上训练 LoRA 适配器。\n\n分页优化器（paged optimizers）用来避免显存峰值。\n",
  );
  // `npm run ingest` as a user runs it, under tsx on the .ts source: the one test that does
  // (the others run the run's build, tests/support/childBuild.ts).
  const { stdout, stderr } = await run(
    process.execPath,
    ["--import", "tsx", "scripts/ingest.ts", "--corpus", corpus, "--out", path.join(dir, "index")],
    { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" }, timeout: 120_000 },
  );
  ingestOutput = stdout + stderr;
  ingestStdout = stdout;
  ingestStderr = stderr;

  // Load shedding off: a busy machine must not turn this end-to-end test into 503s.
  const config = parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: path.join(dir, "index"), RATE_LIMIT_MAX: "100000", LOAD_SHEDDING: "false" });
  const tutor = await openTutor(config);
  app = await buildTutorApp(tutor);
  base = await app.listen({ host: "127.0.0.1", port: 0 });
}, 180_000);

afterAll(async () => {
  await app?.close();
  await rm(dir, { recursive: true, force: true });
});

async function ask(question: string) {
  const res = await fetch(`${base}/api/ask`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ question }),
  });
  expect(res.status).toBe(200);
  return res.json();
}

const squash = (s: string) => s.replace(/\s+/g, "");

describe("ingest → ask, end to end", () => {
  it("the ingest CLI summarises what it indexed", () => {
    expect(ingestOutput).toMatch(/documents/i);
    expect(ingestOutput).toMatch(/chunks/i);
    expect(ingestOutput).toMatch(/7/); // five roadmaps + plan + note
    // Progress on stderr, the summary on stdout (a first build: everything embedded, nothing cached).
    expect(ingestStderr).toMatch(/\[embed\] \d+\/\d+ chunks to embed/);
    expect(ingestStdout).toMatch(/documents 7 \(linked notes 1\), sections \d+, chunks \d+, resources \d+/);
    expect(ingestStdout).toMatch(/embedded \d+ chunks in [1-9]\d* embedding calls, 0 from the cache/);
    expect(ingestStdout).toMatch(/skipped files: 0/);
    expect(ingestStdout).toMatch(/took \d+\.\d s/);
  });

  it("the ingest CLI names the version it swapped in", async () => {
    const version = (await readFile(path.join(dir, "index", "CURRENT"), "utf8")).trim();
    expect(ingestStdout).toContain(`Index built in ${path.join(dir, "index", version)}`);
  });

  it("answers a roadmap question with citations whose lines hold the cited text", async () => {
    const body = await ask("学完 LoRA 之后该学什么?");
    expect(body.abstained).toBe(false);
    expect(body.citations.length).toBeGreaterThan(0);
    for (const c of body.citations) {
      const file = await readFile(path.join(corpus, c.source), "utf8");
      const lines = file
        .split(/\r?\n/)
        .slice(c.lines.start - 1, c.lines.end)
        .join("\n");
      // The cited passage text comes from exactly those lines.
      expect(squash(lines)).toContain(squash(c.text).slice(0, 40));
    }
  });

  it("finds a linked local note and says which roadmap section links to it", async () => {
    const body = await ask("QLoRA 的 NormalFloat 是什么?");
    const note = body.citations.find((c: { source: string }) => c.source === "notes/qlora.md");
    expect(note).toBeDefined();
    expect(note.linkedFrom?.[0]?.title).toBe("我的学习计划");
    expect(note.linkedFrom?.[0]?.headingPath).toContain("微调阶段");
  });

  it("answers an English question from Chinese passages", async () => {
    const body = await ask("Which book should I read to learn deep learning?");
    expect(body.abstained).toBe(false);
    expect(body.language).toBe("en");
    expect(body.answer).toMatch(/动手学深度学习|深度学习/);
  });

  it("abstains in the question's language when the materials do not cover it", async () => {
    const zh = await ask("红烧肉怎么做才好吃？");
    expect(zh.abstained).toBe(true);
    expect(zh.answer).toMatch(/[\u4e00-\u9fff]/);
    const en = await ask("Who won the 2018 football World Cup?");
    expect(en.abstained).toBe(true);
    expect(en.answer).toMatch(/materials/i);
  });
});
