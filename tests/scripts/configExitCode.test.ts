import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";
import { CONFIG_ERROR_EXIT_CODE } from "../../src/config.js";
import { builtFile } from "../support/childBuild.js";

/**
 * Every CLI refuses an invalid configuration the same way: the variable named (never its
 * value), and exit code 2, like a bad flag. (Before, the server, ingest and ask exited 1 and
 * eval 2; 1 is eval's "a gate failed".) Each CLI parses the config before it loads the
 * pipeline, so these runs take about a second of CPU each.
 *
 * ask, eval and calibrate run as `npm run` runs them (tsx on the .ts source): these are their only
 * child-process tests. The server and ingest run from the run's build (tests/support/childBuild.ts),
 * as other tests run their .ts entries under tsx.
 */

/** How a CLI is started: from the run's build, or under tsx on its .ts source. */
type Start = "build" | "tsx";

const CLIS: [string, Start, string[]][] = [
  ["server (npm start)", "build", ["src/server.ts"]],
  ["npm run ingest", "build", ["scripts/ingest.ts"]],
  ["npm run ask", "tsx", ["scripts/ask.ts", "what is RAG?"]],
  ["npm run eval", "tsx", ["scripts/eval.ts"]],
  ["npm run calibrate", "tsx", ["scripts/calibrate.ts"]],
];

function run(start: Start, [entry, ...args]: string[], env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, ...env };
  const nodeArgs = start === "build" ? [builtFile(entry!), ...args] : ["--import", "tsx", entry!, ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, nodeArgs, { env: childEnv, timeout: 90_000 }, (error, _stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stderr }),
    );
  });
}

describe("an invalid configuration", () => {
  it("has one exit code, 2", () => {
    expect(CONFIG_ERROR_EXIT_CODE).toBe(2);
  });

  it.each(CLIS)(
    "%s exits 2, naming each bad variable and not echoing its value",
    async (_name, start, args) => {
      const result = await run(start, args, { PORT: "not-a-port-SECRET", OPENAI_TIMEOUT_MS: "-5", LOG_LEVEL: "silent" });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("Invalid configuration");
      expect(result.stderr).toContain("PORT:");
      expect(result.stderr).toContain("OPENAI_TIMEOUT_MS:");
      expect(result.stderr).not.toContain("SECRET");
    },
    // A deadline for a busy machine, not a timing assertion.
    120_000,
  );
});
