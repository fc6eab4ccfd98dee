import { stemmer } from "stemmer";
import { rememberedWhileUsed } from "../text/recentlyUsed.js";
import type { FieldDictionary } from "./fieldDictionary.js";

/** A dictionary's words' stemmed gloss keys, remembered per dictionary (one per index version). */
const byDictionary = new WeakMap<FieldDictionary, (word: string) => readonly (readonly string[])[]>();
/** Words remembered per dictionary: the stage and section names' words, a few hundred in all. */
const MAX_WORDS = 4096;

/**
 * A Chinese word's CC-CEDICT gloss keys, each as the Porter stems of its words ("基础" → base,
 * foundat, …; "微调" → fine tune): what a question's English words are compared with when they
 * name a stage or a section in English (QuestionJudge.englishReach). An English question naming
 * a stage compared every name word of every roadmap's stages, each time cutting its glosses into
 * keys and stemming them again: ~2 % of an ask's CPU. They depend on the word and the dictionary alone.
 */
export function glossStemsOf(dictionary: FieldDictionary, word: string): readonly (readonly string[])[] {
  let stems = byDictionary.get(dictionary);
  if (!stems) {
    stems = rememberedWhileUsed(MAX_WORDS, (w: string) =>
      dictionary.glossKeysOf(w).map((key) => key.split(/[\s-]+/).map((part) => stemmer(part))),
    );
    byDictionary.set(dictionary, stems);
  }
  return stems(word);
}
