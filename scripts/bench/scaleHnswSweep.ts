/**
 * `npx tsx scripts/bench/scaleHnswSweep.ts [sections=10000] [dims,...] [efSearch,...]`: build cost and recall@10 of the
 * HNSW index for several (dimensions, M, efConstruction, efSearch), on the synthetic scale corpus
 * embedded by the local embedder. Recall is against exact (brute-force cosine) search for
 * synthetic keyword queries. Used to choose src/index/hnswParameters.ts and
 * LOCAL_EMBEDDING_DIMENSIONS; prints one JSON line per setting.
 */
import hnswlibNode from "hnswlib-node";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { LocalHashedEmbeddings } from "../../src/embeddings/LocalHashedEmbeddings.js";
import { exactTopK, recallAtK } from "./scaleRecall.js";
import { buildVocabulary, syntheticQueries, writeSyntheticCorpus } from "./syntheticCorpus.js";
import { BUNDLED_CORPUS_DIR } from "./workspace.js";

const SETTINGS: { dimensions: number; m: number; efConstruction: number }[] = [
  { dimensions: 1024, m: 16, efConstruction: 200 },
  { dimensions: 1024, m: 16, efConstruction: 64 },
  { dimensions: 512, m: 16, efConstruction: 64 },
  { dimensions: 256, m: 16, efConstruction: 200 },
  { dimensions: 256, m: 16, efConstruction: 64 },
  { dimensions: 256, m: 12, efConstruction: 40 },
];
const EF_SEARCH = [32, 64, 128, 256, 512];

async function main(): Promise<void> {
  const sections = Number(process.argv[2] ?? 10_000);
  const onlyDims = process.argv[3] ? process.argv[3].split(",").map(Number) : undefined;
  const efSearch = process.argv[4] ? process.argv[4].split(",").map(Number) : EF_SEARCH;
  const dir = await mkdtemp(path.join(os.tmpdir(), "hnsw-sweep-"));
  try {
    const vocabulary = await buildVocabulary(BUNDLED_CORPUS_DIR);
    await writeSyntheticCorpus(dir, vocabulary, { sections });
    const texts: string[] = [];
    for (const file of (await readdir(path.join(dir, "synthetic"))).sort()) {
      texts.push(...(await readFile(path.join(dir, "synthetic", file), "utf8")).split(/\n## /).slice(1));
    }
    const queries = syntheticQueries(vocabulary, 200, 11);
    for (const dimensions of [...new Set(SETTINGS.map((s) => s.dimensions))].filter((d) => !onlyDims || onlyDims.includes(d))) {
      const embedder = new LocalHashedEmbeddings({ dimensions });
      let t0 = performance.now();
      const vectors = (await embedder.embedDocuments(texts)).map((v) => Float32Array.from(v));
      const embedSeconds = (performance.now() - t0) / 1000;
      const queryVectors = await Promise.all(queries.map((q) => embedder.embedQuery(q)));
      const exact = queryVectors.map((q) => exactTopK(vectors, q, 10));
      for (const setting of SETTINGS.filter((s) => s.dimensions === dimensions)) {
        const hnsw = new hnswlibNode.HierarchicalNSW("cosine", dimensions);
        hnsw.initIndex(vectors.length, setting.m, setting.efConstruction, 100);
        t0 = performance.now();
        for (const [label, vector] of vectors.entries()) hnsw.addPoint(Array.from(vector), label);
        const buildSeconds = (performance.now() - t0) / 1000;
        for (const ef of efSearch) {
          hnsw.setEf(ef);
          t0 = performance.now();
          const found = queryVectors.map((q) => hnsw.searchKnn(q, 10).neighbors);
          const queryMs = (performance.now() - t0) / queryVectors.length;
          const recall = recallAtK(found, exact);
          console.log(
            JSON.stringify({
              chunks: vectors.length,
              ...setting,
              efSearch: ef,
              embedSeconds: +embedSeconds.toFixed(2),
              buildSeconds: +buildSeconds.toFixed(2),
              queryMs: +queryMs.toFixed(3),
              recallAt10: +recall.toFixed(4),
            }),
          );
        }
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
