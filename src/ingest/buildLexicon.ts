import type { LexiconFile } from "../index/types.js";
import { cedictEnglishWords, cedictGlosses, cedictLoaded, releaseCedict } from "../text/cedict.js";
import { generalIdfTable } from "../text/generalIdf.js";
import { soundsTable } from "../text/hanSounds.js";

/** Only Chinese words of 2+ characters are looked up (single characters gloss too loosely). */
const HAN_WORD = /^\p{Script=Han}{2,}$/u;

/**
 * Step 3b: the part of CC-CEDICT retrieval uses for this corpus — glosses of its Chinese words
 * (for English → Chinese expansion) and the English words glosses use (a learner's English word
 * is not a typo). Parsing the 11 MB dictionary costs 1–3 s: paid here, at ingest, it is gone from
 * server start and from the first request; and a re-ingest without new words reuses `previous`
 * without parsing it at all.
 *
 * With `terms` (the term table's vocabulary, the words term statistics count), it also carries
 * jieba's general-language idf of those words (generalIdfTable, one ~100 ms scan), which the
 * off-field check reads: a server would otherwise scan the 6 MB table on its first off-field
 * question; and the pinyin readings of their Han words (soundsTable), which the typo corrector
 * would otherwise read at every start.
 */
export function buildLexicon(vocabulary: Iterable<string>, previous?: LexiconFile, terms?: Iterable<string>): LexiconFile {
  const lexicon = cedictLexicon(vocabulary, previous);
  if (!terms) return lexicon;
  const words = [...terms];
  return { ...lexicon, generalIdf: generalIdfTable(words), sounds: soundsTable(words) };
}

function cedictLexicon(vocabulary: Iterable<string>, previous?: LexiconFile): LexiconFile {
  const words = [...vocabulary].filter((word) => HAN_WORD.test(word));
  const known = new Set(previous?.looked ?? []);
  if (previous?.looked && words.every((word) => known.has(word))) {
    const glosses: Record<string, string[]> = {};
    for (const word of words) if (previous.glosses[word]) glosses[word] = previous.glosses[word];
    return { glosses, englishWords: previous.englishWords, looked: words };
  }
  // Parsed here only for this lexicon: dropped afterwards, so its ~125 MB of heap is not held
  // through the write step (the peak RSS of a large ingest). A process that already had it
  // (a server on an index without a lexicon) keeps it.
  const parsedHere = !cedictLoaded();
  try {
    const all = cedictGlosses();
    const glosses: Record<string, string[]> = {};
    for (const word of words) {
      const entry = all.get(word);
      if (entry !== undefined) glosses[word] = [...entry];
    }
    return { glosses, englishWords: [...cedictEnglishWords()].sort(), looked: words };
  } finally {
    if (parsedHere) releaseCedict();
  }
}
