import fieldWordData from "./fieldWords.json" with { type: "json" };
import { fnv1a } from "./fnv1a.js";

/**
 * The field's words jieba's dictionary lacks (fieldWordSelection.ts says which and why), as lines
 * of a jieba dictionary, tagged as nouns: the segmenter loads them after its own dictionary, so
 * that documents and questions are cut at the field's words. Every table built on the cut (the
 * index, the learners' phrase tokens, the concept units, the learned associations, the re-ranker)
 * is rebuilt when this list changes.
 */
export function fieldWordDictionaryLines(): string {
  return (fieldWordData.words as [string, number][]).map(([word, frequency]) => `${word} ${frequency} n\n`).join("");
}

/** Which added words the segmenter cuts with, as 8 hex digits: what a store of tokenized vectors is keyed by. */
export function fieldWordsFingerprint(): string {
  return fnv1a(fieldWordDictionaryLines()).toString(16).padStart(8, "0");
}

let fieldWordSet: ReadonlySet<string> | undefined;

/** Whether jieba cuts `word` whole only because it is one of the field's added words (学习资料, 向量数据库). */
export function isAddedFieldWord(word: string): boolean {
  fieldWordSet ??= new Set((fieldWordData.words as [string, number][]).map(([added]) => added));
  return fieldWordSet.has(word);
}
