import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.js";
import type { Answerer } from "../answering/types.js";
import type { IngestProgress } from "../ingest/types.js";
import type { IndexSnapshot } from "../store/types.js";
import { historyTurns } from "./dataset.js";
import type { EvalPipeline } from "./types.js";

/**
 * Opens the product from config: src/tutor.ts's openTutor, handed in by the entry point
 * (scripts/eval.ts), so evaluation sits below the composition root like every other stage.
 */
export type OpenProduct = (
  config: Config,
  options: { buildIfMissing?: boolean; onProgress?: (progress: IngestProgress) => void },
) => Promise<{ answerer: Answerer; index: { current(): IndexSnapshot } }>;

export interface InProcessOptions {
  /** Build the index first when none exists (a fresh CI checkout). */
  buildIfMissing?: boolean;
  onIngestProgress?: (progress: IngestProgress) => void;
  now?: () => number;
}

/**
 * The product as the server composes it (openTutor: same embedder, index, retriever, answerer
 * and model concurrency limit), run in this process. Each question is answered once; metrics
 * read the passages from the answer's citations, exactly as over HTTP.
 */
export async function openInProcessPipeline(
  openProduct: OpenProduct,
  config: Config,
  options: InProcessOptions = {},
): Promise<EvalPipeline> {
  const tutor = await openProduct(config, {
    ...(options.buildIfMissing ? { buildIfMissing: true } : {}),
    ...(options.onIngestProgress ? { onProgress: options.onIngestProgress } : {}),
  });
  const now = options.now ?? (() => performance.now());

  return {
    target: `in-process (${tutor.answerer.mode}, index ${config.INDEX_DIR}, RETRIEVAL_K ${config.RETRIEVAL_K})`,
    async ask(question, { k, history }) {
      const started = now();
      const answer = await tutor.answerer.answer({
        question,
        ...(k !== undefined ? { k } : {}),
        ...(history.length > 0 ? { history: historyTurns(history) } : {}),
      });
      return { answer, latencyMs: Math.round(now() - started) };
    },
    async sourceText(document) {
      try {
        return await readFile(path.join(config.CORPUS_DIR, document), "utf8");
      } catch {
        // Not on disk here (e.g. an index built elsewhere): the indexed text keeps line numbers.
        return tutor.index.current().documents.find((d) => d.source === document)?.text;
      }
    },
    async close() {},
  };
}
