/**
 * `npm run bench -- [ingest|retrieval|http|startup|scale|streaming]... [--quick] [--out DIR] [--replicas N] [--workers N]`
 * Runs the benchmarks, prints tables (targets next to measurements) and writes JSON results:
 * one file per benchmark plus reference.json (summary.json with --quick). Never judges: missed
 * targets are reported, not turned into a failing exit code.
 */
import path from "node:path";
import { parseBenchArgs, USAGE, UsageError, type BenchArgs } from "./bench/args.js";
import { runHttpBench } from "./bench/httpBench.js";
import { runIngestBench } from "./bench/ingestBench.js";
import { describeMachine } from "./bench/machine.js";
import { describeRevision } from "./bench/revision.js";
import { formatTable, targetsTable, writeResults, type BenchmarkReport, type RunContext } from "./bench/report.js";
import { runRetrievalBench } from "./bench/retrievalBench.js";
import { runScaleBench } from "./bench/scaleBench.js";
import { runStartupBench } from "./bench/startupBench.js";
import { runStreamingBench } from "./bench/streamingBench.js";
import { allTargets, BENCHMARK_NAMES, type BenchmarkName } from "./bench/targets.js";

const RUNNERS: Record<BenchmarkName, (args: BenchArgs) => Promise<BenchmarkReport>> = {
  ingest: runIngestBench,
  retrieval: runRetrievalBench,
  http: runHttpBench,
  startup: runStartupBench,
  scale: (args) =>
    runScaleBench({
      quick: args.quick,
      ...(args.sizes ? { sizes: args.sizes } : {}),
      ...(args.store ? { store: args.store } : {}),
      ...(args.postgresServer ? { postgresServer: args.postgresServer } : {}),
    }),
  streaming: runStreamingBench,
};

async function main(): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const context: RunContext = {
    quick: args.quick,
    machine: describeMachine(),
    revision: describeRevision(),
    generatedAt: new Date().toISOString(),
  };
  const m = context.machine;
  console.log(
    `Machine: ${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node} (${m.platform}/${m.arch}), load ${m.loadAverageAtStart.join(" ")}${args.quick ? "  [quick]" : ""}`,
  );

  const reports: BenchmarkReport[] = [];
  const failures: string[] = [];
  for (const name of args.benchmarks.length > 0 ? args.benchmarks : BENCHMARK_NAMES) {
    console.log(`\n== ${name}`);
    try {
      const report = await RUNNERS[name](args);
      reports.push(report);
      for (const table of report.tables) console.log(`\n${formatTable(table)}`);
      for (const finding of report.findings) console.log(`  · ${finding}`);
      console.log(`  (${report.seconds} s)`);
    } catch (error) {
      failures.push(name);
      console.error(`benchmark "${name}" failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }

  const written = await writeResults(args.outDir, context, reports);
  const measured = reports.flatMap((r) => r.targets);
  if (measured.length > 0) console.log(`\n${formatTable(targetsTable(allTargets(measured).filter((t) => t.measured !== null)))}`);
  console.log(`\nWrote ${written.map((file) => path.relative(process.cwd(), file) || file).join(", ")}`);
  if (failures.length > 0) {
    console.error(`Failed: ${failures.join(", ")}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
