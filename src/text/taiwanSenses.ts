import { isTraditional, toSimplified } from "./script.js";

/**
 * A question in Simplified characters (toSimplified), with a Taiwan word whose meaning Mainland
 * text writes with another word read as that word when the question is written in Traditional
 * characters: a Taiwan writer's 資料 is data (訓練資料, 假資料, 資料處理 = 训练数据, 假数据, 数据处理).
 *
 * toSimplified works character by character (script.ts), so 訓練資料 stayed 训练资料, and the
 * documents' 资料 are study materials (资料汇总, 要看的资料), while their data is 数据 (合成微调数据,
 * 预训练数据): "自己造假的訓練資料" searched study materials. OpenCC's Taiwan → Mainland phrase
 * table maps 资料 → 数据, but mainlandWords.ts rightly leaves a Taiwan word the documents use
 * themselves. Only in Traditional writing: a Simplified writer's 资料 means materials.
 *
 * In Taiwan too, 資料 beside a word of studying or looking things up is material to read, not data
 * (學習資料, 參考資料, 查資料, 資料彙整, 資料包): there it stays.
 *
 * Of the nine pairs of the phrase table whose two words the documents both use, this is the only
 * one that names two different things; the others are one word in both regions (進階 / 高階 → 高级,
 * 智慧 → 智能, 整合 → 集成), and reading them as well lost an answer ("那高階的呢", session 24).
 */
export function simplifiedQuestion(question: string): string {
  const simplified = toSimplified(question);
  if (simplified === question || !simplified.includes(TAIWAN_DATA) || !isTraditional(question)) return simplified;
  return simplified.replace(DATA_SENSE, MAINLAND_DATA);
}

const TAIWAN_DATA = "资料";
const MAINLAND_DATA = "数据";

/**
 * 资料 (in Simplified) not right after a word of studying, reading or looking up, nor right before
 * a word of gathering such material (汇总, 汇整, 合集, 包). 资料库 reads 数据库, as the table has it.
 */
const DATA_SENSE = /(?<!学习|参考|相关|阅读|入门|教学|课程|复习|补充|延伸|技术|查|找|搜|看的|读的)资料(?!汇总|汇整|合集|包|领取)/gu;
