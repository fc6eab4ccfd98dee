import { ConcurrencyLimitedAnswerer } from "./answering/ConcurrencyLimitedAnswerer.js";
import { createAnswerer } from "./answering/createAnswerer.js";
import type { LlmAnswererOptions } from "./answering/LlmAnswerer.js";
import type { Answerer } from "./answering/types.js";
import { llmConfigured, type Config } from "./config.js";
import type { Resource } from "./corpus/types.js";
import { createEmbeddings, type ConfiguredEmbeddings } from "./embeddings/createEmbeddings.js";
import { IndexNotReady, isTutorError, Overloaded } from "./errors.js";
import { loadIndex } from "./index/loadIndex.js";
import type { LoadedIndex } from "./index/types.js";
import { ensureIndex } from "./ingest/ensureIndex.js";
import { ingestOptionsFromConfig } from "./ingest/ingestOptions.js";
import type { IngestOptions } from "./ingest/types.js";
import type { IngestProgress } from "./ingest/types.js";
import { BackgroundReindex } from "./lifecycle/BackgroundReindex.js";
import { HybridRetriever } from "./retrieval/HybridRetriever.js";
import { MultiQueryRetriever } from "./retrieval/MultiQueryRetriever.js";
import { IndexResources } from "./retrieval/indexResources.js";
import { analyzeQuery } from "./retrieval/analyzeQuery.js";
import { locateTopic } from "./retrieval/roadmapNavigator.js";
import { searchResources } from "./retrieval/searchResources.js";
import type { Retriever, RoadmapPosition } from "./retrieval/types.js";
import { openStore } from "./store/openStore.js";
import { SnapshotHolder } from "./store/SnapshotHolder.js";
import type { IndexSnapshot, IndexStore } from "./store/types.js";

/**
 * The composition root: the one place that decides which embedder, retriever and answerer run
 * for a configuration. Every entry point builds the product through the factories below: the
 * server and the bench's app process (openTutor), the CLIs and evaluation (openPipeline), ingest
 * (ingestOptions), and whoever holds an index already (createRetriever, e.g. the scale bench).
 */

/** Config → ingest options: folders, limits and the configured embedder (created unless given). */
export function ingestOptions(config: Config, embedder: ConfiguredEmbeddings = createEmbeddings(config)): IngestOptions {
  return ingestOptionsFromConfig(config, embedder);
}

/**
 * Ingest into the configured store (STORE): the file writer under INDEX_DIR by default, the
 * store's own writer otherwise (Postgres). close() releases the store's connections.
 */
export async function openIngest(config: Config): Promise<{ options: IngestOptions; close: () => Promise<void> }> {
  const embedder = createEmbeddings(config);
  const store = await openStore(config, embedder);
  const writer = store.writer();
  return { options: { ...ingestOptions(config, embedder), ...(writer ? { writer } : {}) }, close: () => store.close() };
}

/** The index at INDEX_DIR, read with the configured embedder (which must be the one it was built with). */
export function openIndex(config: Config, embedder: ConfiguredEmbeddings = createEmbeddings(config)): Promise<LoadedIndex> {
  return loadIndex(config.INDEX_DIR, embedder.embeddings, embedder.identity());
}

/** Hybrid retrieval over whatever index `index()` returns now; multi-query on top when configured. */
export function createRetriever(config: Config, index: () => IndexSnapshot): Retriever {
  const hybrid = new HybridRetriever({
    index,
    k: config.RETRIEVAL_K,
    maxChunksPerSection: config.MAX_CHUNKS_PER_SECTION,
    abstainThreshold: config.ABSTAIN_THRESHOLD,
  });
  // Multi-query retrieval needs the model, so it exists only in LLM mode and when asked for.
  if (!config.QUERY_REWRITE || !llmConfigured(config)) return hybrid;
  // The chat model and LangChain's chains (~200 ms to load on Node 20) are imported on the first question.
  let rewriter: Promise<(question: string) => Promise<string[]>> | undefined;
  return new MultiQueryRetriever(hybrid, async (question) => {
    rewriter ??= Promise.all([import("./answering/createChatModel.js"), import("./answering/questionRewrite.js")]).then(
      ([{ createChatModel }, { createQuestionRewriter }]) =>
        createQuestionRewriter(createChatModel(config), { timeoutMs: config.OPENAI_TIMEOUT_MS }),
    );
    return (await rewriter)(question);
  });
}

/** The answerer for a retriever: LLM or extractive by config, model calls capped by MODEL_CONCURRENCY. */
export async function createPipelineAnswerer(
  config: Config,
  retriever: Retriever,
  onPrompt?: LlmAnswererOptions["onPrompt"],
): Promise<Answerer> {
  const unlimited = await createAnswerer({ config, retriever, ...(config.DEBUG_PROMPTS && onPrompt ? { onPrompt } : {}) });
  // Only model-backed answers need a cap: extractive ones are a few milliseconds of CPU.
  return unlimited.mode === "llm"
    ? new ConcurrencyLimitedAnswerer(unlimited, { concurrency: config.MODEL_CONCURRENCY, queue: config.MODEL_QUEUE })
    : unlimited;
}

/** The question path over the live index: what a CLI or the evaluation needs. */
export interface Pipeline {
  config: Config;
  /** The live index snapshot, whichever store (STORE) holds it. */
  index: SnapshotHolder;
  store: IndexStore;
  retriever: Retriever;
  answerer: Answerer;
  /** The options ingest runs with for this configuration (the same embedder the index is read with). */
  ingestOptions: IngestOptions;
  /** Re-read the live index version from the store and swap it in; the old one serves until then. */
  reload: () => Promise<void>;
  /**
   * Follow versions made live by other processes (an `npm run ingest`, another replica's
   * reindex) and reload on each; returns stop(). The server calls it; tests may.
   */
  follow: (events?: { reloaded?: (version: string) => void; failed?: (error: unknown) => void }) => () => void;
  /** Release the store's connections. */
  close: () => Promise<void>;
  /** Why no index is loaded, if that is the case. */
  problem: () => string | undefined;
}

export interface OpenPipelineOptions {
  /** Build the index first when none exists (what `npm start` does on a fresh clone). */
  buildIfMissing?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  /** Keep serving /healthz and /readyz (503) when the index cannot be loaded, instead of throwing. */
  tolerateMissingIndex?: boolean;
  /** Called with every prompt sent to the model; only wired when DEBUG_PROMPTS is on. */
  onPrompt?: (kind: "condense" | "answer", prompt: { system: string; user: string }) => void;
}

export async function openPipeline(config: Config, options: OpenPipelineOptions = {}): Promise<Pipeline> {
  const embedder = createEmbeddings(config);
  const store = await openStore(config, embedder);
  const writer = store.writer();
  const ingest: IngestOptions = { ...ingestOptions(config, embedder), ...(writer ? { writer } : {}) };
  if (options.buildIfMissing)
    await buildFirstVersion(store, { ...ingest, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });

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

  const retriever = createRetriever(config, () => holder.current());
  const answerer = await createPipelineAnswerer(config, retriever, options.onPrompt);
  const follow: Pipeline["follow"] = (events = {}) => {
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
  };
  return {
    config,
    index: holder,
    store,
    retriever,
    answerer,
    ingestOptions: ingest,
    reload,
    follow,
    close: () => store.close(),
    problem: () => problem,
  };
}

/**
 * `npm start` on a fresh clone (or a fresh database) builds the first version. The file store
 * also rebuilds an index of an older on-disk format. With Postgres, when several replicas start
 * at once one builds and the others (their ingest refused by the advisory lock) follow its flip.
 */
async function buildFirstVersion(store: IndexStore, ingest: IngestOptions): Promise<void> {
  if (store.kind === "file") {
    await ensureIndex(ingest);
    return;
  }
  if (await store.hasLiveVersion()) return;
  try {
    const { ingestCorpus } = await import("./ingest/ingestCorpus.js");
    await ingestCorpus(ingest);
  } catch (error) {
    if (!(error instanceof Overloaded)) throw error;
  }
}

/**
 * Build the first index version when there is none, then release the store, without loading the
 * index: the primary of `WORKERS=N` runs this once before forking, so workers never race to ingest.
 */
export async function prepareIndex(config: Config, onProgress?: (progress: IngestProgress) => void): Promise<void> {
  const embedder = createEmbeddings(config);
  const store = await openStore(config, embedder);
  try {
    const writer = store.writer();
    const ingest: IngestOptions = { ...ingestOptions(config, embedder), ...(writer ? { writer } : {}) };
    await buildFirstVersion(store, { ...ingest, ...(onProgress ? { onProgress } : {}) });
  } finally {
    await store.close();
  }
}

/** The pipeline plus what only the server needs: roadmap and resource lookups, background rebuilds. */
export interface Tutor extends Pipeline {
  // Properties, not methods: buildApp is handed them detached from the object.
  locateTopic: (topic: string) => RoadmapPosition[];
  searchResources: (resources: Resource[], query: string, limit: number) => Resource[];
  /** Rebuild in the background (POST /admin/reindex); swapped in only when it succeeds. */
  reindex: BackgroundReindex;
}

export type OpenTutorOptions = OpenPipelineOptions;

export async function openTutor(config: Config, options: OpenTutorOptions = {}): Promise<Tutor> {
  const pipeline = await openPipeline(config, options);
  const holder = pipeline.index;
  return {
    ...pipeline,
    locateTopic: (topic) => {
      const index = holder.current();
      return locateTopic(index.documents, index.chunks, topic, analyzeQuery(topic).expansions);
    },
    searchResources,
    reindex: new BackgroundReindex(async () => {
      // Imported on the first rebuild: a server that never rebuilds never loads the ingest pipeline.
      const { ingestCorpus } = await import("./ingest/ingestCorpus.js");
      const summary = await ingestCorpus(pipeline.ingestOptions);
      await pipeline.reload();
      return summary;
    }),
  };
}
