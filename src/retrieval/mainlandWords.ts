import { tokenizeForSearch } from "../text/tokenize.js";
import { findMainlandPhrases } from "./glossary.js";

/**
 * A question with each Taiwan word the documents never use written as the Mainland word they do
 * use (专案 → 项目, 影片 → 视频, 部落格 → 博客; OpenCC's Taiwan → Mainland phrase table, read in
 * Simplified characters). The Taiwan word could match nothing, so nothing is lost; searched only
 * beside the question, its Mainland word weighed as an expansion, and "入門階段的動手專案" did not
 * find the 动手项目 heading its Simplified twin finds. A Taiwan word the documents use themselves
 * (资料, 核心) stays: the phrase table also maps words that are right as they are (核心 → 内核).
 */
export function withCorpusMainlandWords(query: string, inCorpus: (token: string) => boolean): string {
  const phrases = findMainlandPhrases(query);
  if (phrases.length === 0) return query;
  const used = (phrase: string) => tokenizeForSearch(phrase).every(inCorpus);
  let text = query;
  for (const { taiwan, mainland } of phrases)
    if (text.includes(taiwan) && !used(taiwan) && used(mainland)) text = text.replaceAll(taiwan, mainland);
  return text;
}
