import type { Chunk } from "../chunking/types.js";
import { findGlossaryMatches, type GlossaryEntry } from "./glossary.js";
import { KIND_WORD, kindOfWord, type NameKind } from "./nameKinds.js";
import { namesBeyondQuestion, WHICH_ZH } from "./namedInstance.js";
import { mayMatchGated } from "../text/questionGate.js";

/**
 * "Which embedding model", "哪个 vision-language model", "什么 vector DB": a which-one question whose
 * kind is a field concept (a glossary entry) asks for a thing the documents name as one of that
 * concept. When the documents never name a thing beside that concept at all, they name none of
 * that kind, whatever other names (BERT, LangChain) the passages give: the question asks for a
 * member of a kind they only name as a kind. nameKinds.ts reads a fixed set of kind words (模型,
 * 框架); this reads any kind the glossary names, from the documents' own clauses and labels.
 */

/** Which one (为什么 is why): namedInstance.ts's Chinese words, and English's. */
const WHICH = new RegExp(`${WHICH_ZH}|\\bwhich\\b|\\bwhat\\b`, "giu");
/** Whether WHICH can match a text at all, from the question's shared reading (questionGate.ts). */
const mayAskWhich = mayMatchGated(WHICH);
/** What may stand between "which" and its kind: a determiner's words, never a clause (哪个最吃算力). */
const BETWEEN =
  /^(?:\s*(?:(?:'s|is|are)\s+)?(?:(?:the|a|an|best|good|specific|particular|kind of|type of|sort of)\s+)*|\s*(?:型号的?|類型的?|类型的?|种类的?|種類的?|款|个|個|種|种)\s*)$/iu;
/** The kind a concept qualifies: a kind word right after it ("embedding model", "开源模型") or ending it. */
const KIND_AFTER = new RegExp(`^\\s*(?:${KIND_WORD.source})`, "iu");
const KIND_LAST = new RegExp(`(?:${KIND_WORD.source})(?!.*(?:${KIND_WORD.source}))`, "iu");

/**
 * The concept a which-one question asks a member of: the first glossary term right after a
 * "which" that names a kind, itself (vector database, 视觉语言模型) or by the kind word after it
 * (embedding model). A term with no kind word ("哪个阶段", "which GPU") is not read here: the
 * documents' members of such a concept are no names (stages) or are read by other checks.
 */
export function conceptAsked(question: string): AskedConcept | undefined {
  if (!mayAskWhich(question)) return undefined;
  const terms = findGlossaryMatches(question, { learnerPhrases: false });
  for (const which of question.matchAll(WHICH)) {
    const end = which.index + which[0].length;
    const term = terms.find((match) => match.start >= end && BETWEEN.test(question.slice(end, match.start)));
    const kindWord = term && (KIND_AFTER.exec(question.slice(term.end))?.[0] ?? KIND_LAST.exec(term.surface)?.[0]);
    if (term && kindWord) return { entry: term.entries[0]!, kind: kindOfWord(kindWord.trim()) };
  }
  return undefined;
}

/** A concept asked a member of, and the kind of thing asked (an embedding *model*). */
export interface AskedConcept {
  entry: GlossaryEntry;
  kind: NameKind | undefined;
}

/** A clause: names in it are said of the terms in it ("向量数据库的应用，如Milvus"). */
const CLAUSE = /[^。；;！!？?\n]+/gu;
/** A short line standing as a list item's label or heading ("• 开源模型"): it names what the lines under it list. */
const LABEL_LINE = /^\s*(?:[-*+•·●▪#]+|\d{1,2}[.、)])?\s*(?:\*\*)?([^，,。.;；:：!！?？\n*]{1,16})(?:\*\*)?\s*$/u;

/** The names the documents give beside each glossary concept, read once per index (like nameKinds.ts). */
export class ConceptMembers {
  private constructor(private readonly members: ReadonlyMap<GlossaryEntry, ReadonlySet<string>>) {}

  static of(chunks: readonly Chunk[]): ConceptMembers {
    const members = new Map<GlossaryEntry, Set<string>>();
    const add = (text: string, names: readonly string[]) => {
      for (const match of findGlossaryMatches(text, { learnerPhrases: false }))
        for (const entry of match.entries) {
          let set = members.get(entry);
          if (!set) members.set(entry, (set = new Set()));
          for (const name of names) set.add(name.toLowerCase());
        }
    };
    for (const chunk of chunks) {
      let label = chunk.headingPath.at(-1) ?? "";
      for (const line of chunk.text.split("\n")) {
        const labelled = LABEL_LINE.exec(line);
        if (labelled && namesBeyondQuestion(line, "").length === 0) {
          label = labelled[1]!;
          continue;
        }
        for (const { 0: clause } of line.matchAll(CLAUSE)) {
          const names = namesBeyondQuestion(clause, "");
          if (names.length === 0) continue;
          // The clause's own terms, and the label or heading over it, are what its names are said to be.
          add(clause, names);
          add(label, names);
        }
      }
    }
    return new ConceptMembers(members);
  }

  /** Whether the documents name any thing beside this concept (in one clause, or under a label naming it). */
  hasMembers(entry: GlossaryEntry): boolean {
    return (this.members.get(entry)?.size ?? 0) > 0;
  }

  /** Whether a text names a thing the documents give beside this concept. */
  memberIn(entry: GlossaryEntry, text: string, question: string): boolean {
    const members = this.members.get(entry);
    return members !== undefined && namesBeyondQuestion(text, question).some((name) => members.has(name.toLowerCase()));
  }
}

/**
 * Whether the answer can name a member of the concept asked: the documents name some thing beside
 * the concept, and, when a model is asked ("which embedding model"), the passages name one of
 * those. A model is a Latin name wherever the documents give one; a book, a course or a community
 * is often a 《title》 or a Chinese name this reading does not see, so for those the documents'
 * naming any is enough (on tune, holding books and communities to the passages made 11 answerable
 * questions low).
 */
export function conceptMemberNamed(
  asked: AskedConcept & { members: ConceptMembers },
  passages: readonly { chunk: { text: string } }[],
  question: string,
): boolean {
  if (!asked.members.hasMembers(asked.entry)) return false;
  return asked.kind !== "model" || passages.some((passage) => asked.members.memberIn(asked.entry, passage.chunk.text, question));
}
