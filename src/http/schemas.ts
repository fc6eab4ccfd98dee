import { z } from "zod";
import { MAX_RETRIEVAL_K, type Config } from "../config.js";
import { historyMessageLimit } from "../answering/history.js";

/**
 * Request schemas shared by several routes. Limits come from Config so operators can tune them;
 * each route file builds its own body schema from these parts.
 */

// C0/C1 control characters other than tab and newline: they carry no meaning in a question and
// are a classic way to smuggle terminal escapes or confuse prompt delimiters.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

// Characters that render as nothing at the edges of a text: whitespace, format characters
// (zero-width space and joiners, word joiner, BOM, direction marks, soft hyphen) and the blank
// "letters" (Hangul fillers, braille blank). A question made only of them is empty. Inside a
// text they are kept: a zero-width joiner there shapes emoji and some scripts.
const INVISIBLE_EDGES = /^[\s\p{Cf}\u115F\u1160\u180E\u2800\u3164\uFFA0]+|[\s\p{Cf}\u115F\u1160\u180E\u2800\u3164\uFFA0]+$/gu;

/** Drop control characters, and invisible characters at both ends (so "\u200B" counts as empty). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTERS, "").replace(INVISIBLE_EDGES, "");
}

export const MAX_K = MAX_RETRIEVAL_K;

export function textField(name: string, maxChars: number) {
  return z
    .string({ error: `${name} must be a string` })
    .overwrite((v) => stripControlCharacters(v).trim())
    .min(1, `${name} must not be empty`)
    .max(maxChars, `${name} is longer than ${maxChars} characters`);
}

export const kField = z
  .number({ error: "k must be a number" })
  .int("k must be an integer")
  .min(1, "k must be at least 1")
  .max(MAX_K, `k must be at most ${MAX_K}`);

export const filtersSchema = z
  .object({
    documents: z.array(z.string().min(1).max(300)).max(50).optional(),
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
  })
  .strict();

export function historySchema(config: Config) {
  return z
    .array(
      z.object({
        role: z.enum(["user", "assistant"]),
        content: textField("history content", config.MAX_QUESTION_CHARS * 8),
      }),
    )
    .max(
      historyMessageLimit(config.MAX_HISTORY_TURNS),
      `history has more than ${historyMessageLimit(config.MAX_HISTORY_TURNS)} messages (${config.MAX_HISTORY_TURNS} turns)`,
    );
}

/**
 * Drop undefined members so objects fit types declared with exactOptionalPropertyTypes. Own
 * enumerable string keys in their order, as Object.fromEntries(Object.entries(…)) gave, without
 * the entry arrays (twice a search, per request).
 */
export function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    // An own "__proto__" member, as Object.fromEntries defines it: assigning it would set the prototype.
    if (key === "__proto__") Object.defineProperty(kept, key, { value: member, writable: true, enumerable: true, configurable: true });
    else kept[key] = member;
  }
  return kept as { [K in keyof T]: Exclude<T[K], undefined> };
}
