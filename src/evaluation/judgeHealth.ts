import type { QuestionResult } from "./types.js";

/**
 * Whether the judge did its job in a run. A judge that errors on every verdict leaves the
 * faithfulness and relevance means unmeasured (null); without this, a gate on them would be
 * "skipped" and a CI run with a broken judge would pass. Gates read these counts.
 */
export interface JudgeHealth {
  /** `--judge` was given. */
  requested: boolean;
  /** The judge was called (a model server is configured). */
  ran: boolean;
  /** Verdicts asked for: judged or errored (abstentions are not graded, so not counted). */
  attempted: number;
  /** Verdicts that failed: the call failed, or the reply was not the JSON verdict. */
  errors: number;
}

/** Share of judge verdicts that may fail before the run fails, when --judge ran and no other limit is set. */
export const DEFAULT_MAX_JUDGE_ERROR_RATE = 0.05;

export function judgeHealth(questions: readonly QuestionResult[], options: { requested: boolean; ran: boolean }): JudgeHealth {
  const verdicts = questions.map((q) => q.judge).filter((j) => j !== undefined && j.status !== "skipped");
  return {
    requested: options.requested,
    ran: options.ran,
    attempted: verdicts.length,
    errors: verdicts.filter((j) => j?.status === "error").length,
  };
}

/** Share of attempted verdicts that failed; null when none was attempted. */
export function judgeErrorRate(health: JudgeHealth): number | null {
  return health.attempted === 0 ? null : health.errors / health.attempted;
}

export const NO_JUDGE: JudgeHealth = { requested: false, ran: false, attempted: 0, errors: 0 };
