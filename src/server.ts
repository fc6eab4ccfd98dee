import cluster from "node:cluster";
import module from "node:module";
import { CONFIG_ERROR_EXIT_CODE, ConfigError, describeConfig, loadEnvFile, parseConfig, type Config } from "./config.js";

/**
 * Entry point of `npm start`: parse config, build the index if there is none, serve, and shut
 * down gracefully. Everything else lives behind buildApp/openTutor so tests never come here.
 */

const SHUTDOWN_DEADLINE_MS = 10_000;

// Node 22.1+ keeps compiled modules in an on-disk cache (the OS temp folder): about 10 % off the
// imports that dominate start-up, measured on Node 24. Node 20 has no such API and skips this.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

function readConfig(): Config {
  loadEnvFile(process.env);
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(CONFIG_ERROR_EXIT_CODE);
    }
    throw error;
  }
}

function progressPrinter(): (p: { phase: string; done: number; total: number; message?: string }) => void {
  let lastReport = 0;
  return (p) => {
    const now = Date.now();
    if (p.done === p.total || now - lastReport > 1000) {
      lastReport = now;
      console.log(`[ingest] ${p.phase} ${p.done}/${p.total}${p.message ? ` ${p.message}` : ""}`);
    }
  };
}

/**
 * WORKERS=N > 1: this process becomes the cluster primary. It builds the index (if missing) once,
 * before forking, so N workers never race to ingest; then each worker runs serve() below.
 */
async function runPrimary(config: Config): Promise<void> {
  const [{ prepareIndex }, { runClusterPrimary }] = await Promise.all([import("./tutor.js"), import("./lifecycle/clusterPrimary.js")]);
  await prepareIndex(config, progressPrinter());
  runClusterPrimary({ workers: config.WORKERS, shutdownDeadlineMs: SHUTDOWN_DEADLINE_MS });
}

async function main(): Promise<void> {
  const config = readConfig();
  if (config.WORKERS > 1 && cluster.isPrimary) return runPrimary(config);
  // Loaded after the config is known to be valid: a bad variable is reported in a fraction of
  // a second instead of after LangChain, Fastify and jieba have loaded.
  const [{ buildTutorApp }, { openTutor }] = await Promise.all([import("./app.js"), import("./tutor.js")]);
  // Prompts reach the log only with DEBUG_PROMPTS=true, at debug level (they hold user text).
  let promptLog: ((kind: string, prompt: unknown) => void) | undefined;
  const tutor = await openTutor(config, {
    onPrompt: (kind, prompt) => promptLog?.(kind, prompt),
    // A cluster worker's primary has already built the index.
    buildIfMissing: cluster.isPrimary,
    // A damaged index must not crash-loop the server: it starts, /readyz says why (503), and the
    // next `npm run ingest` or /admin/reindex brings it back.
    tolerateMissingIndex: true,
    onProgress: progressPrinter(),
  });

  const app = await buildTutorApp(tutor, {
    logger: {
      level: config.LOG_LEVEL,
      redact: { paths: ["req.headers.authorization", "headers.authorization"], censor: "[redacted]" },
    },
  });

  promptLog = (kind, prompt) => app.log.debug({ kind, prompt }, "model prompt");

  // An `npm run ingest` (or another replica's reindex) makes a new version live: follow it
  // (the CURRENT pointer of the file store; NOTIFY + polling of current_version in Postgres).
  const stopWatching = tutor.follow({
    reloaded: (version) => app.log.info({ version }, "index reloaded"),
    failed: (error) => app.log.error({ err: error }, "index reload failed; still serving the previous index"),
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down: finishing in-flight requests");
    stopWatching();
    const deadline = setTimeout(() => {
      app.log.warn("shutdown deadline reached; exiting with requests still open");
      process.exit(0);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    app.close().then(
      () => tutor.close().finally(() => process.exit(0)),
      (error: unknown) => {
        app.log.error({ err: error }, "error while closing");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.PORT;
  const mode =
    tutor.answerer.mode === "llm"
      ? `LLM answers via ${config.CHAT_MODEL}`
      : "offline: extractive answers (set OPENAI_API_KEY or OPENAI_BASE_URL for generated answers)";
  console.log(`Roadmap Tutor listening on http://${config.HOST}:${port}  (${mode})`);
  console.log(`  demo page http://${config.HOST}:${port}/   API docs http://${config.HOST}:${port}/docs`);
  app.log.debug(describeConfig(config), "configuration");
  const problem = tutor.problem();
  if (problem !== undefined) console.error(`Not ready: ${problem} (/readyz answers 503 until an index loads)`);
  const fallbackFrom = tutor.index.tryCurrent()?.fallbackFrom;
  if (fallbackFrom !== undefined) console.error(`Serving the previous index version: ${fallbackFrom}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
