import { parseArgs } from "node:util";
import { BadInput } from "../errors.js";
import { GATE_NAMES, type GateThresholds } from "./gates.js";

export const EVAL_USAGE = `Usage: npm run eval -- [options]

  --dataset FILE        questions, JSONL or YAML (default tests/eval/dev.jsonl)
  --base-url URL        evaluate a running server over HTTP instead of in-process
  --k N                 passages retrieved and scored (default 5, at most 20)
  --concurrency N       questions in flight at once (default 4)
  --report DIR          where report.json, report.md and junit.xml go (default eval-reports)
  --gates FILE          thresholds from a JSON file (e.g. evaluation/gates.json); flags override it
  --baseline FILE       compare with a previous report.json; fail when a metric drops
  --tolerance X         allowed drop per metric against the baseline (default 0.02)
  --judge               grade answers with a model (needs OPENAI_BASE_URL or OPENAI_API_KEY)
  --judge-model NAME    model for the judge (default JUDGE_MODEL, else CHAT_MODEL)
  ${GATE_NAMES.map((g) => `--${g} X`).join(", ")}
                        gate thresholds (ratios 0..1; --max-p95-ms in ms; --max-errors a count)

Exit codes: 0 passed, 1 a gate failed or the baseline regressed, 2 bad input.`;

export interface EvalCliOptions {
  help: boolean;
  dataset: string;
  baseUrl?: string;
  k: number;
  concurrency: number;
  reportDir: string;
  gatesFile?: string;
  baseline?: string;
  tolerance?: number;
  judge: boolean;
  judgeModel?: string;
  /** Thresholds given as flags (they override the gates file). */
  gates: GateThresholds;
}

function number(flag: string, raw: string, check: { integer?: boolean; min: number; max: number }): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || (check.integer && !Number.isInteger(value)) || value < check.min || value > check.max) {
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
        dataset: { type: "string" },
        "base-url": { type: "string" },
        k: { type: "string" },
        concurrency: { type: "string" },
        report: { type: "string" },
        gates: { type: "string" },
        baseline: { type: "string" },
        tolerance: { type: "string" },
        judge: { type: "boolean" },
        "judge-model": { type: "string" },
        help: { type: "boolean", short: "h" },
        ...Object.fromEntries(GATE_NAMES.map((g) => [g, { type: "string" as const }])),
      },
    });
  } catch (error) {
    throw new BadInput((error as Error).message);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const str = (name: string) => (typeof v[name] === "string" ? v[name] : undefined);

  const gates: GateThresholds = {};
  for (const gate of GATE_NAMES) {
    const raw = str(gate);
    if (raw === undefined) continue;
    const isRatio = gate !== "max-p95-ms" && gate !== "max-errors";
    gates[gate] = number(gate, raw, isRatio ? { min: 0, max: 1 } : { min: 0, max: 10_000_000, integer: gate === "max-errors" });
  }
  const tolerance = str("tolerance");
  const options: EvalCliOptions = {
    help: v.help === true,
    dataset: str("dataset") ?? "tests/eval/dev.jsonl",
    k: str("k") === undefined ? 5 : number("k", str("k")!, { integer: true, min: 1, max: 20 }),
    concurrency: str("concurrency") === undefined ? 4 : number("concurrency", str("concurrency")!, { integer: true, min: 1, max: 64 }),
    reportDir: str("report") ?? "eval-reports",
    judge: v.judge === true,
    gates,
  };
  if (str("base-url") !== undefined) options.baseUrl = str("base-url")!;
  if (str("gates") !== undefined) options.gatesFile = str("gates")!;
  if (str("baseline") !== undefined) options.baseline = str("baseline")!;
  if (tolerance !== undefined) options.tolerance = number("tolerance", tolerance, { min: 0, max: 1 });
  if (str("judge-model") !== undefined) options.judgeModel = str("judge-model")!;
  return options;
}
