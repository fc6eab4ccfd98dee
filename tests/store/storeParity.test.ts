import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Chunk } from "../../src/chunking/types.js";
import { parseConfig } from "../../src/config.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import type { RetrievalResult } from "../../src/retrieval/types.js";
import type { IndexSnapshot, IndexStore } from "../../src/store/types.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";
import { startPostgresServer, type PostgresTestServer } from "../support/postgresServer.js";
import { realPostgresTestsRun, startRealPostgres } from "../support/realPostgres.js";
import { ingestInto, migrated, testPostgresStore } from "./support/storeTestSupport.js";

/**
 * The same retrieval suite against both stores on the bundled roadmaps: the file store (HNSW +
 * BM25 postings in memory) and the Postgres store (pgvector + BM25 in SQL), served by PGlite
 * over the wire and by a real PostgreSQL 15 with pgvector (skipped with the reason where
 * pgvector is not installed). Same read model, same lexical and
 * dense rankings, same top passages and dev-set metrics.
 */
interface DevQuestion {
  id: string;
  question: string;
  gold: { document: string; quote: string }[];
  unanswerable: boolean;
}
const questions: DevQuestion[] = readFileSync(path.resolve("tests/eval/dev.jsonl"), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as DevQuestion);
const TOP = 5;

/** The dev set's gold documents are corpus paths ("roadmaps/…"), as chunk sources are. */
const holdsGold = (chunk: Chunk, gold: DevQuestion["gold"][number]) => chunk.source === gold.document && chunk.text.includes(gold.quote);

const ENGINES = [
  { name: "PGlite", start: startPostgresServer, run: true },
  { name: "real PostgreSQL 15", start: startRealPostgres, run: realPostgresTestsRun("store parity on a real PostgreSQL") },
];

describe.each(ENGINES.filter((engine) => engine.run))(
  "file store and Postgres store ($name) give the same results on the bundled corpus",
  (engine) => {
    let server: PostgresTestServer;
    let built: BuiltTestIndex;
    let store: IndexStore;
    let file: IndexSnapshot;
    let postgres: IndexSnapshot;

    beforeAll(async () => {
      server = await engine.start();
      built = await buildTestIndex();
      await migrated(server.url);
      // buildTestIndex copied the bundled roadmaps beside its index: ingest the very same files.
      store = testPostgresStore(server.url);
      await ingestInto(store, path.join(path.dirname(built.indexDir), "corpus"));
      file = built.snapshot;
      postgres = await store.load();
    }, 300_000);

    afterAll(async () => {
      await store?.close();
      await server?.stop();
      await built?.cleanup();
    });

    it("holds the same read model: documents with outlines, chunks, resources, manifest", () => {
      expect(postgres.store).toBe("postgres");
      expect(postgres.chunks).toEqual(file.chunks);
      expect(postgres.documents).toEqual(file.documents);
      expect(postgres.resources).toEqual(file.resources);
      // artifacts and vectors describe the file layout (file sizes, vectors.bin): file store only.
      const { artifacts: _files, vectors: _v, createdAt: _a, ...fileManifest } = file.manifest;
      const { createdAt: _b, ...postgresManifest } = postgres.manifest;
      expect(postgresManifest).toEqual(fileManifest);
      expect(postgres.documents.some((doc) => doc.outline.length > 0)).toBe(true);
    });

    const lexicalQueries = [
      "LoRA 参数高效微调",
      "transformer 注意力机制",
      "RAG 检索增强生成",
      "推荐书籍",
      "prompt engineering",
      "量化 部署 vllm",
      "微调",
    ];

    it("ranks lexical (BM25) hits the same, with the same scores, prefix matches included", async () => {
      for (const query of lexicalQueries) {
        const a = await file.lexicalSearch(query, 10);
        const b = await postgres.lexicalSearch(query, 10);
        expect(b.length, query).toBe(a.length);
        expect(
          b.map((h) => h.chunkId),
          query,
        ).toEqual(a.map((h) => h.chunkId));
        for (const [i, hit] of b.entries()) {
          expect(hit.score, query).toBeCloseTo(a[i]!.score, 6);
          expect(new Set(hit.matchedTerms), query).toEqual(new Set(a[i]!.matchedTerms));
        }
      }
    });

    it("ranks dense (k-NN) hits the same, and filters by document in the search itself", async () => {
      for (const query of lexicalQueries) {
        const vector = await file.embedQuery(query);
        expect(await postgres.embedQuery(query)).toEqual(vector);
        const a = await file.nearest(vector, 10);
        const b = await postgres.nearest(vector, 10);
        expect(
          b.map((h) => h.chunkId),
          query,
        ).toEqual(a.map((h) => h.chunkId));
        for (const [i, hit] of b.entries()) expect(hit.similarity).toBeCloseTo(a[i]!.similarity, 4);
      }
      const doc = file.documents[1]!;
      const filtered = await postgres.nearest(await postgres.embedQuery("学习路线"), 10, { documentIds: new Set([doc.id]) });
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.every((hit) => postgres.chunkById.get(hit.chunkId)?.docId === doc.id)).toBe(true);
      const lexical = await postgres.lexicalSearch("学习", 10, { documentIds: new Set([doc.id]) });
      expect(lexical.length).toBeGreaterThan(0);
      expect(lexical.every((hit) => postgres.chunkById.get(hit.chunkId)?.docId === doc.id)).toBe(true);
    });

    it("retrieves the same top passages for the dev set, with metrics within 1 point", async () => {
      const config = parseConfig({});
      const retriever = (snapshot: IndexSnapshot) =>
        new HybridRetriever({
          index: () => snapshot,
          k: config.RETRIEVAL_K,
          maxChunksPerSection: config.MAX_CHUNKS_PER_SECTION,
          abstainThreshold: config.ABSTAIN_THRESHOLD,
        });
      const run = async (snapshot: IndexSnapshot) => {
        const results = new Map<string, RetrievalResult>();
        for (const q of questions) results.set(q.id, await retriever(snapshot).retrieve(q.question));
        const answerable = questions.filter((q) => !q.unanswerable);
        const hits = answerable.filter((q) =>
          results
            .get(q.id)!
            .passages.slice(0, TOP)
            .some((p) => q.gold.some((g) => holdsGold(p.chunk, g))),
        );
        return {
          results,
          hitRate: (100 * hits.length) / answerable.length,
          weakRate: (100 * questions.filter((q) => results.get(q.id)!.weak).length) / questions.length,
        };
      };
      const a = await run(file);
      const b = await run(postgres);
      console.log(
        `dev set gold@${TOP}: file ${a.hitRate.toFixed(1)}%, postgres ${b.hitRate.toFixed(1)}%; weak: ${a.weakRate.toFixed(1)}% / ${b.weakRate.toFixed(1)}%`,
      );
      expect(Math.abs(a.hitRate - b.hitRate)).toBeLessThanOrEqual(1);
      expect(Math.abs(a.weakRate - b.weakRate)).toBeLessThanOrEqual(1);
      const differing = questions.filter(
        (q) =>
          JSON.stringify(
            a.results
              .get(q.id)!
              .passages.slice(0, TOP)
              .map((p) => p.chunk.id),
          ) !==
          JSON.stringify(
            b.results
              .get(q.id)!
              .passages.slice(0, TOP)
              .map((p) => p.chunk.id),
          ),
      );
      expect(differing.map((q) => q.id)).toEqual([]);
    }, 120_000);
  },
);
