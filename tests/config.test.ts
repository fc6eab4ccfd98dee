import { describe, expect, it } from "vitest";
import { ConfigError, describeConfig, llmConfigured, parseConfig } from "../src/config.js";

describe("parseConfig", () => {
  it("gives offline defaults with an empty environment", () => {
    const config = parseConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.HOST).toBe("127.0.0.1");
    expect(config.EMBEDDINGS_PROVIDER).toBe("local");
    expect(config.INDEX_DIR).toBe("data/index");
    expect(llmConfigured(config)).toBe(false);
  });

  it("treats blank values as unset, like a copied .env.example", () => {
    expect(parseConfig({ PORT: "", OPENAI_API_KEY: "  " }).PORT).toBe(3000);
    expect(llmConfigured(parseConfig({ OPENAI_API_KEY: "  " }))).toBe(false);
  });

  it("parses durations, lists and booleans", () => {
    const config = parseConfig({
      RATE_LIMIT_WINDOW: "30s",
      ALLOWED_ORIGINS: "https://a.example, https://b.example,",
      FALLBACK_EXTRACTIVE: "true",
    });
    expect(config.RATE_LIMIT_WINDOW).toBe(30_000);
    expect(config.ALLOWED_ORIGINS).toEqual(["https://a.example", "https://b.example"]);
    expect(config.FALLBACK_EXTRACTIVE).toBe(true);
    expect(parseConfig({ RATE_LIMIT_WINDOW: "2h" }).RATE_LIMIT_WINDOW).toBe(7_200_000);
    expect(parseConfig({ RATE_LIMIT_WINDOW: "1500" }).RATE_LIMIT_WINDOW).toBe(1500);
    for (const bad of ["-1s", "0", "soon"])
      expect(() => parseConfig({ RATE_LIMIT_WINDOW: bad }), bad).toThrow(/RATE_LIMIT_WINDOW: expected a duration/);
  });

  it("reads the evaluation's JUDGE_MODEL and EVAL_API_KEY through the schema", () => {
    expect(parseConfig({ JUDGE_MODEL: "qwen-plus", EVAL_API_KEY: "k" })).toMatchObject({ JUDGE_MODEL: "qwen-plus", EVAL_API_KEY: "k" });
    expect(parseConfig({}).JUDGE_MODEL).toBeUndefined();
  });

  it("switches to LLM mode with a key or a base URL", () => {
    expect(llmConfigured(parseConfig({ OPENAI_BASE_URL: "http://127.0.0.1:11434/v1" }))).toBe(true);
    expect(llmConfigured(parseConfig({ OPENAI_API_KEY: "sk-x" }))).toBe(true);
  });

  it("names every bad variable and never echoes its value", () => {
    let error: unknown;
    try {
      parseConfig({
        PORT: "seventy",
        EMBEDDINGS_PROVIDER: "magic",
        OPENAI_BASE_URL: "not a url sk-secret-value",
        RATE_LIMIT_WINDOW: "soon",
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ["PORT", "EMBEDDINGS_PROVIDER", "OPENAI_BASE_URL", "RATE_LIMIT_WINDOW"]) expect(message).toContain(name);
    expect(message).not.toContain("sk-secret-value");
  });

  it("describes the config for logs without keys", () => {
    const described = JSON.stringify(
      describeConfig(parseConfig({ OPENAI_API_KEY: "sk-abcdef123456", API_KEYS: "k1-secret-0123456789,k2-secret-0123456789" })),
    );
    expect(described).not.toContain("sk-abcdef123456");
    expect(described).not.toContain("k1-secret");
    expect(described).toContain("2 configured");
  });
});

describe("PUBLIC_BASE_URL (citation links are built from it)", () => {
  it("accepts only http(s) URLs", () => {
    expect(parseConfig({ PUBLIC_BASE_URL: "https://tutor.example.org" }).PUBLIC_BASE_URL).toBe("https://tutor.example.org");
    for (const bad of ["javascript:alert(1)", "ftp://tutor.example.org", "data:text/html,x"]) {
      expect(() => parseConfig({ PUBLIC_BASE_URL: bad })).toThrow(/PUBLIC_BASE_URL/);
    }
  });

  it("parses the model stream limits", () => {
    const config = parseConfig({ MODEL_IDLE_TIMEOUT_MS: "500", MAX_ANSWER_CHARS: "3000" });
    expect(config).toMatchObject({ MODEL_IDLE_TIMEOUT_MS: 500, MAX_ANSWER_CHARS: 3000 });
    expect(() => parseConfig({ MAX_ANSWER_CHARS: "10" })).toThrow(/MAX_ANSWER_CHARS/);
  });
});

describe("REDIS_URL (rate limits shared by replicas)", () => {
  it("accepts redis:// and rediss:// only, names the variable and never echoes a password", () => {
    expect(parseConfig({}).REDIS_URL).toBeUndefined();
    expect(parseConfig({ REDIS_URL: "rediss://:pw@cache.internal:6380" }).REDIS_URL).toBe("rediss://:pw@cache.internal:6380");
    for (const bad of ["http://cache.internal:6379", "cache.internal:6379", "redis//:hunter2-secret@x"]) {
      let message = "";
      try {
        parseConfig({ REDIS_URL: bad });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain("REDIS_URL");
      expect(message).not.toContain("hunter2-secret");
    }
    expect(() => parseConfig({ REDIS_COMMAND_TIMEOUT_MS: "0" })).toThrow(/REDIS_COMMAND_TIMEOUT_MS/);
  });

  it("describes where limits are counted without the URL (it may carry a password)", () => {
    const described = JSON.stringify(describeConfig(parseConfig({ REDIS_URL: "redis://:hunter2-secret@cache.internal:6379" })));
    expect(described).not.toContain("hunter2");
    expect(described).toContain('"sharedLimits":"redis"');
    expect(JSON.stringify(describeConfig(parseConfig({})))).toContain('"sharedLimits":"per process"');
  });
});
