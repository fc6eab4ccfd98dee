import { execFile } from "node:child_process";
import http from "node:http";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { startFakeOpenAiServer, type FakeOpenAiServer } from "./support/fakeOpenAiServer.js";
import { builtFile } from "./support/childBuild.js";
import { startServerProcess, type ServerProcess } from "./support/serverProcess.js";
import { parseSse } from "./support/buildTestApp.js";

let server: ServerProcess | undefined;
let fake: FakeOpenAiServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.stop(0);
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  server = undefined;
  fake = undefined;
  dir = undefined;
});

/** Each test starts a real server process: on a busy machine that alone can take half a minute. A deadline, not a timing assertion. */
const PROCESS_TEST_TIMEOUT_MS = 150_000;

/**
 * Start the server as `npm start` does (dist/src/server.js, from the run's build), on a free port, with a copy of the bundled corpus.
 * With `index`, a copy of that prebuilt index is in place, so the server only loads it.
 */
async function startServer(env: Record<string, string>, index?: string): Promise<ServerProcess> {
  dir = await mkdtemp(path.join(os.tmpdir(), "tutor-server-"));
  await cp(path.resolve("corpus/roadmaps"), path.join(dir, "corpus/roadmaps"), { recursive: true });
  if (index) await cp(index, path.join(dir, "index"), { recursive: true });
  server = await startServerProcess({ CORPUS_DIR: path.join(dir, "corpus"), INDEX_DIR: path.join(dir, "index"), ...env });
  return server;
}

describe("npm start (dist/src/server.js)", () => {
  it(
    "builds the index on first start, prints URL and mode, and answers offline",
    async () => {
      const server = await startServer({});
      expect(server.output()).toContain("offline");
      const res = await fetch(`${server.url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "学完 LoRA 之后该学什么?" }),
      });
      expect(res.status).toBe(200);
      expect((await res.json()).mode).toBe("extractive");
      server.signal("SIGTERM");
      expect(await server.exited).toBe(0);
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "on SIGTERM finishes an in-flight stream, refuses new connections, and exits 0",
    async () => {
      fake = await startFakeOpenAiServer({
        chat: () => ({ kind: "text", content: "先学习参数高效微调，然后学习多模态模型，再学习评估方法，最后关注前沿研究。[1]" }),
        chunkDelayMs: 120,
      });
      // A copy of the index the test run built once (default local embedder), so the server only loads it.
      const server = await startServer(
        { OPENAI_BASE_URL: fake.baseURL, CHAT_MODEL: "fake-chat", OPENAI_MAX_RETRIES: "0" },
        inject("bundledIndex").indexDir,
      );
      const response = await fetch(`${server.url}/api/ask`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ question: "学完 LoRA 之后该学什么?", stream: true }),
      });
      const reader = response.body!.getReader();
      const first = await reader.read();
      expect(first.done).toBe(false);
      server.signal("SIGTERM");
      let body = new TextDecoder().decode(first.value);
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        body += new TextDecoder().decode(value);
      }
      const events = parseSse(body);
      expect(events.at(-1)?.event).toBe("done");
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  // An invalid configuration (exit 2, the variable named): tests/scripts/configExitCode.test.ts, for every CLI.
});

/** One request on a fresh connection (cluster balances connections, not requests); resolves with the status. */
function askOnNewConnection(url: string, question: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${url}/api/ask`,
      { method: "POST", agent: false, headers: { "content-type": "application/json" } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
      },
    );
    request.on("error", reject);
    request.end(JSON.stringify({ question }));
  });
}

/** Pids of the processes that logged "request completed" (pino puts the pid on every log line). */
function servingPids(output: string): Set<number> {
  const pids = new Set<number>();
  for (const line of output.split("\n")) {
    if (!line.includes('"msg":"request completed"')) continue;
    const pid = /"pid":(\d+)/.exec(line)?.[1];
    if (pid) pids.add(Number(pid));
  }
  return pids;
}

describe("npm start with WORKERS=2 (node:cluster)", () => {
  it(
    "serves /api/ask offline from two worker processes on one port, replaces a killed worker, and SIGTERM drains them and exits 0",
    async () => {
      const server = await startServer({ WORKERS: "2", LOG_LEVEL: "info" }, inject("bundledIndex").indexDir);
      // The first "listening" line is the first worker; wait for the second before counting.
      for (let i = 0; i < 600 && (server.output().match(/listening on/g) ?? []).length < 2; i++)
        await new Promise((r) => setTimeout(r, 200));
      expect((server.output().match(/listening on/g) ?? []).length).toBe(2);
      const statuses: number[] = [];
      for (let i = 0; i < 8; i++) statuses.push(await askOnNewConnection(server.url, "学完 LoRA 之后该学什么?"));
      expect(statuses.every((status) => status === 200)).toBe(true);
      // Log lines reach the pipe shortly after the response.
      for (let i = 0; i < 50 && servingPids(server.output()).size < 2; i++) await new Promise((r) => setTimeout(r, 100));
      const pids = servingPids(server.output());
      expect(pids.size).toBe(2);
      expect(pids.has(server.pid)).toBe(false); // the primary serves nothing itself

      // A worker that dies unexpectedly is replaced, and the replacement serves.
      const victim = [...pids][0]!;
      process.kill(victim, "SIGKILL");
      for (let i = 0; i < 600 && (server.output().match(/listening on/g) ?? []).length < 3; i++)
        await new Promise((r) => setTimeout(r, 200));
      expect(server.output()).toContain(`worker ${victim} died (SIGKILL); starting a replacement`);
      for (let i = 0; i < 8; i++) expect(await askOnNewConnection(server.url, "什么是 RAG?")).toBe(200);
      for (let i = 0; i < 50 && servingPids(server.output()).size < 3; i++) await new Promise((r) => setTimeout(r, 100));
      expect(servingPids(server.output()).size).toBe(3);

      server.signal("SIGTERM");
      expect(await server.exited).toBe(0);
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    },
    PROCESS_TEST_TIMEOUT_MS,
  );

  it(
    "refuses a bad WORKERS value with exit code 2, naming WORKERS",
    async () => {
      for (const value of ["0", "two"]) {
        const result = await new Promise<{ code: number | null; stderr: string }>((resolve) =>
          execFile(
            process.execPath,
            [builtFile("src/server.ts")],
            { env: { PATH: process.env.PATH, HOME: process.env.HOME, WORKERS: value }, timeout: 90_000 },
            (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
          ),
        );
        expect(result.code).toBe(2);
        expect(result.stderr).toContain("WORKERS:");
      }
    },
    PROCESS_TEST_TIMEOUT_MS,
  );
});
