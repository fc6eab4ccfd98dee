import path from "node:path";
import ms from "ms";
import { CONFIG_ERROR_EXIT_CODE, ConfigError, llmConfigured, parseConfig } from "../config.js";
import { BadInput, isTutorError } from "../errors.js";
import { compareWithBaseline, loadBaseline } from "./baseline.js";
import { EVAL_USAGE, parseEvalArgs } from "./cliArgs.js";
import { createProgressReporter, summaryTable } from "./consoleReporter.js";
import { finishReport } from "./evaluationReport.js";
import { writeReports } from "./reportFiles.js";
import { evaluateGates, loadGatesFile, thresholdsFor } from "./gates.js";
import { DEFAULT_MAX_JUDGE_ERROR_RATE, judgeHealth } from "./judgeHealth.js";
import { openHttpPipeline, type BusyWait } from "./httpPipeline.js";
import { openInProcessPipeline, type OpenProduct } from "./inProcessPipeline.js";
import { createJudgeModel, createLlmJudge } from "./llmJudge.js";
import { runEvaluation, type JudgeSetup } from "./runEvaluation.js";
import { splitsText, writeSplitsReports, type SplitRun, type SplitsSummary } from "./splitReport.js";
import { DEFAULT_MAX_GAP, loadSplit, resolveSplits, tuneTestGap } from "./splits.js";
import type { EvalPipeline } from "./types.js";

export const EXIT = { passed: 0, failed: 1, badInput: CONFIG_ERROR_EXIT_CODE } as const;

const DEFAULT_TOLERANCE = 0.02;

export interface EvalCliIo {
  argv: string[];
  /** The composition root (src/tutor.ts's openTutor) for in-process runs. */
  openProduct: OpenProduct;
  /** The environment (process.env in the script), parsed by the config schema (JUDGE_MODEL, EVAL_API_KEY, …). */
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Draw a progress bar (stderr is a terminal). */
  tty: boolean;
}

/**
 * `npm run eval`: parse flags, open the pipeline (in-process or --base-url), run every question,
 * write the reports, apply gates and the baseline. Returns the exit code: 0 passed, 1 a gate
 * failed or the baseline regressed, 2 bad input (flag, dataset, gates/baseline file,
 * unreachable server, unusable index).
 */
export async function runEvalCli(io: EvalCliIo): Promise<number> {
  const out = (text: string) => io.stdout.write(text);
  const err = (text: string) => io.stderr.write(text);
  let pipeline: EvalPipeline | undefined;
  try {
    const options = parseEvalArgs(io.argv);
    if (options.help) {
      out(`${EVAL_USAGE}\n`);
      return EXIT.passed;
    }
    const config = parseConfig(io.env);
    const specs = await resolveSplits({ datasets: options.datasets, files: options.splitFiles }, err);
    if (specs.length === 0) throw new BadInput("No dataset to evaluate: pass --dataset FILE.");
    // Every file is checked before anything runs: a typo in the test split must not surface after the tune split ran.
    const datasets = await Promise.all(specs.map((spec) => loadSplit(spec)));
    const gatesFile = options.gatesFile ? await loadGatesFile(options.gatesFile) : undefined;
    const tolerance = options.tolerance ?? gatesFile?.tolerance ?? DEFAULT_TOLERANCE;
    const baseline = options.baseline ? await loadBaseline(options.baseline) : undefined;

    const judge = judgeSetup(options.judge, options.judgeModel ?? config.JUDGE_MODEL, config);
    pipeline = options.baseUrl
      ? await openHttpPipeline({ baseUrl: options.baseUrl, apiKey: config.EVAL_API_KEY, onBusy: busyReporter(err, options.concurrency) })
      : await openInProcessPipeline(io.openProduct, config, {
          buildIfMissing: true,
          onIngestProgress: (p) => {
            if (p.done === p.total) err(`[ingest] ${p.phase} ${p.done}/${p.total}\n`);
          },
        });

    const single = specs.length === 1;
    const runs: SplitRun[] = [];
    for (const [i, spec] of specs.entries()) {
      const dataset = datasets[i]!;
      err(
        `Evaluating ${dataset.questions.length} questions from ${dataset.file}${single ? "" : ` (${spec.name} split)`} against ${pipeline.target}\n`,
      );
      const progress = createProgressReporter({ tty: io.tty, stream: io.stderr, total: dataset.questions.length });
      const run = await runEvaluation({
        dataset,
        pipeline,
        k: options.k,
        ...(options.answerK !== undefined ? { answerK: options.answerK } : {}),
        concurrency: options.concurrency,
        judge,
        onResult: (result, done, total) => progress.onResult(result, done, total),
      }).finally(() => progress.stop());

      const thresholds = thresholdsFor(spec.name, gatesFile, options.gates);
      const health = judgeHealth(run.questions, { requested: options.judge, ran: judge.judge !== undefined });
      // A judge that ran is held to an error budget even when no judge gate was set: a judged
      // run whose verdicts all failed must not pass.
      if (health.ran) thresholds["max-judge-error-rate"] ??= DEFAULT_MAX_JUDGE_ERROR_RATE;
      const gates = evaluateGates(run.summary, thresholds, health);
      // The baseline is a report of one split: it is compared with the first split (dev by default).
      const comparison = baseline && i === 0 ? compareWithBaseline(run, baseline, { tolerance, file: options.baseline! }) : undefined;
      const report = finishReport(run, gates, comparison, health);
      const dir = single ? options.reportDir : path.join(options.reportDir, spec.name);
      const files = await writeReports(dir, report, { perQuestion: options.junitPerQuestion });
      out(single ? summaryTable(report) : `== ${spec.name}\n${summaryTable(report)}`);
      out(`Reports: ${files.join(", ")}\n`);
      runs.push({ name: spec.name, file: dataset.file, dir, report });
    }

    const summary = summarizeSplits(
      runs,
      options.maxGap ?? gatesFile?.maxTuneTestGap,
      options.maxGap !== undefined || gatesFile?.maxTuneTestGap !== undefined,
    );
    out(splitsText(runs, summary, options.k));
    if (!single) out(`Comparison: ${(await writeSplitsReports(options.reportDir, runs, summary, options.k)).join(", ")}\n`);
    return summary.passed ? EXIT.passed : EXIT.failed;
  } catch (error) {
    if (error instanceof ConfigError || isTutorError(error)) {
      err(`${error.message}\n`);
      if (isTutorError(error) && "hint" in error && typeof error.hint === "string") err(`${error.hint}\n`);
      // Everything that stops a run before it produced results is the caller's input to fix.
      return EXIT.badInput;
    }
    throw error;
  } finally {
    await pipeline?.close();
  }
}

function judgeSetup(wanted: boolean, model: string | undefined, config: ReturnType<typeof parseConfig>): JudgeSetup {
  if (!wanted) return { description: { status: "skipped", reason: "--judge not given" } };
  if (!llmConfigured(config)) {
    return { description: { status: "skipped", reason: "no model server configured (set OPENAI_BASE_URL or OPENAI_API_KEY)" } };
  }
  const judgeModel = model ?? config.CHAT_MODEL;
  return {
    judge: createLlmJudge({ model: createJudgeModel(config, judgeModel), baseURL: config.OPENAI_BASE_URL }),
    description: { status: "ran", model: judgeModel },
  };
}

/** Pass/fail of the whole run: every split passed, and the tune − test gap when it is gated. */
export function summarizeSplits(runs: readonly SplitRun[], maxGap: number | undefined, gated: boolean): SplitsSummary {
  const splits = runs.map((r) => ({
    name: r.name,
    file: r.file,
    dir: r.dir,
    passed: r.report.passed,
    summary: r.report.summary,
    byClass: r.report.byClass,
    byLang: r.report.byLang,
  }));
  const tune = runs.find((r) => r.name === "tune");
  const test = runs.find((r) => r.name === "test");
  const limit = maxGap ?? DEFAULT_MAX_GAP;
  const rows = tune && test ? tuneTestGap(tune.report.summary, test.report.summary, limit) : undefined;
  const gap = rows ? { maxGap: limit, rows, passed: !gated || rows.every((r) => !r.flagged), gated } : undefined;
  return { splits, ...(gap ? { gap } : {}), passed: splits.every((s) => s.passed) && (gap?.passed ?? true) };
}

/**
 * One stderr line per wait on a 429/503, with the server's reason; the first one also says how
 * to stay inside the server's limits.
 */
function busyReporter(err: (text: string) => void, concurrency: number): (wait: BusyWait) => void {
  let advised = false;
  return (wait) => {
    const why = wait.status === 429 ? "rate limited" : "busy";
    const source = wait.fromRetryAfter ? "as its Retry-After asks" : "(no Retry-After sent)";
    err(
      `[wait] ${wait.request} answered ${wait.status}${wait.code ? ` ${wait.code}` : ""} (${why}): waiting ${ms(Math.round(wait.waitMs), { long: true })} ${source}, retry ${wait.attempt} of ${wait.maxAttempts}\n`,
    );
    if (advised) return;
    advised = true;
    err(
      wait.status === 429
        ? `[wait] The server limits requests per client (API key, else IP) and window; each question takes 2 requests. Set EVAL_API_KEY to a key of the server's API_KEYS for a budget of its own, or raise its RATE_LIMIT_MAX / RATE_LIMIT_ASK_MAX for the run.\n`
        : `[wait] The server sheds load: try a lower --concurrency (now ${concurrency}).\n`,
    );
  };
}
