import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import type { EmbedderIdentity } from "../embeddings/types.js";
import type { IngestOptions } from "./types.js";

// Apart from ingestCorpus.ts so that a server can hold its ingest options without loading the
// ingest pipeline (corpus parsing, chunking, the lexicon) until it first rebuilds.

/** The ingest options a configuration implies, for a given embedder (from createEmbeddings). */
export function ingestOptionsFromConfig(
  config: Config,
  embedder: { embeddings: EmbeddingsInterface; identity: () => EmbedderIdentity },
): IngestOptions {
  return {
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embeddings: embedder.embeddings,
    identity: embedder.identity,
    maxFileBytes: config.MAX_FILE_BYTES,
    batchSize: config.EMBEDDING_BATCH_SIZE,
  };
}
