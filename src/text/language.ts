import { hanUnitCount } from "./codePointKinds.js";
import { recentlyComputed } from "./recentlyComputed.js";
import { NEXT_CUES, PREVIOUS_CUES } from "./questionCues.js";

/** The dominant natural language of a question ("mixed" when neither side wins clearly). */
export type QueryLanguage = "zh" | "en" | "mixed";

/**
 * Which natural language a question is written in.
 *
 * The rule: the answer language follows the question's dominant NATURAL language, so what counts
 * is the words that carry the sentence (question words, particles, verbs), not the technical
 * terms inside it. "学完LoRA之后学什么" is a Chinese question that names an English term; "What is
 * 微调?" is an English question that names a Chinese one. Each side gets a score:
 *   - English: 1 per function/question word (what, after, should, the …), 0.5 per other plain
 *     lowercase word; tokens that look like terms (LoRA, GPT-4, RAG, PyTorch) count 0.
 *   - Chinese: 1 per function word or particle (什么, 之后, 怎么, 的, 吗 …), 0.25 per other Han
 *     character (a two-character content word weighs like half an English word).
 * English share ≥ 0.6 → "en"; ≤ 0.35 → "zh"; in between → "mixed" ("LoRA 之后 next step 学什么").
 * With no natural-language words at all, whichever script has letters decides (Han wins ties):
 * "RAG" → "en", "微调" → "zh". Callers answer a "mixed" question in Chinese.
 */
export function detectLanguage(text: string): QueryLanguage {
  const { english, chinese } = scoresOf(text);
  return languageOfScores(english, chinese);
}

/** Texts whose scores are remembered: the last few requests' questions. */
const TEXTS_REMEMBERED = 64;

/**
 * A text's two scores, remembered: an ask scores its question twice, once as the search reads it
 * (detectLanguage of its Simplified search form) and once as the learner wrote it (statedLanguage,
 * for the answer's language), and the two are the same text unless the question had Traditional
 * characters or was read with its conversation. Read only.
 */
const scoresOf = recentlyComputed(TEXTS_REMEMBERED, (text: string) => ({ english: englishScore(text), chinese: chineseScore(text) }));

/**
 * The natural language a text is written in, when it has words of one (detectLanguage's reading);
 * undefined for a text of terms alone ("LoRA?", "RAG 呢" has 呢): a follow-up like "LoRA?" says
 * nothing of the language the learner is speaking.
 */
export function statedLanguage(text: string): QueryLanguage | undefined {
  // Scored once: the scores decide both whether the text states a language and which.
  const { english, chinese } = scoresOf(text);
  return english.natural + chinese.natural === 0 ? undefined : languageOfScores(english, chinese);
}

/** detectLanguage's rule over a text's two scores. */
function languageOfScores(english: { natural: number; latinWords: number }, chinese: { natural: number; han: number }): QueryLanguage {
  if (english.natural + chinese.natural === 0) {
    if (chinese.han > 0) return "zh";
    return english.latinWords > 0 ? "en" : "zh";
  }
  const share = english.natural / (english.natural + chinese.natural);
  if (share >= 0.6) return "en";
  if (share <= 0.35) return "zh";
  return "mixed";
}

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "a an the this that these those is are was were be been being am do does did done have has had " +
    "what which who whom whose why how when where whether if then than after before next following " +
    "previous first last step steps comes come should would could can may might must shall will " +
    "i me my mine we our you your he she it its they them their there here " +
    "of in on at to for from with without about into onto over under by as and or but not no so " +
    "learn learning study studying read reading know need want recommend recommended please tell " +
    "explain mean means any some all each more most much many good best better start begin"
  ).split(" "),
);

const CHINESE_FUNCTION_WORDS_IN_ANY_ORDER = [
  // Before/after cues: one vocabulary (questionCues.ts).
  ...NEXT_CUES.zh,
  ...PREVIOUS_CUES.zh,
  "为什么",
  "怎么样",
  "是什么",
  "有哪些",
  "什么",
  "怎么",
  "怎样",
  "如何",
  "哪些",
  "哪个",
  "哪里",
  "哪本",
  "应该",
  "需要",
  "可以",
  "学习",
  "推荐",
  "请问",
  "一下",
  "还是",
  "或者",
  "因为",
  "所以",
  "我们",
  "你们",
  "这个",
  "那个",
  "吗",
  "呢",
  "吧",
  "啊",
  "的",
  "了",
  "是",
  "该",
  "要",
  "我",
  "你",
  "在",
  "有",
  "和",
  "与",
  "或",
  "也",
  "都",
  "就",
  "先",
  "再",
  "学",
  "读",
  "看",
  "哪",
  "么",
  "呀",
];
// Longest first, so 什么 inside 为什么 is not counted twice.
const CHINESE_FUNCTION_WORDS = [...new Set(CHINESE_FUNCTION_WORDS_IN_ANY_ORDER)].sort((a, b) => b.length - a.length);

/** The indexes in CHINESE_FUNCTION_WORDS of the words starting with each first UTF-16 unit. */
const WORDS_BY_FIRST_UNIT = (() => {
  const byUnit = new Map<number, number[]>();
  CHINESE_FUNCTION_WORDS.forEach((word, w) => {
    const unit = word.charCodeAt(0);
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), w]);
  });
  return byUnit;
})();
/** Scratch marks by word index, filled per text (one text at a time: nothing waits in between). */
const wordMarks = new Uint8Array(CHINESE_FUNCTION_WORDS.length);

/** 1 for each function word whose first character is in `text`, 0 for the others. */
function wordsStartingIn(text: string): Uint8Array {
  wordMarks.fill(0);
  for (let i = 0; i < text.length; i++) {
    const words = WORDS_BY_FIRST_UNIT.get(text.charCodeAt(i));
    if (words) for (const w of words) wordMarks[w] = 1;
  }
  return wordMarks;
}

/** Whether every function word holds a Han character, so a text without one holds none of them. */
const FUNCTION_WORDS_ALL_HAN = CHINESE_FUNCTION_WORDS.every((word) => /\p{Script=Han}/u.test(word));
const LATIN_WORD = /[A-Za-z][A-Za-z0-9'’-]*/g;

function englishScore(text: string): { natural: number; latinWords: number } {
  let natural = 0;
  let latinWords = 0;
  for (const match of text.matchAll(LATIN_WORD)) {
    const word = match[0];
    latinWords++;
    if (ENGLISH_FUNCTION_WORDS.has(word.toLowerCase())) natural += 1;
    else if (!looksLikeTerm(word)) natural += 0.5;
  }
  return { natural, latinWords };
}

/** LoRA, GPT-4, RAG, PyTorch, QLoRA: names and acronyms, not sentence words. */
function looksLikeTerm(word: string): boolean {
  return /[0-9]/.test(word) || /[A-Z]/.test(word.slice(1)) || (word.length <= 4 && word === word.toUpperCase());
}

function chineseScore(text: string): { natural: number; han: number } {
  // The UTF-16 length of the Han characters, counted by the code-point walk (codePointKinds.ts).
  const han = hanUnitCount(text);
  // No function word can be in a text without Han characters: the ~60 searches are skipped.
  if (han === 0 && FUNCTION_WORDS_ALL_HAN) return { natural: 0, han };
  let rest = text;
  let functionWords = 0;
  let functionChars = 0;
  // A word can only be in the text if its first character is, and taking words out adds none:
  // the first characters mark the few of the ~60 words worth a search (one pass over the text).
  const candidates = wordsStartingIn(text);
  for (let w = 0; w < CHINESE_FUNCTION_WORDS.length; w++) {
    if (candidates[w] === 0) continue;
    const word = CHINESE_FUNCTION_WORDS[w]!;
    // Most of the candidates are not in a given question: a search, not a split and join, tells.
    if (!rest.includes(word)) continue;
    const parts = rest.split(word);
    const count = parts.length - 1;
    if (count === 0) continue;
    functionWords += count;
    functionChars += count * word.length;
    rest = parts.join(" ");
  }
  return { natural: functionWords + 0.25 * (han - functionChars), han };
}
