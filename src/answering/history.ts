import { DEFAULT_MAX_HISTORY_TURNS } from "../config.js";
import { simplifiedQuestion } from "../text/taiwanSenses.js";
import type { Turn } from "./types.js";

/**
 * What "turn" means everywhere (config MAX_HISTORY_TURNS, the API's history limit, the
 * answerers): one exchange, a user message and the answer to it. A history is a list of
 * messages (`Turn` objects), so it holds at most MESSAGES_PER_TURN times as many.
 */
export const MESSAGES_PER_TURN = 2;

/** Most history messages accepted and read for `maxTurns` turns. */
export function historyMessageLimit(maxTurns: number): number {
  return maxTurns * MESSAGES_PER_TURN;
}

/** The non-empty messages of the last `maxTurns` turns (default: config's default). */
export function recentHistory(history: Turn[] | undefined, maxTurns: number = DEFAULT_MAX_HISTORY_TURNS): Turn[] {
  if (!history || maxTurns <= 0) return [];
  return history.filter((turn) => turn.content.trim().length > 0).slice(-historyMessageLimit(maxTurns));
}

/** The user questions of a history, trimmed and in Simplified (a Taiwan writer's 資料 read as data, taiwanSenses.ts): the conversation as the offline follow-up reads it (followUp.ts). */
export function userQuestions(history: Turn[]): string[] {
  return history
    .filter((turn) => turn.role === "user" && turn.content.trim().length > 0)
    .map((turn) => simplifiedQuestion(turn.content.trim()));
}
