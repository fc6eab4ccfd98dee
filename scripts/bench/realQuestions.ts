import { readdir } from "node:fs/promises";
import path from "node:path";
import { loadDataset } from "../../src/evaluation/dataset.js";

/** The evaluation sets the bench may ask: the dev set and the blind tuning sets, never a test set. */
export const EVAL_DIR = path.resolve("tests/eval");

export interface RealQuestion {
  question: string;
  /** Earlier user questions of the same conversation, oldest first (empty for most). */
  history: string[];
}

/** dev.jsonl and blind/tune*.jsonl under `evalDir`, in a fixed order; the test sets are never listed. */
export async function realQuestionFiles(evalDir: string = EVAL_DIR): Promise<string[]> {
  const blind = path.join(evalDir, "blind");
  const tune = (await readdir(blind)).filter((name) => /^tune[^/]*\.jsonl$/.test(name)).sort();
  return [path.join(evalDir, "dev.jsonl"), ...tune.map((name) => path.join(blind, name))];
}

/**
 * The questions of the dev and tuning sets with their histories, each (question, history) once:
 * what learners actually ask (longer, not templated), so the per-question memos hit as they would
 * in use. The bench's distinct questions are templates whose pieces recur, and a real question's
 * search costs more than one of theirs (~1.6× in-process, session 15).
 */
export async function loadRealQuestions(evalDir: string = EVAL_DIR): Promise<RealQuestion[]> {
  const seen = new Set<string>();
  const out: RealQuestion[] = [];
  for (const file of await realQuestionFiles(evalDir)) {
    for (const { question, history } of (await loadDataset(file)).questions) {
      const key = JSON.stringify([question, history]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ question, history });
    }
  }
  return out;
}
