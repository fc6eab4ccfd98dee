/**
 * `npm run ingest [-- --corpus DIR --out DIR] [--fetch-links ...]`: build the index from the
 * corpus folder, optionally fetching the web pages documents link to first. A thin CLI over
 * src/ingest/ingestCorpus.ts and src/corpus/web; see docs/ingest.md.
 *
 * Exit codes: 0 built; 1 failed (missing/empty corpus, embedding server error,
 * disk full: one "ENOSPC: …" line naming the folder and the room needed);
 * 2 bad command line or configuration; 130 interrupted (the unfinished version is removed, the live one is kept).
 */
import cliProgress from "cli-progress";
import { parseArgs } from "node:util";
import { CONFIG_ERROR_EXIT_CODE, ConfigError, loadEnvFile, parseConfig, type Config } from "../src/config.js";
import { isTutorError } from "../src/errors.js";
import { isDiskFullError } from "../src/index/diskSpace.js";
import type { IngestProgress, IngestSummary } from "../src/ingest/types.js";

const USAGE = [
  "Usage: npm run ingest [-- --corpus DIR --out DIR] [--fetch-links [--refresh-links] [--links-max-age 7d] [--allow-private-hosts]]",
  "  --corpus DIR            corpus folder (default CORPUS_DIR, corpus)",
  "  --out DIR               index folder (default INDEX_DIR, data/index)",
  "  --store file|postgres   where the new version goes (default STORE, file); postgres writes to DATABASE_URL",
  "  --fetch-links           fetch the web pages documents link to into notes/web/ first (or FETCH_LINKS=true)",
  "  --refresh-links         refetch every link, ignoring the cache",
  "  --links-max-age AGE     reuse notes younger than AGE without any request (default 7d; e.g. 12h, 30d)",
  "  --allow-private-hosts   allow links to loopback/private addresses (intranets, tests)",
].join("\n");

interface Flags {
  corpus?: string;
  out?: string;
  store?: string;
  help: boolean;
  "fetch-links": boolean;
  "refresh-links": boolean;
  "links-max-age"?: string;
  "allow-private-hosts": boolean;
}

function parseFlags(argv: string[]): Flags {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        corpus: { type: "string" },
        out: { type: "string" },
        store: { type: "string" },
        help: { type: "boolean", short: "h" },
        "fetch-links": { type: "boolean", default: false },
        "refresh-links": { type: "boolean", default: false },
        "links-max-age": { type: "string" },
        "allow-private-hosts": { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    return { ...values, help: values.help ?? false };
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
}

function readConfig(): Config {
  loadEnvFile(process.env);
  try {
    return parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, CONFIG_ERROR_EXIT_CODE);
    throw error;
  }
}

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

/** A bar per phase on a terminal; otherwise a line per phase and at most one a second within it. */
function progressReporter(): { onProgress: (p: IngestProgress) => void; stop: () => void } {
  const units: Record<IngestProgress["phase"], string> = { load: "files", chunk: "documents", embed: "chunks to embed", write: "steps" };
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: "{phase} [{bar}] {value}/{total} {unit} {message}", hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let phase: string | undefined;
    return {
      onProgress: (p) => {
        const payload = { phase: p.phase.padEnd(5), unit: units[p.phase], message: p.message ?? "" };
        if (p.phase !== phase) {
          if (phase !== undefined) bar.stop();
          phase = p.phase;
          bar.start(p.total, p.done, payload);
        } else {
          bar.setTotal(p.total);
          bar.update(p.done, payload);
        }
      },
      stop: () => bar.stop(),
    };
  }
  let phase: string | undefined;
  let last = 0;
  return {
    onProgress: (p) => {
      const now = Date.now();
      if (p.phase === phase && p.done < p.total && now - last < 1000) return;
      phase = p.phase;
      last = now;
      console.error(`[${p.phase}] ${p.done}/${p.total} ${units[p.phase]}${p.message ? ` (${p.message})` : ""}`);
    },
    stop: () => {},
  };
}

function printSummary(summary: IngestSummary): void {
  const lines = [
    `Index built in ${summary.versionDir}`,
    `  documents ${summary.documents} (linked notes ${summary.notes}), sections ${summary.sections}, chunks ${summary.chunks}, resources ${summary.resources}`,
    `  embedded ${summary.embeddedChunks} chunks in ${summary.embeddingCalls} embedding calls, ${summary.cachedChunks} from the cache`,
    `  skipped files: ${summary.skipped.length}`,
    ...summary.skipped.map((s) => `    - ${s.source}: ${s.reason}`),
    `  warnings: ${summary.warnings.length}`,
    ...summary.warnings.map((w) => `    - ${w.source}${w.line !== undefined ? `:${w.line}` : ""}: ${w.message}`),
    `  took ${summary.seconds.toFixed(1)} s`,
  ];
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  const flags = parseFlags(process.argv.slice(2));
  if (flags.help) {
    console.log(USAGE);
    process.exit(0);
  }
  // --corpus/--out override the configured folders; everything else comes from the config.
  if (flags.store !== undefined && flags.store !== "file" && flags.store !== "postgres") {
    fail(`--store must be file or postgres, not ${flags.store}\n${USAGE}`, 2);
  }
  // --store overrides STORE before the config is checked (postgres needs DATABASE_URL).
  if (flags.store !== undefined) process.env["STORE"] = flags.store;
  const base = readConfig();
  const config: Config = { ...base, CORPUS_DIR: flags.corpus ?? base.CORPUS_DIR, INDEX_DIR: flags.out ?? base.INDEX_DIR };
  const corpusDir = config.CORPUS_DIR;
  const indexDir = config.INDEX_DIR;
  // The pipeline (LangChain, jieba, HNSW, the web fetcher) loads only once flags and config are
  // known to be good: a typo is reported in a fraction of a second, not after seconds of loading.
  const [{ fetchCorpusLinks, formatLinkFetchSummary, parseLinksMaxAge }, { ingestCorpus }, { openIngest }] = await Promise.all([
    import("../src/corpus/web/index.js"),
    import("../src/ingest/ingestCorpus.js"),
    import("../src/tutor.js"),
  ]);

  const controller = new AbortController();
  const interrupt = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130); // a second Ctrl-C: stop now
    console.error(`\n${signal}: stopping; the unfinished index version will be removed.`);
    controller.abort(new Error(`interrupted by ${signal}`));
  };
  process.on("SIGINT", interrupt);
  process.on("SIGTERM", interrupt);

  // Fetched notes land under the corpus folder first, so this build indexes them. Only ever
  // on request: a plain ingest (and npm start) never touches the network.
  if (flags["fetch-links"] || config.FETCH_LINKS) {
    let maxAgeMs: number | undefined;
    if (flags["links-max-age"] !== undefined) {
      try {
        maxAgeMs = parseLinksMaxAge(flags["links-max-age"]);
      } catch (error) {
        fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
      }
    }
    try {
      let last = 0;
      const summary = await fetchCorpusLinks({
        corpusDir,
        maxFileBytes: config.MAX_FILE_BYTES,
        refresh: flags["refresh-links"],
        allowPrivateHosts: flags["allow-private-hosts"],
        ...(maxAgeMs !== undefined ? { maxAgeMs } : {}),
        onProgress: (p) => {
          if (p.done === p.total || Date.now() - last > 1000) {
            last = Date.now();
            console.error(`[links] ${p.done}/${p.total} (${p.failed} failed)`);
          }
        },
      });
      console.log(formatLinkFetchSummary(summary).join("\n"));
    } catch (error) {
      // Single links never fail the ingest; only an unusable corpus folder (or a full disk) gets here.
      if (isTutorError(error)) fail(`Fetching links failed: ${error.message}`, 1);
      if (isDiskFullError(error))
        fail(`Fetching links failed: ENOSPC: no space left on the disk holding ${corpusDir}; free some space and run again.`, 1);
      throw error;
    }
  }

  const reporter = progressReporter();
  try {
    // The configured store's writer (files under --out, or DATABASE_URL for --store postgres).
    const target = await openIngest(config);
    const summary = await ingestCorpus({ ...target.options, signal: controller.signal, onProgress: reporter.onProgress }).finally(() =>
      target.close(),
    );
    reporter.stop();
    printSummary(summary);
    process.exit(0);
  } catch (error) {
    reporter.stop();
    if (controller.signal.aborted) fail("Ingest interrupted: the previous index (if any) is still the live one.", 130);
    // Typed errors carry user-safe messages (no keys, no upstream bodies); anything else is a bug.
    if (isTutorError(error)) fail(`Ingest failed: ${error.message}`, 1);
    if (isDiskFullError(error))
      fail(`Ingest failed: ENOSPC: no space left on the disk holding ${indexDir}; free some space and run again.`, 1);
    fail(`Ingest failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, 1);
  }
}

void main();
