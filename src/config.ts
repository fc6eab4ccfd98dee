import { existsSync } from "node:fs";
import path from "node:path";
import ipaddr from "ipaddr.js";
import ms, { type StringValue } from "ms";
import { z } from "zod";

/**
 * Every environment variable the product reads, parsed once. Nothing else in src/ reads
 * process.env: the parsed Config is passed down. `.env.example` documents each variable.
 */

const boolean = z.enum(["true", "false", "1", "0", "yes", "no", ""]).transform((v) => v === "true" || v === "1" || v === "yes");

const list = z.string().transform((v) =>
  v
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0),
);

const positiveInt = z.coerce.number().int().positive();
/** Shortest accepted API/admin key: shorter keys fall to guessing even with the auth-failure budget. */
export const MIN_KEY_LENGTH = 16;

/** Surfaces PUBLIC_ROUTES may open when API_KEYS is set (see src/http/plugins/apiKeyAuth.ts). */
export const PUBLIC_SURFACES = ["widget", "documents"] as const;

/**
 * TRUST_PROXY: false (default: X-Forwarded-* are ignored), true (trust every hop: only when a
 * proxy you run is the sole way in), or comma-separated proxy addresses/CIDRs. No hop count:
 * Fastify 5 treats a bare count as "trust nothing", since a count cannot tell a proxy from a
 * client that adds hops itself; name the proxy's address instead.
 */
const trustProxy = z.string().transform((v, ctx): boolean | string[] => {
  const value = v.trim().toLowerCase();
  if (["false", "no"].includes(value)) return false;
  if (["true", "yes"].includes(value)) return true;
  const entries = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((entry) => !isAddressOrCidr(entry));
  if (/^\d+$/.test(value) || bad.length > 0 || entries.length === 0) {
    ctx.addIssue({
      code: "custom",
      message: /^\d+$/.test(value)
        ? "a hop count cannot tell a proxy from a client; list the proxy addresses/CIDRs instead (e.g. 127.0.0.1 or 10.0.0.0/8)"
        : "expected true, false, or comma-separated proxy IPs/CIDRs",
    });
    return z.NEVER;
  }
  return entries;
});

function isAddressOrCidr(entry: string): boolean {
  try {
    const address = entry.split("/")[0] ?? "";
    // Only the usual notations (ipaddr.js also reads "2" or "0x7f.1" as IPv4).
    if (!ipaddr.IPv6.isValid(address) && !ipaddr.IPv4.isValidFourPartDecimal(address)) return false;
    if (entry.includes("/")) ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}
const nonNegativeInt = z.coerce.number().int().nonnegative();

/** "500ms", "30s", "1m", "2h", "1d" or a number of milliseconds, parsed by `ms`; must be > 0. */
const duration = z.string().transform((value, context) => {
  const milliseconds = ms(value as StringValue) as number | undefined;
  if (typeof milliseconds !== "number" || !Number.isFinite(milliseconds) || milliseconds <= 0) {
    context.addIssue({ code: "custom", message: "expected a duration such as 500ms, 30s, 1m or 2h" });
    return z.NEVER;
  }
  return Math.round(milliseconds);
});

/**
 * Values that the schema below and the stages share, defined once (issue 15 item 5). Stages read
 * them from here because config.ts imports no stage.
 */
/**
 * Default refusal threshold (ABSTAIN_THRESHOLD): evidence under it gives confidence "none".
 * Chosen with the low-confidence threshold (retrieval/confidence.ts) by 5-fold cross-validation
 * on the blind tune split (`npm run calibrate`; curve in tests/eval/README.md).
 */
export const DEFAULT_ABSTAIN_THRESHOLD = 0.06;
/** Most passages one answer or search may ask for: RETRIEVAL_K's ceiling and the API's `k` limit. */
export const MAX_RETRIEVAL_K = 20;
/**
 * Default MAX_HISTORY_TURNS. A turn is one exchange, a user message and the answer to it, so a
 * history holds at most twice as many messages (answering/history.ts).
 */
export const DEFAULT_MAX_HISTORY_TURNS = 10;

export const configSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Server processes sharing PORT (node:cluster); 1 = a single process, no primary. */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  /** Public URL of this server, used in links inside answers (OpenAI-compatible route, widget). */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, hostname: z.regexes.hostname, error: "must be an http(s) URL" }).optional(),
  /** Whether X-Forwarded-For/-Host/-Proto are believed (client address, links). Default: not. */
  TRUST_PROXY: trustProxy.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Log full prompts at debug level. Off by default: prompts contain user text. */
  DEBUG_PROMPTS: boolean.default(false),
  QUERY_REWRITE: boolean.default(false),

  CORPUS_DIR: z.string().min(1).default("corpus"),
  INDEX_DIR: z.string().min(1).default("data/index"),
  /**
   * Where the index lives: `file` (default: HNSW + lexical files under INDEX_DIR, no server) or
   * `postgres` (pgvector + SQL lexical search in DATABASE_URL, shared by every replica).
   */
  STORE: z.enum(["file", "postgres"]).default("file"),
  /** postgres://user:password@host:5432/db for STORE=postgres. Never logged (it may hold a password). */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// or postgresql:// URL" }).optional(),
  /** Connections per process to DATABASE_URL (queries run in parallel up to this many). */
  PG_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Longest a single SQL statement may run (server-side statement_timeout and client-side deadline). */
  PG_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** How often a replica checks the live version when no NOTIFY arrives (bound on how stale it can be). */
  PG_VERSION_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
  /** Largest corpus file ingest accepts, in bytes. */
  MAX_FILE_BYTES: positiveInt.default(2_000_000),

  EMBEDDINGS_PROVIDER: z.enum(["local", "openai"]).default("local"),
  /** Model name for the openai provider; the local provider ignores it. */
  EMBEDDING_MODEL: z.string().min(1).default("text-embedding-3-small"),
  /** Vector size of the local hashed embedder. */
  LOCAL_EMBEDDING_DIMENSIONS: z.coerce.number().int().min(64).max(8192).default(1024),
  EMBEDDING_BATCH_SIZE: z.coerce.number().int().min(1).max(2048).default(64),

  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.url().optional(),
  CHAT_MODEL: z.string().min(1).default("gpt-4o-mini"),
  TEMPERATURE: z.coerce.number().min(0).max(2).default(0.2),
  MAX_ANSWER_TOKENS: positiveInt.default(1024),
  /** Per-request timeout towards the model/embedding server. */
  OPENAI_TIMEOUT_MS: positiveInt.default(30_000),
  OPENAI_MAX_RETRIES: nonNegativeInt.max(10).default(2),
  /** Longest silence allowed between streamed model chunks before the answer fails with 504. */
  MODEL_IDLE_TIMEOUT_MS: positiveInt.default(20_000),
  /** Longest answer kept from the model; past it the model request is stopped (finish_reason "length"). */
  MAX_ANSWER_CHARS: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  /** When the model server fails, answer extractively (marked as such) instead of erroring. */
  FALLBACK_EXTRACTIVE: boolean.default(false),

  RETRIEVAL_K: z.coerce.number().int().min(1).max(MAX_RETRIEVAL_K).default(6),
  MAX_CHUNKS_PER_SECTION: z.coerce.number().int().min(1).max(20).default(2),
  /** Evidence (0..1) under which the answer refuses (confidence none); chosen by npm run calibrate (tests/eval/README.md). */
  ABSTAIN_THRESHOLD: z.coerce.number().min(0).max(1).default(DEFAULT_ABSTAIN_THRESHOLD),

  /** Offline answers kept per index version for repeated questions (src/http/answerCache.ts); 0 turns it off. */
  ANSWER_CACHE_SIZE: nonNegativeInt.max(1_000_000).default(1000),
  /** /api/search result lists kept per index version for repeated queries (src/http/searchCache.ts); 0 turns it off. */
  SEARCH_CACHE_SIZE: nonNegativeInt.max(1_000_000).default(1000),

  MAX_QUESTION_CHARS: z.coerce.number().int().min(10).max(20_000).default(1000),
  /** Prior exchanges (a user message and its answer) kept as history; the API accepts twice as many messages. */
  MAX_HISTORY_TURNS: z.coerce.number().int().min(0).max(100).default(DEFAULT_MAX_HISTORY_TURNS),
  BODY_LIMIT_BYTES: positiveInt.default(64 * 1024),
  /** Deadline for one question, end to end: queue wait, condensing, retries and generation (504 past it). */
  REQUEST_TIMEOUT_MS: positiveInt.default(60_000),

  /** Comma-separated origins allowed by CORS (the widget's host pages). Empty: same origin only. */
  ALLOWED_ORIGINS: list.default([]),
  /** Comma-separated keys; when set, /api/* and /v1/* need `Authorization: Bearer <key>`. */
  API_KEYS: list
    .refine((keys) => keys.length > 0, "lists no key (only commas/blanks); unset it for an open API")
    .refine((keys) => keys.every((k) => k.length >= MIN_KEY_LENGTH), `every key must be at least ${MIN_KEY_LENGTH} characters`)
    .default([]),
  /** Key for /admin/* routes; admin routes are disabled without it. */
  ADMIN_KEY: z.string().min(MIN_KEY_LENGTH, `ADMIN_KEY must be at least ${MIN_KEY_LENGTH} characters`).optional(),
  /**
   * Surfaces served without a key even when API_KEYS is set: `widget` (POST /api/ask for browsers
   * from ALLOWED_ORIGINS, plus the document view) or `documents` (the document view only).
   */
  PUBLIC_ROUTES: list
    .pipe(z.array(z.enum(PUBLIC_SURFACES, { error: `expected a comma-separated list of ${PUBLIC_SURFACES.join(", ")}` })))
    .default([]),
  /** Failed key checks per address per window before 429 (guessing keys). */
  AUTH_FAILURE_MAX: positiveInt.default(10),
  AUTH_FAILURE_WINDOW: duration.default(15 * 60_000),
  /** Requests one client (verified key, else address) may have in flight; 0 = no cap. Past it: 429. */
  CLIENT_MAX_IN_FLIGHT: nonNegativeInt.default(4),
  RATE_LIMIT_MAX: positiveInt.default(60),
  RATE_LIMIT_WINDOW: duration.default(60_000),
  /** Stricter budget for model-backed answers, per client per window. */
  RATE_LIMIT_ASK_MAX: positiveInt.default(20),
  /**
   * Redis for counters shared by replicas (rate limits, auth-failure budgets). Unset: every
   * limit is per process. redis:// or rediss:// (TLS); a password in the URL is never logged.
   */
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" }).optional(),
  /** Deadline for (re)connecting to Redis, and for each Redis command; past it counters fall back to this process. */
  REDIS_CONNECT_TIMEOUT_MS: positiveInt.default(2000),
  REDIS_COMMAND_TIMEOUT_MS: positiveInt.default(500),
  /** CORS preflight cache time, in seconds. */
  CORS_MAX_AGE_S: nonNegativeInt.default(600),
  /** Answer 503 + Retry-After while the process is overloaded (see the LOAD_SHED_* thresholds). */
  LOAD_SHEDDING: boolean.default(true),
  LOAD_SHED_MAX_EVENT_LOOP_DELAY_MS: nonNegativeInt.default(1000),
  /** 0 disables the memory thresholds. */
  LOAD_SHED_MAX_HEAP_BYTES: nonNegativeInt.default(0),
  LOAD_SHED_MAX_RSS_BYTES: nonNegativeInt.default(0),
  LOAD_SHED_RETRY_AFTER_S: positiveInt.default(5),
  MODEL_CONCURRENCY: positiveInt.default(4),
  MODEL_QUEUE: nonNegativeInt.default(8),

  /** Model id the OpenAI-compatible endpoint advertises. */
  OPENAI_COMPAT_MODEL_ID: z.string().min(1).default("roadmap-tutor"),

  /** Fetch web pages that documents link to during ingest (see docs/ingest.md "Linked notes from the web"). */
  FETCH_LINKS: boolean.default(false),

  /** `npm run eval --judge`: the judge's model on the configured server (default: CHAT_MODEL). */
  JUDGE_MODEL: z.string().min(1).optional(),
  /** `npm run eval --base-url`: Bearer key sent to the evaluated server when it has API_KEYS. */
  EVAL_API_KEY: z.string().optional(),
});

export type Config = z.infer<typeof configSchema>;

/** Whether answers are generated by a model (LLM mode) or extracted offline. */
export function llmConfigured(config: Config): boolean {
  return Boolean(config.OPENAI_API_KEY || config.OPENAI_BASE_URL);
}

/**
 * Exit code of every CLI (server, ingest, ask, eval) when the configuration is invalid: the same
 * "bad input" code as an unknown flag, and distinct from 1, which eval uses for a failed gate.
 */
export const CONFIG_ERROR_EXIT_CODE = 2;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parse the configuration from an environment object. Empty strings count as unset, so a
 * `.env` copied from `.env.example` with blank values gives the defaults.
 */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value.trim() !== "") cleaned[key] = value.trim();
  }
  const result = configSchema.safeParse(cleaned);
  if (result.success && result.data.PUBLIC_ROUTES.length > 0 && result.data.API_KEYS.length === 0) {
    throw new ConfigError([
      "PUBLIC_ROUTES: opens some routes while API_KEYS protects the rest; set API_KEYS too (without it every route is already open)",
    ]);
  }
  if (result.success && result.data.STORE === "postgres" && !result.data.DATABASE_URL) {
    throw new ConfigError(["DATABASE_URL: required when STORE=postgres (e.g. postgres://tutor:secret@localhost:5432/tutor)"]);
  }
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".") || "(environment)";
        // Never echo the value: it may be a key.
        return `${name}: ${issue.message}`;
      }),
    );
  }
  return result.data;
}

/** Load `.env` from the working directory (if present) into the given env, without overriding. */
export function loadEnvFile(env: NodeJS.ProcessEnv, file = path.resolve(".env")): void {
  if (!existsSync(file)) return;
  const before = { ...env };
  process.loadEnvFile(file);
  // process.loadEnvFile writes into process.env; restore anything that was already set.
  for (const [key, value] of Object.entries(before)) if (value !== undefined) env[key] = value;
}

/** Describe the config for logs: never includes keys. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    host: config.HOST,
    port: config.PORT,
    corpus: config.CORPUS_DIR,
    index: config.INDEX_DIR,
    store: config.STORE,
    embeddings: config.EMBEDDINGS_PROVIDER,
    mode: llmConfigured(config) ? "llm" : "extractive",
    model: llmConfigured(config) ? config.CHAT_MODEL : undefined,
    modelServer: config.OPENAI_BASE_URL ?? (config.OPENAI_API_KEY ? "https://api.openai.com/v1" : undefined),
    apiKeys: config.API_KEYS.length > 0 ? `${config.API_KEYS.length} configured` : "none",
    publicRoutes: config.PUBLIC_ROUTES.length > 0 ? config.PUBLIC_ROUTES : undefined,
    trustProxy: config.TRUST_PROXY,
    sharedLimits: config.REDIS_URL ? "redis" : "per process",
  };
}
