/**
 * `npm run ask -- "学完LoRA之后学什么"`: ask one question from the terminal and print the answer
 * with its citations. Uses the same composition root as the server.
 */
import { parseArgs } from "node:util";
import { CONFIG_ERROR_EXIT_CODE, ConfigError, loadEnvFile, parseConfig } from "../src/config.js";
import { isTutorError } from "../src/errors.js";

const USAGE = `Usage: npm run ask -- [--k N] [--json] "your question"`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { k: { type: "string" }, json: { type: "boolean", default: false }, help: { type: "boolean", short: "h" } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return 0;
  }
  const question = parsed.positionals.join(" ").trim();
  if (!question) {
    console.error(`No question given.\n${USAGE}`);
    return 2;
  }
  const k = parsed.values.k === undefined ? undefined : Number(parsed.values.k);
  if (k !== undefined && (!Number.isInteger(k) || k < 1 || k > 20)) {
    console.error("--k must be an integer from 1 to 20.");
    return 2;
  }

  loadEnvFile(process.env);
  const config = parseConfig(process.env);
  // Loaded after flags and config are known to be good (a typo fails fast, before LangChain loads).
  const { openPipeline } = await import("../src/tutor.js");
  const pipeline = await openPipeline(config, {
    buildIfMissing: true,
    onProgress: (p) => {
      if (p.done === p.total) console.error(`[ingest] ${p.phase} ${p.done}/${p.total}`);
    },
  });
  const result = await pipeline.answerer.answer({ question, ...(k !== undefined ? { k } : {}) });
  if (parsed.values.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  console.log(result.answer);
  if (result.citations.length > 0) {
    console.log("");
    for (const c of result.citations) {
      const where = [c.title, ...c.headingPath].join(" › ");
      console.log(`[${c.n}] ${where}  (${c.source}:${c.lines.start}-${c.lines.end})${c.url ? `  ${c.url}` : ""}`);
    }
  }
  console.log(
    `\nmode: ${result.mode}, confidence: ${result.confidence}${result.abstained ? ", abstained" : ""}  retrieve ${result.timings.retrieveMs} ms, generate ${result.timings.generateMs} ms`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || isTutorError(error)) console.error(error.message);
    else console.error(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof ConfigError ? CONFIG_ERROR_EXIT_CODE : 1);
  },
);
