import { findGlossaryMatches, termsOf } from "./glossary.js";
import { foldForMatching } from "./listItems.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { mayMatchGated } from "../text/questionGate.js";

/**
 * "我记得有一篇一开头就讲 LoRA 微调的", "the one that opens with fine-tuning": a roadmap named by what
 * it teaches first. Its first stage is what it opens with; the question's words for that thing name
 * the roadmap whose first stage holds them all (each by one of its glossary names). Read in
 * Simplified characters (questions are converted first).
 */
const ZH_OPENING =
  /(?:一开头|开头|一开始|开篇|一上来)(?:就)?(?:先)?(?:讲|说|写|是|提到?|介绍)(?:了|的是)?\s*([^，,。？?！!；;]{2,16}?)\s*的/u;
const EN_OPENING =
  /\b(?:starts?|opens?|begins?|kicks?\s+off|leads?\s+off)\s+(?:right\s+)?(?:with|by\s+(?:covering|teaching|talking\s+about))\s+([A-Za-z0-9][\w -]{1,40}?)(?=\s*[,.;?!—–]|\s+-\s|\s+(?:and|then|which|where|in|is|that)\b|$)/iu;

/** Whether each can match a text at all, from the question's shared reading (questionGate.ts). */
const mayOpenZh = mayMatchGated(ZH_OPENING);
const mayOpenEn = mayMatchGated(EN_OPENING);

/** What the question says a roadmap opens with, as the names of each thing it names; undefined when it says none. */
export function openingDescribed(question: string): string[][] | undefined {
  const phrase =
    (mayOpenZh(question) ? ZH_OPENING.exec(question)?.[1] : undefined) ??
    (mayOpenEn(question) ? EN_OPENING.exec(question)?.[1] : undefined);
  if (!phrase) return undefined;
  const matches = findGlossaryMatches(phrase, { learnerPhrases: false });
  const groups = matches.map((m) => [m.surface, ...m.entries.flatMap((entry) => termsOf(entry, { related: false }))]);
  // A Latin name the glossary lacks is looked for as written.
  for (const word of phrase.matchAll(/[A-Za-z][A-Za-z0-9.+-]*[A-Za-z0-9]/gu))
    if (!matches.some((m) => m.start <= word.index && word.index < m.end) && /[A-Z0-9]/u.test(word[0])) groups.push([word[0]]);
  return groups.length > 0 ? groups : undefined;
}

/** Whether the roadmap's first stage names every thing described, each by one of its names. */
export function opensWith(profile: RoadmapProfile, described: readonly string[][]): boolean {
  const first = profile.stages[0];
  if (!first) return false;
  const heading = foldForMatching(first.heading);
  return described.every((names) => names.some((name) => heading.includes(foldForMatching(name))));
}
