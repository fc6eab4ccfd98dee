import type { QueryLanguage } from "../retrieval/types.js";
import { detectLanguage } from "../text/language.js";

/** The language an answer is written in. A mixed question gets a Chinese answer. */
export type AnswerLanguage = "zh" | "en";

export function answerLanguage(language: QueryLanguage): AnswerLanguage {
  return language === "en" ? "en" : "zh";
}

/** For text that has not been through query analysis (a follow-up before condensing). */
export function answerLanguageOfText(text: string): AnswerLanguage {
  return answerLanguage(detectLanguage(text));
}
