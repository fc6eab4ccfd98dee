import type { QueryLanguage } from "../retrieval/types.js";
import { detectLanguage } from "../text/language.js";
import { isTraditional } from "../text/script.js";

/**
 * The language an answer is written in. A mixed question gets a Chinese answer; a Chinese
 * question written in Traditional characters gets its framing in Traditional characters
 * ("zh-Hant"), while the quoted passages stay exactly as the documents write them.
 */
export type AnswerLanguage = "zh" | "zh-Hant" | "en";

/** `asked`: the learner's own words (retrieval reads a Simplified copy, so the script is read here). */
export function answerLanguage(language: QueryLanguage, asked?: string): AnswerLanguage {
  if (language === "en") return "en";
  return asked !== undefined && isTraditional(asked) ? "zh-Hant" : "zh";
}

/** For text that has not been through query analysis (a follow-up before condensing). */
export function answerLanguageOfText(text: string): AnswerLanguage {
  return answerLanguage(detectLanguage(text), text);
}
