import { cedictGlosses } from "../text/cedict.js";
import type { TermStatistics } from "./termStatistics.js";

/**
 * English → Chinese candidate terms from CC-CEDICT, restricted to this corpus's vocabulary: an
 * English word of the question ("deploy", "pictures") finds the corpus words whose dictionary
 * glosses name it (部署, 图片). Candidates are ranked by corpus idf (rarer says more) and words
 * many chunks contain are left out, like the glossary's ubiquitous concepts.
 */
export class FieldDictionary {
  /** Gloss key ("fine tuning", "deploy") → corpus words glossed with it. */
  private readonly byGloss = new Map<string, string[]>();
  /** A byGloss list → its words ranked (ranked()). */
  private readonly rankedByGloss = new Map<readonly string[], readonly string[]>();

  /** `glosses`: the index's lexicon (CC-CEDICT entries of its words) when it has one, else all of CC-CEDICT. */
  constructor(
    private readonly statistics: TermStatistics,
    private readonly glosses: ReadonlyMap<string, readonly string[]> = cedictGlosses(),
  ) {
    for (const word of statistics.vocabulary()) {
      if (!HAN_WORD.test(word)) continue;
      for (const gloss of glosses.get(word) ?? []) {
        for (const key of glossKeys(gloss)) {
          const words = this.byGloss.get(key) ?? [];
          if (!words.includes(word)) words.push(word);
          this.byGloss.set(key, words);
        }
      }
    }
  }

  /** Chinese corpus words for the English words (and two-word phrases) of a question. */
  englishCandidates(words: readonly string[], perWord = 2): string[] {
    const out: string[] = [];
    const keys = [...words.map((w, i) => `${w} ${words[i + 1] ?? ""}`.trim()).filter((k) => k.includes(" ")), ...words];
    const covered = new Set<string>();
    for (const key of keys) {
      if (key.split(" ").every((w) => covered.has(w))) continue;
      const found = this.lookup(singular(key)) ?? this.lookup(key);
      if (!found) continue;
      for (const w of key.split(" ")) covered.add(w);
      out.push(...this.best(found, perWord));
    }
    return [...new Set(out)];
  }

  /** A Chinese word's CC-CEDICT glosses as English keys ("基础" → base, foundation, basis, basic, fundamental). */
  glossKeysOf(word: string): string[] {
    return (this.glosses.get(word) ?? []).flatMap(glossKeys);
  }

  private lookup(key: string): string[] | undefined {
    return this.byGloss.get(key);
  }

  private best(words: readonly string[], n: number): string[] {
    return this.ranked(words).slice(0, n);
  }

  /**
   * A gloss key's corpus words that say something, rarest first. Remembered per key's word list
   * (at most one ranked copy of each list a question looked up, for this dictionary's index): the
   * filter and the sort (idf, then localeCompare) depend on the index alone, and every English
   * word of every question was ranking its key's words again (~2 % of an English search).
   */
  private ranked(words: readonly string[]): readonly string[] {
    let ranked = this.rankedByGloss.get(words);
    if (!ranked) {
      const chunkCount = Math.max(1, this.statistics.chunkCount);
      ranked = words
        .filter((w) => this.statistics.frequency(w) / chunkCount <= MAX_SHARE)
        .sort((a, b) => this.statistics.idf(b) - this.statistics.idf(a) || a.localeCompare(b));
      this.rankedByGloss.set(words, ranked);
    }
    return ranked;
  }
}

const HAN_WORD = /^\p{Script=Han}{2,}$/u;
/** Words in more than this share of chunks say nothing about which passage answers. */
const MAX_SHARE = 0.3;
const GLOSS_NOISE = /^(cl:|variant of|see |surname|old variant|used in|abbr\. for|also written|also pr\.)/i;

/** "(math.) vector" → ["vector"]; "to deploy" → ["deploy"]; long explanations give nothing. */
export function glossKeys(gloss: string): string[] {
  const keys: string[] = [];
  for (const part of gloss.split(/;/)) {
    const clean = part
      .toLowerCase()
      .replace(/\([^)]*\)|\[[^\]]*\]/g, " ")
      .replace(/\b(sth|sb|one's|oneself|etc)\b/g, " ")
      .replace(/^\s*(to|a|an|the)\s+/, "")
      .replace(/[^a-z0-9\- ]+/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (clean === "" || GLOSS_NOISE.test(part.trim()) || clean.split(" ").length > 2) continue;
    keys.push(singular(clean));
  }
  return keys;
}

/** A plain English singular, enough to meet glosses halfway (pictures → picture, models → model). */
export function singular(phrase: string): string {
  return phrase
    .split(" ")
    .map((w) => (w.length > 4 && w.endsWith("ies") ? `${w.slice(0, -3)}y` : w.length > 3 && /[^s]s$/.test(w) ? w.slice(0, -1) : w))
    .join(" ");
}
