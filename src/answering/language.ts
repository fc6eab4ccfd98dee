import type { QueryLanguage } from "../retrieval/types.js";
import { detectLanguage, statedLanguage } from "../text/language.js";
import { isTraditional } from "../text/script.js";

/**
 * The language an answer is written in. A mixed question gets a Chinese answer; a Chinese
 * question written in Traditional characters gets its framing in Traditional characters
 * ("zh-Hant"), while the quoted passages stay exactly as the documents write them.
 */
export type AnswerLanguage = "zh" | "zh-Hant" | "en";

/**
 * `language`: the retrieval query's; `asked`: the learner's own words (retrieval reads a Simplified
 * copy, so the script is read here). The learner's own natural language decides when their words
 * have one: "and after that?" after a Chinese question is asked in English, though the query the
 * conversation makes of it ("and after that? 第五阶段：高级应用开发…") reads mixed. A follow-up of
 * terms alone ("LoRA?") keeps the query's.
 */
export function answerLanguage(language: QueryLanguage, asked?: string): AnswerLanguage {
  const decided = (asked === undefined ? undefined : statedLanguage(asked)) ?? language;
  if (decided === "en") return "en";
  return asked !== undefined && isTraditional(asked) ? "zh-Hant" : "zh";
}

/** For text that has not been through query analysis (a follow-up before condensing). */
export function answerLanguageOfText(text: string): AnswerLanguage {
  return answerLanguage(detectLanguage(text), text);
}
