import type { IndexSnapshot } from "../store/types.js";
import { isEnglishWord } from "../text/cedict.js";
import { generalIdfOf, scanGeneralIdf, type GeneralIdf } from "../text/generalIdf.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import { loadTaiwanPhrases } from "../text/script.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { ConceptSpace } from "./conceptSpace.js";
import { FieldDictionary } from "./fieldDictionary.js";
import { GLOSSARY } from "./glossary.js";
import { ConceptMembers } from "./conceptMembers.js";
import { NameKinds } from "./nameKinds.js";
import { numberedUnitsOf, type NumberedUnits } from "./numberedVariant.js";
import { roadmapProfiles, type RoadmapProfile } from "./roadmapProfile.js";
import { TermStatistics } from "./termStatistics.js";
import { TypoCorrector } from "./typoCorrection.js";

/** A concept more than this share of the chunks name is the corpus's subject (大模型 here: 0.66). */
const CORPUS_SUBJECT_SHARE = 0.5;

/** Questions whose repaired form is remembered: the last few requests'. */
const QUESTIONS_REMEMBERED = 64;

/**
 * What the retriever derives from one loaded index, each built once on first use and dropped
 * with the index (an index is immutable; a reindex loads a new one): term statistics, roadmap
 * profiles, the CC-CEDICT field dictionary, the typo corrector over its vocabulary and the passages in concept space.
 */
export class IndexResources {
  private statisticsValue?: TermStatistics;
  private profilesValue?: RoadmapProfile[];
  private dictionaryValue?: FieldDictionary;
  private typosValue?: TypoCorrector;
  private conceptSpaceValue?: ConceptSpace;
  private generalIdfValue?: GeneralIdf;
  private nameKindsValue?: NameKinds;
  private numberedUnitsValue?: NumberedUnits;
  private conceptMembersValue?: ConceptMembers;

  private constructor(private readonly index: IndexSnapshot) {}

  private static readonly cache = new WeakMap<IndexSnapshot, IndexResources>();

  static of(index: IndexSnapshot): IndexResources {
    let resources = IndexResources.cache.get(index);
    if (!resources) {
      resources = new IndexResources(index);
      IndexResources.cache.set(index, resources);
    }
    return resources;
  }

  /**
   * Builds everything now (~450–600 ms of CPU on the bundled corpus): called when an index
   * is loaded, so no request pays for it and the event loop is not stalled under traffic
   * (which load shedding would answer with 503s). Not pinyin-pro: the first question that reads
   * a sound loads it (text/hanSounds.ts), so a start to ready does not wait for it.
   *
   * In a CPU profile `profiles` looks like most of it (~300–450 ms), but its own work is ~15–30
   * ms: it is the first to tokenize (jieba's dictionary, ~100–200 ms, and OpenCC's table,
   * ~40–50; conceptSpace loads them otherwise) and to match the glossary (its compiled scan,
   * ~80–100; the first question otherwise). See docs/performance.md, Session 31 (profiles31).
   */
  warm(): void {
    void this.statistics;
    void this.profiles;
    void this.typos;
    void this.dictionary;
    void this.conceptSpace;
    loadTaiwanPhrases();
  }

  get statistics(): TermStatistics {
    return (this.statisticsValue ??= new TermStatistics(this.index.chunks, tokenizeForSearch, this.index.termTable));
  }

  get profiles(): RoadmapProfile[] {
    return (this.profilesValue ??= roadmapProfiles(
      this.index.documents,
      this.index.chunks,
      (entry) => this.statistics.entryShare(entry) > CORPUS_SUBJECT_SHARE,
    ));
  }

  /** The passages in the glossary's concept space (conceptSpace.ts). */
  get conceptSpace(): ConceptSpace {
    return (this.conceptSpaceValue ??= new ConceptSpace(this.index.chunks, this.statistics));
  }

  /** The numbers the documents give seasons, editions and volumes (numberedVariant.ts): not warmed, only a question that numbers one reads it. */
  get numberedUnits(): NumberedUnits {
    return (this.numberedUnitsValue ??= numberedUnitsOf(this.index.documents.map((doc) => doc.text)));
  }

  /** What kind of thing each name the documents use is (nameKinds.ts): not warmed, only "which one" questions read it. */
  get nameKinds(): NameKinds {
    return (this.nameKindsValue ??= NameKinds.of(this.index.chunks));
  }

  /** The names the documents give beside each concept (conceptMembers.ts): not warmed, only "which <concept> model" questions read it. */
  get conceptMembers(): ConceptMembers {
    return (this.conceptMembersValue ??= ConceptMembers.of(this.index.chunks));
  }

  get dictionary(): FieldDictionary {
    return (this.dictionaryValue ??= new FieldDictionary(this.statistics, this.index.lexicon?.glosses));
  }

  /** isEnglishWord over the index's lexicon (CC-CEDICT itself for an index without one). */
  readonly isEnglishWord = (word: string): boolean => isEnglishWord(word, this.index.lexicon?.englishWords);

  /**
   * jieba's general-language idf of the index's words, for the off-field check: from the index
   * (lexicon.json, written at ingest) when it has it, else scanned from the installed table on
   * first use (~100 ms; not warmed: few questions ever need it).
   */
  get generalIdf(): GeneralIdf {
    const table = this.index.lexicon?.generalIdf;
    return (this.generalIdfValue ??= table ? generalIdfOf(table) : scanGeneralIdf((word) => this.statistics.frequency(word) > 0));
  }

  get typos(): TypoCorrector {
    return (this.typosValue ??= new TypoCorrector(this.statistics, this.index.lexicon?.sounds, glossaryLatinWords()));
  }

  /**
   * The question with its misspelt Latin words repaired, and a person of the field's Chinese name
   * misspelt by sound (吴恩打 → 吴恩达); English words and other Han runs kept as they are: a
   * two-character window that sounds like a corpus word is as often no typo (tests/eval/README.md),
   * a three-character name is one. Remembered for the last few questions: a request reads it twice,
   * for the glossary terms a misspelling hid (questionExpansions.ts) and for the evidence of the
   * question's own words (questionJudge.ts).
   */
  readonly typoRepaired: (question: string) => string = recentlyComputed(QUESTIONS_REMEMBERED, (question: string) =>
    this.typos.repair(question, { hanFix: isPersonName, isWord: this.isEnglishWord }),
  );
}

let personNamesValue: ReadonlySet<string> | undefined;

/** A Chinese name of a person of the field (the glossary's people: 吴恩达, 李宏毅), three characters or more. */
function isPersonName(word: string): boolean {
  personNamesValue ??= new Set(
    GLOSSARY.filter((entry) => entry.person).flatMap((entry) => entry.zh.filter((name) => Array.from(name).length >= 3)),
  );
  return personNamesValue.has(word);
}

/** The glossary's English names, word by word, lower case: the field's Latin words a misspelling may mean. */
function glossaryLatinWords(): string[] {
  return GLOSSARY.flatMap((entry) => entry.en.flatMap((name) => name.toLowerCase().match(/[a-z][a-z0-9]+/g) ?? []));
}
