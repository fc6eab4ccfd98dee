import { parseArgs } from "node:util";
import { BadInput } from "../errors.js";
import { GATE_NAMES, UNBOUNDED_GATES, type GateThresholds } from "./gates.js";
import { DEFAULT_MAX_JUDGE_ERROR_RATE } from "./judgeHealth.js";

export const EVAL_USAGE = `Usage: npm run eval -- [options]

  --dataset FILE        run only this question file (JSONL or YAML); repeat for several splits,
                        each named by its file name (tune.jsonl → "tune")
  --dev FILE            the regression split (default tests/eval/dev.jsonl)
  --tune FILE           the blind tune split (default tests/eval/blind/tune.jsonl + tune-c … tune-z, tune-a2 … tune-o2, tune-q2 … tune-u2, tune-w2 … tune-z2, tune-a3 … tune-n3, tune-p3 … tune-z3, tune-a4 … tune-p4.jsonl, those present)
  --test FILE           the blind test split (default tests/eval/blind/test.jsonl + test-c … test-z, test-a2 … test-o2, test-q2 … test-u2, test-w2 … test-z2, test-a3 … test-n3, test-p3 … test-z3, test-a4 … test-p4.jsonl, those present)
                        Without --dataset, dev, tune and test all run; with several splits, each
                        gets DIR/<split>/ and DIR/splits.md compares them (tune − test gap).
  --max-gap X           flag a tune − test gap above X on a headline metric (default 0.05)
  --base-url URL        evaluate a running server over HTTP instead of in-process
  --k N                 passages each answer draws on, and hit@N / MRR@N scored over them (at most 20).
                        Default: answers use the product's own k (RETRIEVAL_K, or the server's default
                        with --base-url), as users get them, and hit@5 / MRR@5 are scored over the
                        first five passages those answers cite
  --concurrency N       questions in flight at once (default 4)
  --report DIR          where report.json, report.md and junit.xml go (default eval-reports)
  --junit-per-question  junit.xml also gets one test case per question, failing when it missed a
                        check (default: only the gates are test cases; misses go to system-out)
  --gates FILE          thresholds from a JSON file (e.g. evaluation/gates.json); flags override it
  --baseline FILE       compare with a previous report.json; fail when a metric drops
  --tolerance X         allowed drop per metric against the baseline (default 0.02)
  --judge               grade answers with a model (needs OPENAI_BASE_URL or OPENAI_API_KEY)
  --judge-model NAME    model for the judge (default JUDGE_MODEL, else CHAT_MODEL)
                        with --judge, more than ${DEFAULT_MAX_JUDGE_ERROR_RATE * 100}% failed verdicts fail the run
                        (--max-judge-error-rate), and each failed verdict counts in --max-errors
  ${GATE_NAMES.map((g) => `--${g} X`).join(", ")}
                        gate thresholds (ratios 0..1; --max-p95-ms in ms; --max-errors a count)
  Without any gate or --baseline the run only measures: it says "no gates" and exits 0.

Exit codes: 0 passed (or no gates), 1 a gate failed or the baseline regressed, 2 bad input
(flag, dataset, gates/baseline file, configuration, unreachable server)`;

/** hit@5 is the issue's headline figure; the answers themselves use the product's k unless --k is given. */
export const DEFAULT_HIT_CUTOFF = 5;

export interface EvalCliOptions {
  help: boolean;
  /** --dataset files (only these run when given). */
  datasets: string[];
  /** --dev / --tune / --test paths. */
  splitFiles: Partial<Record<"dev" | "tune" | "test", string>>;
  maxGap?: number;
  baseUrl?: string;
  /** Cut-off of hit@k and MRR@k (5 unless --k). */
  k: number;
  /** Passages each answer draws on: --k, or undefined for the product's own default. */
  answerK?: number;
  concurrency: number;
  reportDir: string;
  gatesFile?: string;
  baseline?: string;
  tolerance?: number;
  judge: boolean;
  judgeModel?: string;
  /** One JUnit test case per question (else only the gates are test cases). */
  junitPerQuestion: boolean;
  /** Thresholds given as flags (they override the gates file). */
  gates: GateThresholds;
}

function number(flag: string, raw: string, check: { integer?: boolean; min: number; max: number }): number {
  const value = Number(raw);
  if (
    raw.trim() === "" ||
    !Number.isFinite(value) ||
    (check.integer && !Number.isInteger(value)) ||
    value < check.min ||
    value > check.max
  ) {
    throw new BadInput(`--${flag} must be ${check.integer ? "an integer" : "a number"} from ${check.min} to ${check.max} (got "${raw}").`);
  }
  return value;
}

export function parseEvalArgs(argv: string[]): EvalCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        dataset: { type: "string", multiple: true },
        dev: { type: "string" },
        tune: { type: "string" },
        test: { type: "string" },
        "max-gap": { type: "string" },
        "base-url": { type: "string" },
        k: { type: "string" },
        concurrency: { type: "string" },
        report: { type: "string" },
        gates: { type: "string" },
        baseline: { type: "string" },
        tolerance: { type: "string" },
        judge: { type: "boolean" },
        "judge-model": { type: "string" },
        "junit-per-question": { type: "boolean" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(GATE_NAMES.map((g) => [g, { type: "string" as const }])),
      },
    });
  } catch (error) {
    throw new BadInput((error as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const str = (name: string) => (typeof v[name] === "string" ? v[name] : undefined);

  const gates: GateThresholds = {};
  for (const gate of GATE_NAMES) {
    const raw = str(gate);
    if (raw === undefined) continue;
    const isRatio = !UNBOUNDED_GATES.includes(gate);
    gates[gate] = number(gate, raw, isRatio ? { min: 0, max: 1 } : { min: 0, max: 10_000_000, integer: gate === "max-errors" });
  }
  const tolerance = str("tolerance");
  const options: EvalCliOptions = {
    help: v.help === true,
    datasets: Array.isArray(v.dataset) ? v.dataset : [],
    splitFiles: Object.fromEntries((["dev", "tune", "test"] as const).filter((n) => str(n) !== undefined).map((n) => [n, str(n)!])),
    k: str("k") === undefined ? DEFAULT_HIT_CUTOFF : number("k", str("k")!, { integer: true, min: 1, max: 20 }),
    concurrency: str("concurrency") === undefined ? 4 : number("concurrency", str("concurrency")!, { integer: true, min: 1, max: 64 }),
    reportDir: str("report") ?? "eval-reports",
    judge: v.judge === true,
    junitPerQuestion: v["junit-per-question"] === true,
    gates,
  };
  if (str("k") !== undefined) options.answerK = options.k;
  if (str("base-url") !== undefined) options.baseUrl = str("base-url")!;
  if (str("gates") !== undefined) options.gatesFile = str("gates")!;
  if (str("baseline") !== undefined) options.baseline = str("baseline")!;
  if (tolerance !== undefined) options.tolerance = number("tolerance", tolerance, { min: 0, max: 1 });
  if (str("judge-model") !== undefined) options.judgeModel = str("judge-model")!;
  if (str("max-gap") !== undefined) options.maxGap = number("max-gap", str("max-gap")!, { min: 0, max: 1 });
  if (options.datasets.length > 0 && Object.keys(options.splitFiles).length > 0) {
    throw new BadInput("--dataset runs only the files it names; do not combine it with --dev, --tune or --test.");
  }
  return options;
}
