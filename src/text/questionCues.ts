import { escapeRegExp } from "./escapeRegExp.js";

/**
 * The one vocabulary of words that ask "what comes after / before" something in a learning path,
 * in Chinese (Simplified: questions are converted before analysis) and English. Query analysis
 * (retrieval/analyzeQuery.ts) counts them to decide a question's direction, topic extraction and
 * the evidence score drop them as filler (retrieval/questionWords.ts), follow-ups take the
 * previous question's ones out before carrying it (answering/followUp.ts) and language detection
 * counts them as Chinese function words (language.ts). A new cue is added here, once.
 */

export interface CueWords {
  zh: readonly string[];
  en: readonly string[];
}

/** Verbs of finishing, before the topic ("学完 LoRA", "看完入门篇") or after it ("基础篇做完之后"). */
export const FINISHING_VERBS: readonly string[] = [
  "学完",
  "学好",
  "看完",
  "读完",
  "做完",
  "搞完",
  "弄完",
  "啃完",
  "练完",
  "刷完",
  "过完",
  "走完",
  "学透",
  "吃透",
  "搞定",
];

/** Postpositions of "after" that follow the topic ("LoRA 之后", "入门阶段结束后"). */
export const AFTER_POSTPOSITIONS: readonly string[] = ["之后", "以后", "后面", "完成后", "结束后", "结束以后"];

/** Postpositions of "before" that follow the topic ("LoRA 之前"). */
export const BEFORE_POSTPOSITIONS: readonly string[] = ["之前", "以前", "前面", "前置"];

export const NEXT_CUES: CueWords = {
  zh: [
    ...AFTER_POSTPOSITIONS,
    ...FINISHING_VERBS,
    "接下来",
    "下一步",
    "下一个阶段",
    "下一阶段",
    "下个阶段",
    // A stage is also a 段 (第三段) or, in a chaptered list, a 篇 (入门篇).
    "下一段",
    "下一篇",
    // Inside a stage or chapter, its sections and the directions it lists (0x33 → 0x34).
    "下一节",
    "下一小节",
    "下一个小节",
    "下一个章节",
    "下一个部分",
    "下一章",
    "下一部分",
    "下一个方向",
    "下个方向",
    "后一个方向",
    "后一个阶段",
    "后一阶段",
    "然后",
    "后续",
    "紧接着",
    "接着",
    "随后",
    "再往后",
  ],
  en: [
    "after",
    "next",
    "afterwards",
    "what comes after",
    "what follows",
    "follows",
    "move on",
    "moving on",
    "then what",
    "and then",
    "following stage",
    "following step",
    "following phase",
    "following topic",
  ],
};

export const PREVIOUS_CUES: CueWords = {
  zh: [
    ...BEFORE_POSTPOSITIONS,
    "先学",
    "基础是",
    "需要先",
    "要先",
    "得先",
    "先要",
    "预备知识",
    "先修",
    "打基础",
    "前一个阶段",
    "前一阶段",
    "上一个阶段",
    "上一阶段",
    "上个阶段",
    "上一段",
    "前一段",
    "上一篇",
    "前一篇",
    "上一节",
    "前一节",
    "上一小节",
    "上一个小节",
    "上一个章节",
    "上一个部分",
    "上一章",
    "前一章",
    "上一部分",
    "前一部分",
    "上一个方向",
    "前一个方向",
    "前一步",
    "上一步",
    "前提",
    // "那再往前呢？": back one more, as 再往后 goes on.
    "再往前",
  ],
  en: [
    "prerequisite",
    "prerequisites",
    "before",
    "beforehand",
    "first learn",
    "learn first",
    "know first",
    "preceding",
    "precede",
    "precedes",
    "comes before",
    "previous",
    "prior to",
    "earlier stage",
    "required for",
    "needed for",
    "groundwork",
  ],
};

/** "after work", "before bed": a time of the learner's day, not a place in a learning path ("after month 6" of a plan is one). */
const EVERYDAY_TIMES = /(?:work|school|class|classes|dinner|lunch|breakfast|bed|my (?:job|shift|day)|the kids|weekends?)\b/;

/** Longest first, so a longer cue wins over one it contains (结束以后 over 以后). */
function alternation(words: readonly string[]): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
}

/** A global regex matching the cues (English ones as whole words, case-insensitive). */
export function cuePattern(cues: CueWords): RegExp[] {
  // 最后一个阶段 is the last stage, not "the stage after" (后一个阶段).
  return [
    new RegExp(`(?<!最)(?:${alternation(cues.zh)})`, "gu"),
    new RegExp(`\\b(?:${alternation(cues.en)})\\b(?!\\s+${EVERYDAY_TIMES.source})`, "giu"),
  ];
}

/** A question about where something sits in a roadmap: which stage, part, step or section. */
const LOCATION_ASKED =
  /第几|第幾|哪个阶段|哪個階段|哪一?(?:个|個)?(?:阶段|階段|部分|步|段|篇|章|节|節)|放在|属于|屬於|\b(?:which|what)\s+(?:stage|phase|part|step|section|module)\b|\bin which\b|\bwhere\b/i;

/** Whether a question asks where something sits in a roadmap ("放在第几阶段", "which stage covers it", "where does X come"). */
export function asksLocation(question: string): boolean {
  return LOCATION_ASKED.test(question);
}

/** A question about whether a document covers something: 有没有讲, 有推荐…吗, does it mention, is there anything on. */
const COVERAGE_ASKED =
  /有没有|有沒有|是否(?:有|提到|推荐|推薦|讲|講|介绍|介紹)|有(?:推荐|推薦|提到|讲|講|说|說|介绍|介紹|列|写|寫)[^？?。]{0,24}(?:吗|嗎)|(?:提到|推荐|推薦|讲|講|介绍|介紹)(?:了|过|過)?[^？?。]{0,24}(?:吗|嗎)|\b(?:does|did|do)\s+(?:it|they|the\s+[\w-]+|that\s+[\w-]+|this\s+[\w-]+)(?:\s+[\w-]+){0,2}\s+(?:mention|cover|recommend|include|list|name|suggest|talk\s+about|say\s+anything\s+about)\b|\bis\s+there\s+(?:anything|any)\b/i;

/** Whether a question asks if a document covers, mentions or recommends something. */
export function asksCoverage(question: string): boolean {
  return COVERAGE_ASKED.test(question);
}
