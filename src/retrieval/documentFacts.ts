import type { Chunk } from "../chunking/types.js";
import { DOCUMENT_NOUN } from "../text/documentWords.js";
import { chunkIdFor } from "../chunking/chunkId.js";
import type { CorpusDocument, DocumentFact } from "../corpus/types.js";
import type { DetailKind } from "./detailRules.js";
import type { Passage } from "./types.js";

/**
 * Questions that ask a fact of a document itself ("那篇讲四条路的博客是哪天发的？", "who wrote the
 * five-stage guide?"), answered by the document's card (corpus/documentCard.ts): the lines where it
 * states its own author, date or tags. Read in Simplified characters (questions are converted first).
 */

/**
 * Asking who wrote it: "作者是谁", "作者叫什么", "谁写的", "who wrote", "who made the list", "who is the
 * author". Not "作者推荐…" nor "the author likes".
 */
const AUTHOR_ASKED =
  /(?:作者|博主|写的人)(?:是|叫|到底是)?(?:谁|哪位|何人|什么人|什么名字|啥)|谁写|是谁(?:写|发|整理|做|出)的|\bwho\s+(?:wrote|writes|authored|made|created|put\s+together|compiled)\b|\bwho(?:'s|\s+is|\s+was)\s+(?:the\s+)?(?:author|writer)\b|\bwho\s+(?:its|the)\s+(?:author|writer)\s+(?:is|was|might\s+be|may\s+be)\b|\bwritten\s+by\s+whom\b/i;
/**
 * Asking when it was posted, written, created or updated: the time word beside the verb ("哪天发的",
 * "更新是哪天", "when was it last updated"), so that "什么时候开始写代码" asks no date of the document.
 */
const ZH_TIME = "(?:哪天|哪一天|哪年|哪一年|几月|几号|什么时候|啥时候|何时|什么日期|哪个日期)";
const ZH_POSTED = "(?:发布|发表|发|写|更新|改动|修改|建立|创建|上线|贴)";
/** Before the time word only a verb that cannot start "写代码": "更新是哪天", "发布于何时". */
const ZH_POSTED_FIRST = "(?:发布|发表|更新|改动|修改|建立|创建|上线|写于|发于)";
const EN_POSTED = "(?:posted|published|written|created|updated|released|put\\s+up)";
const DATE_ASKED = new RegExp(
  [
    `${ZH_TIME}\\s*(?:首次|第一次|正式)?${ZH_POSTED}`,
    `${ZH_POSTED_FIRST}.{0,4}${ZH_TIME}`,
    `\\bwhen(?:\\s+exactly)?\\s+(?:(?:it|this|that)\\s+)?(?:was|is|did|were)\\b.{0,120}\\b${EN_POSTED}`,
    `\\b(?:what|which)\\s+(?:date|day|year)\\b.{0,120}\\b${EN_POSTED}`,
  ].join("|"),
  "i",
);
/** Asking its tags or categories: the question word beside the word ("打了哪些 tag", "归在啥分类", "what tags"), not "不用人打标签". */
const TAGS_ASKED =
  /(?:哪些|什么|啥|哪个|哪类)\s*(?:的\s*)?(?:标签|分类|关键词|tags?\b|categor(?:y|ies)\b)|(?:标签|分类|关键词)(?:是|有)(?:哪些|什么|啥)|\b(?:what|which)\s+(?:tags?|categor(?:y|ies)|labels?)\b|\btagged\s+(?:with|as)\s+what\b/i;

/**
 * A work inside the document the fact may be of instead (a 《book》, a course, a paper, a survey, a
 * report, a video or talk, a project, a 【mark】): "《大语言模型》是谁写的" asks of the book,
 * "清单里那个开源项目是谁做的" of the project, not of the roadmap that lists them. Not a repository: a
 * roadmap itself may live in one ("posted as an issue on someone's blog repo").
 */
const OTHER_WORK =
  /《|【|书|课|论文|综述|报告|视频|影片|演讲|分享|教程|项目|\b(?:book|course|class|paper|survey|report|video|talk|lecture|tutorial|notebook|project)s?\b/i;

/**
 * A 《title》 followed by a word for a document ("《大模型学习路线》博客", "《…》那篇文章") is the document's
 * own title, not a work inside it.
 */
const OWN_TITLE = new RegExp(`《[^》]{1,40}》\\s*(?:这|那)?[篇份]?\\s*(?:${DOCUMENT_NOUN}|博文|帖子|部落格)`, "giu");

/** The facts a question asks of the document it names; empty when it asks none or asks them of a work inside it. */
export function documentFactsAsked(query: string): DocumentFact[] {
  if (OTHER_WORK.test(query.includes("《") ? query.replace(OWN_TITLE, " ") : query)) return [];
  const asked: DocumentFact[] = [];
  if (AUTHOR_ASKED.test(query)) asked.push("author");
  if (DATE_ASKED.test(query)) asked.push("date");
  if (TAGS_ASKED.test(query)) asked.push("tags");
  return asked;
}

/**
 * A word for a document ("那篇博客", "the blog post", "the reading list"): a question describing one by
 * its content, or asking who wrote one (documentWords.ts lists the nouns).
 */
const DOCUMENT_WORD = new RegExp(`${DOCUMENT_NOUN}|博文|帖子|部落格|[这那][篇份]|\\b(?:write-?up|notes|issue)s?\\b`, "iu");

/** What a question asks of a document itself, and of which document (RetrievalResult.documentFacts). */
export interface DocumentFactsAsked {
  doc: CorpusDocument;
  asked: DocumentFact[];
  /** Asked facts the document does not state of itself (no card, or a card without them). */
  missing: DocumentFact[];
  /** The card's lines stating an asked fact ("date: 2024-09-05"): the answer quotes them first. */
  stated: string[];
  /** The question named the document (not described it): only then does its card decide confidence. */
  named: boolean;
}

function states(doc: CorpusDocument, fact: DocumentFact, query: string): boolean {
  return doc.card?.lines.some((line) => line.fact === fact && answersQuery(line, query)) ?? false;
}

function statedLines(doc: CorpusDocument, asked: readonly DocumentFact[], query: string): string[] {
  return (doc.card?.lines ?? []).filter((line) => asked.includes(line.fact) && answersQuery(line, query)).map((line) => line.text);
}

/**
 * "那篇2024-09-05发的博客最后更新是哪天？": a date line giving the very day the question names the
 * document by is what the learner already knows, not the date asked (as a sum or a duration the
 * question states is no answer: statedAmounts.ts, detailKinds.ts). A line with another date answers.
 */
function answersQuery(line: { fact: DocumentFact; text: string }, query: string): boolean {
  if (line.fact !== "date") return true;
  const stated = fullDates(query);
  if (stated.size === 0) return true;
  const given = fullDates(line.text);
  return given.size === 0 || [...given].some((date) => !stated.has(date));
}

/** Whole days written in a text (2024-09-05, 2024/9/5, 2024年9月5日, 20240905), as "YYYY-MM-DD". */
function fullDates(text: string): Set<string> {
  const dates = new Set<string>();
  for (const m of text.matchAll(FULL_DATE)) {
    const [year, month, day] = m[1] ? [m[1], m[2]!, m[3]!] : [m[4]!, m[5]!, m[6]!];
    dates.add(`${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`);
  }
  return dates;
}

const FULL_DATE =
  /(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)|(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/gu;

/**
 * The facts a question asks of a document and the document: the roadmap it names (by shape, origin,
 * title or date), or else, when it describes one by its content ("the blog covering the four
 * approaches"), the document of the leading passage. A described document is a guess of retrieval's:
 * good enough to lead with a card that states the fact, never to decide confidence (a fact missing,
 * a detail stated, thin evidence enough). "When was the blog about React hooks published" leads
 * with some roadmap's card as well, and stays low.
 */
export function documentFactsOf(
  query: string,
  named: CorpusDocument | undefined,
  leading: CorpusDocument | undefined,
): DocumentFactsAsked | undefined {
  const asked = documentFactsAsked(query);
  if (asked.length === 0) return undefined;
  if (named)
    return {
      doc: named,
      asked,
      missing: asked.filter((fact) => !states(named, fact, query)),
      stated: statedLines(named, asked, query),
      named: true,
    };
  if (!leading || !DOCUMENT_WORD.test(query) || !asked.every((fact) => states(leading, fact, query))) return undefined;
  return { doc: leading, asked, missing: [], stated: statedLines(leading, asked, query), named: false };
}

/**
 * The detail kinds a card answers when it states every fact asked: a date of the document
 * (updated, 最近一次改动是哪天) by its date lines, who wrote it by its author line.
 */
const CARD_DETAILS: Readonly<Record<DocumentFact, readonly DetailKind[]>> = {
  author: ["person"],
  date: ["date"],
  tags: [],
  title: [],
  link: [],
};

/**
 * The document's card leads and states every fact asked: the question is answered by which document
 * it named or described, not by its words (as a named roadmap's passage leading is: confidence.ts).
 */
export function documentCardLeads(facts: DocumentFactsAsked | undefined, lead: Passage | undefined): boolean {
  return facts?.named === true && facts.missing.length === 0 && facts.stated.length > 0 && lead?.chunk.docId === facts.doc.id;
}

/** Whether a detail the question asks is answered by the document's card (the card leads and states every fact asked). */
export function detailStatedByCard(kind: DetailKind, facts: DocumentFactsAsked | undefined): boolean {
  return facts?.named === true && facts.missing.length === 0 && facts.asked.some((fact) => CARD_DETAILS[fact].includes(kind));
}

const cards = new WeakMap<CorpusDocument, Chunk>();

/**
 * The document's card as a passage, cited by its own lines. It is not in the index's rankings (a
 * short text full of the title's words would lead unrelated questions), only put first for a
 * question asking a fact it states.
 */
export function cardPassage(doc: CorpusDocument): Passage | undefined {
  const card = doc.card;
  if (!card) return undefined;
  let chunk = cards.get(doc);
  if (!chunk) {
    chunk = {
      id: chunkIdFor(doc.source, ["\u0000card"], card.text),
      docId: doc.id,
      source: doc.source,
      title: doc.title,
      kind: doc.kind,
      headingPath: [],
      sectionIndex: -1,
      text: card.text,
      startLine: card.startLine,
      endLine: card.endLine,
      links: doc.links.filter((link) => link.line >= card.startLine && link.line <= card.endLine),
      linkedFrom: [],
      ...(doc.metadata.sourceUrl !== undefined ? { url: doc.metadata.sourceUrl } : {}),
    };
    cards.set(doc, chunk);
  }
  return { chunk, score: 0, role: "match" };
}

/**
 * The passages with the document's card first, kept to k, when a fact of it is asked and it has a
 * card. A passage of the same lines (a byline block that is also the text before the first heading)
 * goes: it would be cited twice.
 */
export function withCardFirst(passages: readonly Passage[], doc: CorpusDocument | undefined, k: number): Passage[] {
  const card = doc && cardPassage(doc);
  if (!card) return passages.slice(0, k);
  const { docId, startLine, endLine } = card.chunk;
  const within = (p: Passage) => p.chunk.docId === docId && p.chunk.startLine >= startLine && p.chunk.endLine <= endLine;
  return [card, ...passages.filter((p) => p.chunk.id !== card.chunk.id && !within(p))].slice(0, k);
}

/** Whether the question asks who wrote a document itself (a roadmap, post or list; not a work it lists). Read on the search form. */
export function documentAuthorAsked(query: string): boolean {
  return documentFactsAsked(query).includes("author") && DOCUMENT_WORD.test(query);
}

/** A line saying who wrote the document: "Author: name", "作者：name", "copyright_author: name", "by First Last". */
const AUTHOR_STATED =
  /(?:^|\n)[> \t*-]*(?:author|作者|copyright_author)[ \t]*\**[ \t]*[:：][ \t]*\**[ \t]*[^\s*]|\bby\s+[A-Z][a-z]+\s+[A-Z][a-z]+/iu;

/**
 * Whether any of the texts says who wrote its document. The person check (detailKinds.ts) takes any
 * name or role word, which a reading list is full of (a course's teacher in a link's title, 【李宏毅】):
 * who wrote the roadmap itself is said only by such a line, on its card or in its passages.
 */
export function documentAuthorStated(texts: readonly string[]): boolean {
  return texts.some((text) => AUTHOR_STATED.test(text));
}

/** The document's author named as such ("ninehills 的作者", "那篇的博主", "the author"), whatever is asked of them. */
const AUTHOR_WORD = /作者|博主|写的人|\b(?:author|writer|blogger)\b/iu;

/**
 * Whether a question asks a detail of the document's author (where they work: "ninehills 的作者是在哪间
 * 公司工作"), of a roadmap it names or a document it describes. Read on the search form.
 */
export function askedOfDocumentAuthor(query: string, named: boolean): boolean {
  return AUTHOR_WORD.test(query) && !OTHER_WORK.test(query) && (named || DOCUMENT_WORD.test(query));
}

/**
 * The lines saying who wrote a document: only they can say more of its author (an employer after
 * the name, "Author: name @ Company"); a company a passage lists is some other thing's.
 */
export function authorLines(texts: readonly string[]): string[] {
  return texts.flatMap((text) => text.split("\n").filter((line) => AUTHOR_STATED.test(`\n${line}`)));
}

/**
 * Whether the question names the person an author line names ("ninehills这个人在哪家公司上班" when a
 * passage says "Author: ninehills"): a detail asked of them is the author's, as 作者 asks it.
 */
export function namesAuthorOf(query: string, lines: readonly string[]): boolean {
  const asked = query.toLowerCase();
  return lines.some((line) => {
    const name = /[:：]\s*\**\s*([^*\n]+?)\s*\**\s*$/u.exec(line)?.[1]?.trim().toLowerCase();
    return name !== undefined && name.length >= 3 && asked.includes(name);
  });
}
