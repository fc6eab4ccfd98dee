import { appendFile } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { ingestCorpus } from "../../../src/ingest/ingestCorpus.js";
import { watchIndexPointer } from "../../../src/lifecycle/watchIndexPointer.js";
import { createEmbeddings } from "../../../src/embeddings/createEmbeddings.js";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const ADMIN = "admin-key-0123456789abcdef";

describe("reindexing while serving", () => {
  it("keeps answering during POST /admin/reindex with zero failed queries, then serves the new index", async () => {
    t = await buildTestApp({ env: { ADMIN_KEY: ADMIN } });
    const base = await t.app.listen({ host: "127.0.0.1", port: 0 });
    const before = t.tutor.index.current().version;
    // A new paragraph so the rebuild has real work (new chunks to embed).
    await appendFile(
      path.join(t.config.CORPUS_DIR, "roadmaps/003_8d5a7f427f497e9f.txt"),
      "\n\n## 补充阶段\n\n新增内容：混合专家模型 MoE 的路由机制与负载均衡。\n",
    );

    const started = await fetch(`${base}/admin/reindex`, { method: "POST", headers: { authorization: `Bearer ${ADMIN}` } });
    expect(started.status).toBe(202);
    let ok = 0;
    let failed = 0;
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const res = await fetch(`${base}/api/search`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "参数高效微调 LoRA" }),
      });
      if (res.status === 200 && (await res.json()).results.length > 0) ok++;
      else failed++;
      if (t.tutor.reindex.current().state !== "running" && ok > 20) break;
      // A pause between queries: they keep arriving all through the reindex without taking the
      // event loop and the CPU it needs (back to back, they slowed it down).
      await sleep(10);
    }
    await t.tutor.reindex.settled();
    expect(t.tutor.reindex.current().state).toBe("succeeded");
    expect(failed).toBe(0);
    expect(ok).toBeGreaterThan(20);
    expect(t.tutor.index.current().version).not.toBe(before);
    const search = await fetch(`${base}/api/search`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "混合专家模型 路由机制" }),
    });
    expect((await search.json()).results[0].text).toContain("混合专家模型");
  });

  it("a failed rebuild keeps the old index and reports why", async () => {
    t = await buildTestApp({ env: { ADMIN_KEY: ADMIN } });
    const before = t.tutor.index.current().version;
    // Point the corpus at nothing: the rebuild must fail without touching the live index.
    const { rm } = await import("node:fs/promises");
    await rm(t.config.CORPUS_DIR, { recursive: true, force: true });
    const res = await t.app.inject({ method: "POST", url: "/admin/reindex", headers: { authorization: `Bearer ${ADMIN}` } });
    expect(res.statusCode).toBe(202);
    await t.tutor.reindex.settled();
    const status = t.tutor.reindex.current();
    expect(status.state).toBe("failed");
    expect(status.state === "failed" && status.error).toMatch(/corpus/i);
    expect(t.tutor.index.current().version).toBe(before);
    const search = await t.app.inject({ method: "POST", url: "/api/search", payload: { query: "RAG" } });
    expect(search.statusCode).toBe(200);
  });

  it("picks up an `npm run ingest` made by another process through the CURRENT pointer", async () => {
    t = await buildTestApp();
    const before = t.tutor.index.current().version;
    let reloaded = 0;
    const stop = watchIndexPointer(
      t.config.INDEX_DIR,
      () => {
        void t!.tutor.reload().then(() => reloaded++);
      },
      50,
    );
    try {
      await appendFile(
        path.join(t.config.CORPUS_DIR, "roadmaps/001_8e5e9a45eaf284ba.txt"),
        "\n第八阶段：持续实践\n目标：把所学用于真实项目。\n",
      );
      const { embeddings, identity } = createEmbeddings(t.config);
      await ingestCorpus({
        corpusDir: t.config.CORPUS_DIR,
        indexDir: t.config.INDEX_DIR,
        embeddings,
        identity,
        maxFileBytes: t.config.MAX_FILE_BYTES,
        batchSize: t.config.EMBEDDING_BATCH_SIZE,
      });
      const until = Date.now() + 5000;
      while (reloaded === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(reloaded).toBeGreaterThan(0);
      expect(t.tutor.index.current().version).not.toBe(before);
    } finally {
      stop();
    }
  });
});
