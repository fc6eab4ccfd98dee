import { ConcurrencyLimitedAnswerer } from "./answering/ConcurrencyLimitedAnswerer.js";
import { createAnswerer } from "./answering/createAnswerer.js";
import { createChatModel } from "./answering/createChatModel.js";
import { createQuestionRewriter } from "./answering/questionRewrite.js";
import type { Answerer } from "./answering/types.js";
import { llmConfigured, type Config } from "./config.js";
import type { Resource } from "./corpus/types.js";
import { createEmbeddings } from "./embeddings/createEmbeddings.js";
import { IndexNotReady, isTutorError } from "./errors.js";
import { BackgroundReindex } from "./index/BackgroundReindex.js";
import type { IngestProgress } from "./index/types.js";
import { HybridRetriever } from "./retrieval/HybridRetriever.js";
import { MultiQueryRetriever } from "./retrieval/MultiQueryRetriever.js";
import { IndexResources } from "./retrieval/indexResources.js";
import { analyzeQuery } from "./retrieval/analyzeQuery.js";
import { locateTopic } from "./retrieval/roadmapNavigator.js";
import { searchResources } from "./retrieval/searchResources.js";
import type { Retriever, RoadmapPosition } from "./retrieval/types.js";
import { openStore } from "./store/openStore.js";
import { SnapshotHolder } from "./store/SnapshotHolder.js";
import type { IndexStore } from "./store/types.js";

/**
 * The composition root: the parts of the product wired together for one configuration.
 * server.ts, the CLIs and the integration tests all build the product through here, so there
 * is exactly one place that decides which embedder, retriever and answerer run.
 */
export interface Tutor {
  config: Config;
  /** The live index snapshot, whichever store (STORE) holds it. */
  index: SnapshotHolder;
  store: IndexStore;
  retriever: Retriever;
  answerer: Answerer;
  locateTopic(topic: string): RoadmapPosition[];
  searchResources(resources: Resource[], query: string, limit: number): Resource[];
  /** Re-read the live index version from the store and swap it in; the old one serves until then. */
  reload(): Promise<void>;
  /**
   * Follow versions made live by other processes (an `npm run ingest`, another replica's
   * reindex): reload on each; returns stop(). The server calls it; tests may.
   */
  follow(events?: { reloaded?: (version: string) => void; failed?: (error: unknown) => void }): () => void;
  /** Release the store's connections. */
  close(): Promise<void>;
  /** Why no index is loaded, if that is the case. */
  problem(): string | undefined;
  /** Rebuild in the background (POST /admin/reindex); swapped in only when it succeeds. */
  reindex: BackgroundReindex;
}

export interface OpenTutorOptions {
  /** Build the index first when none exists (what `npm start` does on a fresh clone). */
  buildIfMissing?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  /** Keep serving /healthz and /readyz (503) when the index cannot be loaded, instead of throwing. */
  tolerateMissingIndex?: boolean;
  /** Called with every prompt sent to the model; only wired when DEBUG_PROMPTS is on. */
  onPrompt?: (kind: "condense" | "answer", prompt: { system: string; user: string }) => void;
}

export async function openTutor(config: Config, options: OpenTutorOptions = {}): Promise<Tutor> {
  const store = openStore(config, createEmbeddings(config));
  if (options.buildIfMissing) await store.ensure(options.onProgress);

  const holder = new SnapshotHolder();
  let problem: string | undefined;
  const reload = async () => {
    try {
      const loaded = await store.load();
      IndexResources.of(loaded).warm();
      holder.swap(loaded);
      problem = undefined;
    } catch (error) {
      problem = isTutorError(error) ? error.message : "The index could not be loaded.";
      throw error;
    }
  };
  try {
    await reload();
  } catch (error) {
    if (!options.tolerateMissingIndex || !(error instanceof IndexNotReady || isTutorError(error))) throw error;
  }

  const hybrid = new HybridRetriever({
    index: () => holder.current(),
    k: config.RETRIEVAL_K,
    maxChunksPerSection: config.MAX_CHUNKS_PER_SECTION,
    abstainThreshold: config.ABSTAIN_THRESHOLD,
  });
  // Multi-query retrieval needs the model, so it exists only in LLM mode and when asked for.
  const retriever: Retriever =
    config.QUERY_REWRITE && llmConfigured(config)
      ? new MultiQueryRetriever(hybrid, createQuestionRewriter(createChatModel(config), { timeoutMs: config.OPENAI_TIMEOUT_MS }))
      : hybrid;
  const unlimited = createAnswerer({
    config,
    retriever,
    ...(config.DEBUG_PROMPTS && options.onPrompt ? { onPrompt: options.onPrompt } : {}),
  });
  // Only model-backed answers need a cap: extractive ones are a few milliseconds of CPU.
  const answerer =
    unlimited.mode === "llm"
      ? new ConcurrencyLimitedAnswerer(unlimited, { concurrency: config.MODEL_CONCURRENCY, queue: config.MODEL_QUEUE })
      : unlimited;

  return {
    config,
    index: holder,
    store,
    retriever,
    answerer,
    locateTopic: (topic) => {
      const index = holder.current();
      return locateTopic(index.documents, index.chunks, topic, analyzeQuery(topic).expansions);
    },
    searchResources,
    reload,
    follow: (events = {}) => {
      // One reload at a time, in order: a NOTIFY and a poll reporting the same flip load it once.
      let queue = Promise.resolve();
      return store.follow((version) => {
        queue = queue.then(async () => {
          const before = holder.tryCurrent()?.version;
          if (version !== undefined && version === before) return;
          try {
            await reload();
            const now = holder.tryCurrent()?.version;
            if (now !== undefined && now !== before) events.reloaded?.(now);
          } catch (error) {
            events.failed?.(error);
          }
        });
      }, events.failed);
    },
    close: () => store.close(),
    problem: () => problem,
    reindex: new BackgroundReindex(async () => {
      const summary = await store.ingest();
      await reload();
      return summary;
    }),
  };
}
