import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import type { OpenAIEmbeddings } from "@langchain/openai";
import { UpstreamFailed } from "../errors.js";
import type { EmbedderIdentity } from "./types.js";
import { displayServerUrl, toUpstreamError } from "../upstreamErrors.js";

export interface OpenAiCompatibleEmbeddingsOptions {
  model: string;
  /** Absent for servers that need none (Ollama, vLLM without auth). */
  apiKey?: string | undefined;
  /** Absent: api.openai.com. */
  baseURL?: string | undefined;
  /** Inputs per request. */
  batchSize: number;
  timeoutMs: number;
  maxRetries: number;
}

/** The OpenAI client refuses to start without a key; servers without auth ignore whatever is sent. */
const PLACEHOLDER_KEY = "not-needed";

/**
 * Embeddings from any OpenAI-compatible server (OpenAI, Ollama, vLLM, LM Studio…) through
 * LangChain's OpenAIEmbeddings. Adds what the product needs on top: failures become
 * UpstreamFailed/UpstreamTimeout naming the server and status, responses are checked (one finite
 * vector per input, all the same size), and the vector size is learned from the first answer.
 *
 * LangChain's client is imported on the first embedding call, not with this module: loading
 * `@langchain/openai` (and the `openai` SDK under it) costs ~100 ms of start-up on Node 20, and
 * the offline server, which embeds locally, never needs it.
 */
export class OpenAiCompatibleEmbeddings implements EmbeddingsInterface {
  readonly serverUrl: string;
  readonly model: string;
  private readonly options: OpenAiCompatibleEmbeddingsOptions;
  private client: Promise<OpenAIEmbeddings> | undefined;
  private learnedDimensions: number | undefined;

  constructor(options: OpenAiCompatibleEmbeddingsOptions) {
    this.options = options;
    this.model = options.model;
    this.serverUrl = displayServerUrl(options.baseURL);
  }

  private langChainClient(): Promise<OpenAIEmbeddings> {
    this.client ??= import("@langchain/openai").then(
      ({ OpenAIEmbeddings }) =>
        new OpenAIEmbeddings({
          model: this.options.model,
          apiKey: this.options.apiKey ?? PLACEHOLDER_KEY,
          configuration: this.options.baseURL ? { baseURL: this.options.baseURL } : {},
          batchSize: this.options.batchSize,
          timeout: this.options.timeoutMs,
          maxRetries: this.options.maxRetries,
          encodingFormat: "float",
        }),
    );
    return this.client;
  }

  /** dimensions is 0 until the first vector has been received. */
  identity(): EmbedderIdentity {
    return { provider: "openai", model: this.model, dimensions: this.learnedDimensions ?? 0 };
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const client = await this.langChainClient();
    let vectors: number[][];
    try {
      vectors = await client.embedDocuments(texts);
    } catch (error) {
      throw toUpstreamError(error, { baseURL: this.options.baseURL, server: "embedding" });
    }
    if (!Array.isArray(vectors) || vectors.length !== texts.length) {
      throw new UpstreamFailed(
        `embedding server ${this.serverUrl} returned ${Array.isArray(vectors) ? vectors.length : "no"} vectors for ${texts.length} inputs`,
      );
    }
    for (const vector of vectors) this.check(vector);
    return vectors;
  }

  async embedQuery(text: string): Promise<number[]> {
    const client = await this.langChainClient();
    let vector: number[];
    try {
      vector = await client.embedQuery(text);
    } catch (error) {
      throw toUpstreamError(error, { baseURL: this.options.baseURL, server: "embedding" });
    }
    this.check(vector);
    return vector;
  }

  private check(vector: unknown): asserts vector is number[] {
    if (!Array.isArray(vector) || vector.length === 0 || !vector.every((x) => typeof x === "number" && Number.isFinite(x))) {
      throw new UpstreamFailed(`embedding server ${this.serverUrl} returned something that is not a vector of numbers`);
    }
    if (this.learnedDimensions === undefined) this.learnedDimensions = vector.length;
    else if (vector.length !== this.learnedDimensions) {
      throw new UpstreamFailed(
        `embedding server ${this.serverUrl} returned a ${vector.length}-dimensional vector after ${this.learnedDimensions}-dimensional ones`,
      );
    }
  }
}
