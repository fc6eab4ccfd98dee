import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { LocalHashedEmbeddings } from "../src/embeddings/LocalHashedEmbeddings.js";
import { ingestCorpus } from "../src/ingest/ingestCorpus.js";

/**
 * The server on an index whose only version is damaged: it must serve 503 on /readyz, not crash-loop.
 * The one server test that runs src/server.ts under tsx, as `npm run dev` does; the others run
 * the run's build of it (tests/support/childBuild.ts says why).
 */

let child: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  if (child && child.exitCode === null) child.kill("SIGKILL");
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("starts on a damaged index and answers /readyz 503 naming the damaged file", async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "tutor-damaged-"));
  const corpusDir = path.join(dir, "corpus");
  const indexDir = path.join(dir, "index");
  await cp(path.resolve("tests/fixtures/index/corpus"), corpusDir, { recursive: true });
  const embeddings = new LocalHashedEmbeddings();
  const built = await ingestCorpus({
    corpusDir,
    indexDir,
    embeddings,
    identity: () => embeddings.identity(),
    maxFileBytes: 100_000,
    batchSize: 16,
  });
  // Valid JSON of the wrong shape, with the manifest's size record kept true.
  const chunksFile = path.join(built.versionDir, "chunks.json");
  await writeFile(
    chunksFile,
    JSON.stringify((JSON.parse(await readFile(chunksFile, "utf8")) as object[]).map((c) => ({ ...c, text: 42 }))),
  );
  const manifestFile = path.join(built.versionDir, "manifest.json");
  const manifest = JSON.parse(await readFile(manifestFile, "utf8"));
  manifest.artifacts["chunks.json"] = (await stat(chunksFile)).size;
  await writeFile(manifestFile, JSON.stringify(manifest));

  const proc = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      CORPUS_DIR: corpusDir,
      INDEX_DIR: indexDir,
      PORT: "0",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child = proc;
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (data: Buffer) => {
      output += data.toString();
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    proc.on("exit", (code) => reject(new Error(`server exited (${code}) instead of serving:\n${output}`)));
  });

  const ready = await fetch(`${url}/readyz`);
  expect(ready.status).toBe(503);
  const body = (await ready.json()) as { reason: string };
  expect(body.reason).toContain(chunksFile);
  expect(body.reason).toMatch(/item 0: text/);
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  expect(proc.exitCode).toBeNull();
  expect(output).toContain("Not ready:");
}, 90_000);
