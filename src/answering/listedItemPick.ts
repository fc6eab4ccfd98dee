import { toSimplified } from "../text/script.js";
import { ITEM_ORDINAL, ITEM_ORDINAL_EN } from "./followUpCues.js";

/**
 * "第一个代码生成的项目用的是哪个大模型？" after "七个阶段那份第四阶段有哪些实战项目？": an item picked
 * by its place in a list ("第一个…项目", "the second book") is an item of the list the conversation
 * was given, however long the question that asks about it. looksLikeFollowUp reads such a pick only
 * in a short question; for which roadmap the question is about, a long one picks the same way.
 */
export function picksListedItem(question: string): boolean {
  const simplified = toSimplified(question);
  return ITEM_ORDINAL.test(simplified) || ITEM_ORDINAL_EN.test(simplified);
}
