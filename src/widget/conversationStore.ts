import type { CitationResponse as Citation, RoadmapPositionsResponse as RoadmapPositions, Turn } from "../http/contract/answers.js";

/** One bubble of the conversation, as kept in sessionStorage. */
export interface StoredMessage {
  role: "user" | "assistant";
  content: string;
  citations?: Citation[];
  abstained?: boolean;
  /** The answer came with confidence "low": shown with a notice. */
  lowConfidence?: boolean;
  fallback?: boolean;
  /** The answer was stopped or failed part-way: not sent back as history. */
  incomplete?: boolean;
  /** Where a sequence question's topic sits in the roadmaps (drawn as a strip). */
  roadmap?: RoadmapPositions;
}

/** Storage-like: sessionStorage in the browser, a Map-backed stand-in in tests. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const MAX_STORED_MESSAGES = 40;
/** What the API accepts per turn is larger; answers are trimmed so history stays cheap. */
const MAX_HISTORY_CHARS = 2000;

/**
 * The conversation of one widget in one tab. sessionStorage is per tab, so two tabs hold two
 * conversations; the key includes the endpoint and title so several widgets on a page don't mix.
 */
export class ConversationStore {
  private readonly key: string;

  constructor(
    private readonly storage: KeyValueStorage | undefined,
    scope: string,
  ) {
    this.key = `roadmap-tutor:${scope}`;
  }

  load(): StoredMessage[] {
    try {
      const raw = this.storage?.getItem(this.key);
      if (!raw) return [];
      const parsed = JSON.parse(raw) as unknown;
      if (!Array.isArray(parsed)) return [];
      return (parsed as unknown[]).filter(isStoredMessage);
    } catch {
      return [];
    }
  }

  save(messages: StoredMessage[]): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify(messages.slice(-MAX_STORED_MESSAGES)));
    } catch {
      // Storage full or blocked (private mode, sandboxed iframe): the chat still works in memory.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(this.key);
    } catch {
      // see save()
    }
  }
}

/**
 * The history sent with a question: completed question/answer pairs only (a failed or stopped
 * answer would mislead the follow-up condensing), most recent last.
 */
export function historyFor(messages: StoredMessage[], maxTurns: number): Turn[] {
  const turns: Turn[] = [];
  for (let i = 0; i + 1 < messages.length; i++) {
    const question = messages[i];
    const answer = messages[i + 1];
    if (question?.role !== "user" || answer?.role !== "assistant" || answer.incomplete || !answer.content.trim()) continue;
    turns.push({ role: "user", content: question.content.slice(0, MAX_HISTORY_CHARS) });
    turns.push({ role: "assistant", content: answer.content.slice(0, MAX_HISTORY_CHARS) });
    i++;
  }
  return turns.slice(-maxTurns);
}

/** A message as stored: anything else in storage (an older format, a hand edit) is skipped. */
function isStoredMessage(value: unknown): value is StoredMessage {
  if (typeof value !== "object" || value === null) return false;
  const { role, content } = value as Record<string, unknown>;
  return (role === "user" || role === "assistant") && typeof content === "string";
}
