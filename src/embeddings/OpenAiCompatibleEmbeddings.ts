import { OpenAIEmbeddings } from "@langchain/openai";
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
 */
export class OpenAiCompatibleEmbeddings extends OpenAIEmbeddings {
  readonly serverUrl: string;
  private readonly configuredBaseURL: string | undefined;
  private learnedDimensions: number | undefined;

  constructor(options: OpenAiCompatibleEmbeddingsOptions) {
    super({
      model: options.model,
      apiKey: options.apiKey ?? PLACEHOLDER_KEY,
      configuration: options.baseURL ? { baseURL: options.baseURL } : {},
      batchSize: options.batchSize,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      encodingFormat: "float",
    });
    this.configuredBaseURL = options.baseURL;
    this.serverUrl = displayServerUrl(options.baseURL);
  }

  /** dimensions is 0 until the first vector has been received. */
  identity(): EmbedderIdentity {
    return { provider: "openai", model: this.model, dimensions: this.learnedDimensions ?? 0 };
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    let vectors: number[][];
    try {
      vectors = await super.embedDocuments(texts);
    } catch (error) {
      throw toUpstreamError(error, { baseURL: this.configuredBaseURL, server: "embedding" });
    }
    if (!Array.isArray(vectors) || vectors.length !== texts.length) {
      throw new UpstreamFailed(
        `embedding server ${this.serverUrl} returned ${Array.isArray(vectors) ? vectors.length : "no"} vectors for ${texts.length} inputs`,
      );
    }
    for (const vector of vectors) this.check(vector);
    return vectors;
  }

  override async embedQuery(text: string): Promise<number[]> {
    let vector: number[];
    try {
      vector = await super.embedQuery(text);
    } catch (error) {
      throw toUpstreamError(error, { baseURL: this.configuredBaseURL, server: "embedding" });
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
