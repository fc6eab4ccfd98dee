import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { openTutor, type Tutor } from "../../src/tutor.js";
import { builtFile } from "../support/childBuild.js";

const run = promisify(execFile);

/**
 * Issue 10 end to end: `npm run ingest -- --fetch-links` against a site on 127.0.0.1, a second
 * run that only revalidates, and an answer that cites the fetched note with the roadmap section
 * that links to it.
 */
let dir: string;
let corpus: string;
let server: Server;
let site: string;
const requests: { url: string; conditional: boolean }[] = [];

const ARTICLE = `<!doctype html><html><head><title>Mixture of Experts explained</title></head><body>
<nav><a href="/">Home</a> | <a href="/blog">Blog</a> | Subscribe to our newsletter</nav>
<article><h1>Mixture of Experts explained</h1>
<p>A mixture-of-experts layer routes every token to two of its eight expert feed-forward networks, chosen by a learned gating network.</p>
<h2>Load balancing</h2>
<p>An auxiliary load-balancing loss keeps the gating network from sending every token to the same expert, which would leave the other experts untrained.</p>
<p>Expert parallelism places different experts on different GPUs, so the model grows without every GPU holding every weight.</p>
</article>
<footer>Copyright 2024 Example Blog. Cookie settings.</footer></body></html>`;

async function ingest(): Promise<string> {
  const { stdout, stderr } = await run(
    process.execPath,
    [
      // The run's build of the CLI (tests/support/childBuild.ts says why).
      builtFile("scripts/ingest.ts"),
      "--corpus",
      corpus,
      "--out",
      path.join(dir, "index"),
      "--fetch-links",
      "--allow-private-hosts",
      "--links-max-age",
      "0",
    ],
    { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" }, timeout: 120_000 },
  );
  return stdout + stderr;
}

let firstRun: string;
let secondRun: string;
let tutor: Tutor;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    requests.push({ url: req.url ?? "", conditional: Boolean(req.headers["if-none-match"] || req.headers["if-modified-since"]) });
    if (req.url === "/robots.txt") {
      res.writeHead(404).end();
      return;
    }
    if (req.url === "/moe") {
      if (req.headers["if-none-match"] === '"moe-v1"') {
        res.writeHead(304).end();
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", etag: '"moe-v1"' }).end(ARTICLE);
      return;
    }
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dir = await mkdtemp(path.join(os.tmpdir(), "tutor-weblinks-"));
  corpus = path.join(dir, "corpus");
  await mkdir(path.join(corpus, "roadmaps"), { recursive: true });
  await writeFile(
    path.join(corpus, "roadmaps", "frontier.md"),
    `# 前沿路线\n\n## 第一阶段：基础\n\n学习 Transformer 与注意力机制。\n\n## 第二阶段：稀疏模型\n\n阅读 [MoE 入门文章](${site}/moe)，理解专家路由。\n\n另见 [失效链接](${site}/missing)。\n`,
  );
  firstRun = await ingest();
  secondRun = await ingest();
  tutor = await openTutor(parseConfig({ CORPUS_DIR: corpus, INDEX_DIR: path.join(dir, "index") }));
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe("ingest --fetch-links, end to end", () => {
  it("stores the page as a markdown note with front matter, main content only", async () => {
    const files = await readdir(path.join(corpus, "notes", "web"));
    expect(files).toHaveLength(1);
    const note = await readFile(path.join(corpus, "notes", "web", files[0]!), "utf8");
    expect(note).toMatch(new RegExp(`source_url: "?${site}/moe"?`));
    expect(note).toMatch(/etag: .*moe-v1/);
    expect(note).toContain("roadmaps/frontier.md");
    expect(note).toContain("load-balancing loss");
    expect(note).not.toContain("Subscribe to our newsletter");
    expect(note).not.toContain("Cookie settings");
  });

  it("reports the failed link with the document that links to it, and still builds the index", () => {
    expect(firstRun).toMatch(/failed 1/);
    expect(firstRun).toContain("/missing");
    expect(firstRun).toContain("roadmaps/frontier.md");
    expect(firstRun).toMatch(/Index built/);
  });

  it("re-runs with conditional requests only and embeds nothing", () => {
    const pageRequests = requests.filter((r) => r.url === "/moe");
    expect(pageRequests).toHaveLength(2);
    expect(pageRequests[1]!.conditional).toBe(true);
    expect(secondRun).toMatch(/not modified 1/);
    expect(secondRun).toMatch(/embedded 0 chunks/);
  });

  it("answers from the note and cites it with its URL and the roadmap section linking to it", async () => {
    const result = await tutor.answerer.answer({ question: "How does the auxiliary load-balancing loss help a mixture of experts?" });
    expect(result.abstained).toBe(false);
    const note = result.citations.find((c) => c.source.startsWith("notes/web/"));
    expect(note).toBeDefined();
    expect(note!.url).toBe(`${site}/moe`);
    expect(note!.linkedFrom?.[0]?.title).toBe("前沿路线");
    expect(note!.linkedFrom?.[0]?.headingPath.join(" ")).toContain("第二阶段");
  });

  it("offers the linked note when the roadmap section that links to it is retrieved", async () => {
    const result = await tutor.retriever.retrieve("第二阶段 稀疏模型 该读什么?");
    const roles = result.passages.map((p) => `${p.role}:${p.chunk.source}`);
    expect(roles.some((r) => r.startsWith("linked-note:notes/web/") || r.startsWith("match:notes/web/"))).toBe(true);
    expect(roles.some((r) => r.endsWith("roadmaps/frontier.md"))).toBe(true);
  });
});
