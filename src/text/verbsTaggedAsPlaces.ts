import verbList from "./verbsTaggedAsPlaces.json" with { type: "json" };
import { cedictGlosses } from "./cedict.js";

/**
 * Words jieba's tagger marks as place names (ns) that CC-CEDICT reads only as verbs: 沾边 "to
 * have a connection with", 扎堆 "to flock together", 加密 "to encrypt". "TOP20 热招岗位有几个跟 AI
 * 沾边" names no place; taken for one, 沾边 was an unknown name the documents never use, and an
 * answerable question turned low. Only words whose first gloss is a verb ("to …") are listed: a
 * noun the tagger takes for a place (吉他 "guitar", 尼罗河 "the Nile") still names a thing of its own.
 * Left out where place names are read (tokenize.ts chinesePlaceNames), as 东东 and 蚌埠住了 are.
 *
 * Read from verbsTaggedAsPlaces.json, written ahead of time by
 * `scripts/build-verbs-tagged-as-places.ts`: the server holds the index's lexicon, not all of
 * CC-CEDICT, and scanning it takes ~0.5 s and ~125 MB. tests/text/verbsTaggedAsPlaces.test.ts
 * checks the list against the installed jieba and cc-cedict.
 */
const VERBS: ReadonlySet<string> = new Set(verbList);

export function isVerbTaggedAsPlace(word: string): boolean {
  return VERBS.has(word);
}

/** A gloss that reads as a verb: "to …", after an optional qualifier in brackets ("(literary) to be of benefit to"). */
const VERB_GLOSS = /^(?:\([^)]*\)\s*)?to\s/u;

/**
 * The CC-CEDICT headwords (two to four Han characters) the tagger (tokenize.ts taggedChineseWords,
 * passed in: tokenize.ts reads this list) tags as one place name and whose first gloss is a verb, sorted.
 */
export function scanVerbsTaggedAsPlaces(tag: (word: string) => readonly { tag: string }[]): string[] {
  const words: string[] = [];
  for (const [word, glosses] of cedictGlosses()) {
    if (!/^\p{Script=Han}{2,4}$/u.test(word) || !VERB_GLOSS.test(glosses[0] ?? "")) continue;
    const tagged = tag(word);
    if (tagged.length === 1 && tagged[0]!.tag === "ns") words.push(word);
  }
  return words.sort();
}
