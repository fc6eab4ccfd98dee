import { readFile } from "node:fs/promises";
import path from "node:path";
import { createAnswerer } from "../answering/createAnswerer.js";
import type { Config } from "../config.js";
import { createEmbeddings } from "../embeddings/createEmbeddings.js";
import { ingestOptionsFromConfig } from "../index/ingestCorpus.js";
import { ensureIndex } from "../index/ensureIndex.js";
import { loadIndex } from "../index/loadIndex.js";
import type { IngestProgress, LoadedIndex } from "../index/types.js";
import { HybridRetriever } from "../retrieval/HybridRetriever.js";
import type { PassageRef } from "./goldMatching.js";
import type { EvalPipeline } from "./types.js";

export interface InProcessOptions {
  /** Build the index first when none exists (a fresh CI checkout). */
  buildIfMissing?: boolean;
  onIngestProgress?: (progress: IngestProgress) => void;
  now?: () => number;
}

/**
 * The pipeline the API uses, run in this process: the configured embedder, the index at
 * INDEX_DIR, the hybrid retriever and the configured answerer. Retrieval metrics use
 * retriever.retrieve() on the question (the same call the answerer makes), so the ranking
 * scored is the ranking the answer was written from.
 */
export async function openInProcessPipeline(config: Config, options: InProcessOptions = {}): Promise<EvalPipeline> {
  const { embeddings, identity } = createEmbeddings(config);
  if (options.buildIfMissing) {
    await ensureIndex({
      ...ingestOptionsFromConfig(config, { embeddings, identity }),
      ...(options.onIngestProgress ? { onProgress: options.onIngestProgress } : {}),
    });
  }
  const index: LoadedIndex = await loadIndex(config.INDEX_DIR, embeddings, identity());
  const retriever = new HybridRetriever({
    index: () => index,
    k: config.RETRIEVAL_K,
    maxChunksPerSection: config.MAX_CHUNKS_PER_SECTION,
    abstainThreshold: config.ABSTAIN_THRESHOLD,
  });
  const answerer = createAnswerer({ config, retriever });
  const now = options.now ?? (() => performance.now());

  return {
    target: `in-process (${answerer.mode}, index ${config.INDEX_DIR})`,
    async ask(question, { k }) {
      const retrieval = await retriever.retrieve(question, { k });
      const started = now();
      const answer = await answerer.answer({ question, k });
      const latencyMs = Math.round(now() - started);
      const retrieved: PassageRef[] = retrieval.passages.map(({ chunk }) => ({
        source: chunk.source,
        text: chunk.text,
        startLine: chunk.startLine,
        endLine: chunk.endLine,
      }));
      return { answer, retrieved, latencyMs };
    },
    async sourceText(document) {
      try {
        return await readFile(path.join(config.CORPUS_DIR, document), "utf8");
      } catch {
        // Not on disk here (e.g. an index built elsewhere): the indexed text keeps line numbers.
        return index.documents.find((d) => d.source === document)?.text;
      }
    },
    async close() {},
  };
}
