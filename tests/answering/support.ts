import { afterAll, beforeAll } from "vitest";
import { DEFAULT_ABSTAIN_THRESHOLD } from "../../src/config.js";
import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import type { Retriever } from "../../src/retrieval/types.js";
import type { AnswerEvent, Answerer, AnswerRequest } from "../../src/answering/types.js";
import { buildTestIndex } from "../support/buildTestIndex.js";

export interface TestRetriever {
  retriever: Retriever;
  /** The same index behind the product's default refusal threshold (config ABSTAIN_THRESHOLD). */
  productRetriever: Retriever;
  cleanup(): Promise<void>;
}

/** The real retriever over a real index built from the real corpus (or the given roadmap folder). */
export async function realRetriever(corpusDir?: string): Promise<TestRetriever> {
  const built = await buildTestIndex(corpusDir ? { corpusDir } : {});
  const retriever = new HybridRetriever({ index: () => built.snapshot, k: 6, maxChunksPerSection: 2, abstainThreshold: 0.3 });
  const productRetriever = new HybridRetriever({
    index: () => built.snapshot,
    k: 6,
    maxChunksPerSection: 2,
    abstainThreshold: DEFAULT_ABSTAIN_THRESHOLD,
  });
  return { retriever, productRetriever, cleanup: built.cleanup };
}

/**
 * realRetriever built once for the calling suite (beforeAll) and removed after it (afterAll), as
 * tests/support's useBundledTestIndex does for an index. Its retrievers are read inside a test or a
 * hook registered after this call (hooks run in the order they were registered).
 */
export function useRealRetriever(corpusDir?: string): Omit<TestRetriever, "cleanup"> {
  let built: TestRetriever | undefined;
  beforeAll(async () => {
    built = await realRetriever(corpusDir);
  }, 120_000);
  afterAll(async () => {
    await built?.cleanup();
  });
  const ready = (): TestRetriever => {
    if (!built) throw new Error("the real retriever is built in beforeAll: read it inside a test or a later hook");
    return built;
  };
  return {
    get retriever() {
      return ready().retriever;
    },
    get productRetriever() {
      return ready().productRetriever;
    },
  };
}

export async function collect(answerer: Answerer, request: AnswerRequest): Promise<{ events: AnswerEvent[]; error?: unknown }> {
  const events: AnswerEvent[] = [];
  try {
    for await (const event of answerer.stream(request)) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}
