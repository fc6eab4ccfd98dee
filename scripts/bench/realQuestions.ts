import { loadDataset } from "../../src/evaluation/dataset.js";
import { presentSplitFiles } from "../../src/evaluation/splits.js";

export interface RealQuestion {
  question: string;
  /** Earlier user questions of the same conversation, oldest first (empty for most). */
  history: string[];
}

/**
 * The evaluation sets the bench may ask: the dev set and the blind tuning sets the split list
 * names (src/evaluation/splits.ts), in its order, those present under `root`; never a test set,
 * and never a file the list does not name.
 */
export async function realQuestionFiles(root = ""): Promise<string[]> {
  return [...(await presentSplitFiles("dev", undefined, root)), ...(await presentSplitFiles("tune", undefined, root))];
}

/**
 * The questions of the dev and tuning sets with their histories, each (question, history) once:
 * what learners actually ask (longer, not templated), so the per-question memos hit as they would
 * in use. The bench's distinct questions are templates whose pieces recur, and a real question's
 * search costs more than one of theirs (~1.6× in-process, session 15).
 */
export async function loadRealQuestions(root = ""): Promise<RealQuestion[]> {
  const seen = new Set<string>();
  const out: RealQuestion[] = [];
  for (const file of await realQuestionFiles(root)) {
    for (const { question, history } of (await loadDataset(file)).questions) {
      const key = JSON.stringify([question, history]);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ question, history });
    }
  }
  return out;
}
