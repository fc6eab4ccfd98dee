import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { Config } from "../config.js";
import { BadInput } from "../errors.js";
import type { EmbedderIdentity } from "./types.js";
import { LocalHashedEmbeddings } from "./LocalHashedEmbeddings.js";
import { OpenAiCompatibleEmbeddings } from "./OpenAiCompatibleEmbeddings.js";

export interface ConfiguredEmbeddings {
  embeddings: EmbeddingsInterface;
  /**
   * Who makes the vectors, recorded in the index manifest and checked when an index is loaded.
   * A function because a remote server's vector size is only known after its first answer
   * (dimensions is 0 until then; loadIndex then trusts the manifest and checks every vector).
   */
  identity: () => EmbedderIdentity;
}

/** The embedder the configuration asks for: EMBEDDINGS_PROVIDER=local (default, offline) or openai. */
export function createEmbeddings(config: Config): ConfiguredEmbeddings {
  if (config.EMBEDDINGS_PROVIDER === "local") {
    const embeddings = new LocalHashedEmbeddings({ dimensions: config.LOCAL_EMBEDDING_DIMENSIONS });
    return { embeddings, identity: () => embeddings.identity() };
  }
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL) {
    throw new BadInput("EMBEDDINGS_PROVIDER=openai needs OPENAI_API_KEY (for api.openai.com) or OPENAI_BASE_URL (for a local server).");
  }
  const embeddings = new OpenAiCompatibleEmbeddings({
    model: config.EMBEDDING_MODEL,
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    batchSize: config.EMBEDDING_BATCH_SIZE,
    timeoutMs: config.OPENAI_TIMEOUT_MS,
    maxRetries: config.OPENAI_MAX_RETRIES,
  });
  return { embeddings, identity: () => embeddings.identity() };
}
