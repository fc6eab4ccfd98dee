import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CONFIG_ERROR_EXIT_CODE } from "../../src/config.js";

/**
 * Every CLI refuses an invalid configuration the same way: the variable named (never its
 * value), and exit code 2, like a bad flag. (Before, the server, ingest and ask exited 1 and
 * eval 2; 1 is eval's "a gate failed".)
 */

const CLIS: [string, string[]][] = [
  ["server", ["src/server.ts"]],
  ["ingest", ["scripts/ingest.ts"]],
  ["ask", ["scripts/ask.ts", "what is RAG?"]],
  ["eval", ["scripts/eval.ts"]],
];

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", ...args], { env: childEnv, timeout: 60_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
}

describe("an invalid configuration", () => {
  it("exits 2 in every CLI, naming the variable and not echoing its value", async () => {
    expect(CONFIG_ERROR_EXIT_CODE).toBe(2);
    const env = { PORT: "not-a-port-SECRET", OPENAI_TIMEOUT_MS: "-5", LOG_LEVEL: "silent" };
    const results = await Promise.all(CLIS.map(async ([name, args]) => [name, await run(args, env)] as const));
    for (const [name, result] of results) {
      expect({ name, code: result.code }).toEqual({ name, code: 2 });
      expect(result.stderr, name).toContain("Invalid configuration");
      expect(result.stderr, name).toContain("PORT:");
      expect(result.stderr, name).toContain("OPENAI_TIMEOUT_MS:");
      expect(result.stderr, name).not.toContain("SECRET");
    }
  }, 90_000);
});
