import { HybridRetriever } from "../../src/retrieval/HybridRetriever.js";
import type { Retriever } from "../../src/retrieval/types.js";
import type { AnswerEvent, Answerer, AnswerRequest } from "../../src/answering/types.js";
import { buildTestIndex } from "../support/buildTestIndex.js";

export interface TestRetriever {
  retriever: Retriever;
  cleanup(): Promise<void>;
}

/** The real retriever over a real index built from the real corpus (or the given roadmap folder). */
export async function realRetriever(corpusDir?: string): Promise<TestRetriever> {
  const built = await buildTestIndex(corpusDir ? { corpusDir } : {});
  const retriever = new HybridRetriever({ index: () => built.snapshot, k: 6, maxChunksPerSection: 2, abstainThreshold: 0.3 });
  return { retriever, cleanup: built.cleanup };
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
