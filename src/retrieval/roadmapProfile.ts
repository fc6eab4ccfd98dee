import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, DocumentMetadata, Section } from "../corpus/types.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import { isEverydayWord } from "../text/everydayWords.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { findGlossaryMatches, type GlossaryEntry, type GlossaryMatch } from "./glossary.js";
import { isFiller } from "./questionWords.js";
import { roadmapSteps } from "./roadmapNavigator.js";
import { isListItemStage, stageOf } from "./stageOutline.js";

/**
 * What a roadmap looks like from its recovered outline, so a learner can name it by its shape or
 * origin instead of its title: "the one with 7 stages", "the plan that gives months per stage",
 * "the GitHub one", "那个指南". Nothing here is typed per document: every feature is read from
 * the document (its stage headings, its text, its first lines, its title). Which roadmap a
 * question names by these features is roadmapReference.ts.
 */
export interface RoadmapProfile {
  doc: CorpusDocument;
  /** The learning stages in reading order (the longest stage sequence, its "…阶段/篇" steps). */
  stages: Section[];
  /** How many times the text gives a duration (2-3 个月, 6 weeks). */
  durations: number;
  /** How many stage headings carry a duration ("一、原理学习阶段(2-3 个月)"). */
  stageDurations: number;
  /** The spans its stage headings give, as durationSpans writes them ("2-3m"). */
  stageSpans?: ReadonlySet<string>;
  /**
   * Spans of time its text states that no other roadmap's does ("总周期为 6 - 8 个月": 6-8m): "the
   * 6-8 month plan" names it by one of them.
   */
  distinctSpans?: ReadonlySet<string>;
  /** Latin words of where it lives: hosts and labels named in its first lines or front matter. */
  origin: Set<string>;
  /** Title tokens no other roadmap's title has. */
  distinctTitleTokens: Set<string>;
  /**
   * The whole title quoted or pointed at in a question ("《大模型学习路径指南》", "大模型学习路径指南里的
   * 第二阶段"), for a title with a word of its own. A title written plainly may be the learner's own
   * words: "大模型学习路线有哪些阶段" asks about roadmaps in general.
   */
  titleReference?: RegExp;
  /**
   * The title's longest Han run, which every match of titleReference holds as written (Han
   * characters have no case): a question without it is not tested against the pattern. Every
   * question is checked against every roadmap's title, hundreds of patterns at scale.
   */
  titleLiteral?: string;
  /**
   * Whether no other roadmap uses the title as a phrase of its own, asked only once a question
   * holds the title (a scan of every other roadmap's text, remembered): with hundreds of roadmaps,
   * checking every title up front would read every text once per roadmap.
   */
  titleIsOwn: () => boolean;
  /** What its stage headings call a stage: "stage" (阶段, stage, phase) or "part" (篇, 章, part). */
  stageWord: StageWord | undefined;
  /** Year-month stamps in its first lines (front-matter date, "Created:", "更新时间"), as "2024-09". */
  dates: Set<string>;
  /** It draws a diagram: box-drawing characters or a mermaid block ("the one with the boxes and arrows"). */
  diagram?: boolean;
  /** It has a table of contents (a 目录/Contents section, or a list of links to its own headings): "the guide with a table of contents", "有目录的那份". */
  tableOfContents?: boolean;
  /** A section of its own answers learners' common questions ("## 学习常见问题", "FAQ"): "the one with an FAQ at the end". */
  faq?: boolean;
  /** It is clearly the shortest of the roadmaps (the next is SIZE_GAP times as long): "the short blog post", "短博客". */
  shortest?: boolean;
  /** Most of its lines are links, clearly more than any other roadmap's: "the reading list", "那份清单". */
  readingList?: boolean;
  /** Its stages are the items of a numbered list standing for its outline ("1. 微调", "2. RAG"): "the one with four directions". */
  listItems?: boolean;
}

/** The shortest roadmap is "the short one" when the next shortest is at least this many times its length. */
const SIZE_GAP = 1.3;

/** Lines with a link, of a text's non-empty lines. */
function linkShare(text: string): number {
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  return lines.length === 0 ? 0 : lines.filter((line) => /https?:\/\//u.test(line)).length / lines.length;
}

/** A reading list: at least this share of its lines are links … */
const READING_LIST_SHARE = 0.3;

/** … and at least this many times the next roadmap's share. */
const READING_LIST_GAP = 2;

/** The roadmap that is clearly a list of links to read, if one is. */
function readingListOf(documents: readonly CorpusDocument[]): CorpusDocument | undefined {
  if (documents.length < 2) return undefined;
  const [first, second] = documents.map((doc) => ({ doc, share: linkShare(doc.text) })).sort((a, b) => b.share - a.share);
  return first!.share >= READING_LIST_SHARE && first!.share >= READING_LIST_GAP * second!.share ? first!.doc : undefined;
}

/** The roadmaps' lengths in characters: which one, if any, is clearly the shortest. */
function shortestOf(documents: readonly CorpusDocument[]): CorpusDocument | undefined {
  if (documents.length < 3) return undefined;
  const bySize = [...documents].sort((a, b) => a.text.length - b.text.length);
  return bySize[1]!.text.length >= SIZE_GAP * bySize[0]!.text.length ? bySize[0] : undefined;
}

const ASCII_DIGIT = /\d/;

const DURATION = /\d+\s*(?:-\s*\d+\s*)?(?:个月|周|天|小时|months?|weeks?)/giu;

/** A span of months or weeks, one number or a range ("2-3 个月", "3–4 months", "6 周"). */
const SPAN = /(\d+)\s*(?:[-–—~～到至]\s*(\d+)\s*)?(个月|月|months?|周|星期|weeks?)/giu;

/** The spans of months or weeks a text gives, each as "2-3m" / "6-6w": the same span however it is written. */
export function durationSpans(text: string): string[] {
  // Every span starts with a digit: a question without one (most) gives none, without the global pattern's pass.
  if (!ASCII_DIGIT.test(text)) return [];
  return [...text.matchAll(SPAN)].map(([, from, to, unit]) => `${from}-${to ?? from}${/周|星期|week/iu.test(unit!) ? "w" : "m"}`);
}

const NAMED_STAGE = /(阶段|篇|stage|phase)\s*([(（][^)）]*[)）])?\s*$/iu;

/** Lines at the top of a file that say where it was published (Link: …, front matter). */
const HEAD_LINES = 12;

const ORIGIN_NOISE = new Set([
  "issues",
  "blob",
  "tree",
  "link",
  "comments",
  "author",
  "labels",
  "created",
  "title",
  "date",
  "updated",
  "tags",
  "img",
]);

/** `isCorpusSubject`: a glossary concept most of the corpus names (sharedSubjectWords). */
export function roadmapProfiles(
  documents: readonly CorpusDocument[],
  chunks: readonly Chunk[],
  isCorpusSubject: (entry: GlossaryEntry) => boolean = () => false,
): RoadmapProfile[] {
  const roadmaps = documents.filter((d) => d.kind === "roadmap");
  const shortest = shortestOf(roadmaps);
  const readingList = readingListOf(roadmaps);
  const titleTokens = roadmaps.map((d) => new Set(tokenizeForSearch(d.title)));
  const titleConcepts = roadmaps.map((d) => findGlossaryMatches(d.title, { learnerPhrases: false }));
  const textSpans = roadmaps.map((d) => new Set(durationSpans(d.text)));
  return roadmaps.map((doc, i) => {
    const others = titleTokens.filter((_, j) => j !== i);
    const shared = sharedSubjectWords(
      titleConcepts[i]!,
      titleConcepts.filter((_, j) => j !== i),
      isCorpusSubject,
    );
    const distinct = new Set([...titleTokens[i]!].filter((t) => !others.some((o) => o.has(t)) && !shared.has(t) && saysWhichTitle(t)));
    const stages = stagesOf(doc, chunks);
    return {
      doc,
      stages,
      durations: doc.text.match(DURATION)?.length ?? 0,
      stageDurations: stages.filter((s) => new RegExp(DURATION.source, "iu").test(s.heading)).length,
      stageSpans: new Set(stages.flatMap((s) => durationSpans(s.heading))),
      distinctSpans: new Set([...textSpans[i]!].filter((span) => !textSpans.some((other, j) => j !== i && other.has(span)))),
      origin: originOf(doc.text, doc.metadata),
      distinctTitleTokens: distinct,
      ...(distinct.size > 0 && doc.title.trim().length > 0 ? titleReferenceOf(doc.title) : {}),
      titleIsOwn: once(() => !roadmaps.some((other) => other !== doc && other.text.includes(doc.title))),
      stageWord: stageWordOf(stages.map((s) => s.heading).join(" ")),
      dates: datesOf(`${JSON.stringify(doc.metadata ?? {})}\n${doc.text}`),
      ...(DRAWING.test(doc.text) ? { diagram: true } : {}),
      ...(hasContents(doc) ? { tableOfContents: true } : {}),
      ...(doc.outline.some((section) => FAQ_HEADING.test(section.heading)) ? { faq: true } : {}),
      ...(doc === shortest ? { shortest: true } : {}),
      ...(doc === readingList ? { readingList: true } : {}),
      ...(stages.length > 0 && stages.every((s) => isListItemStage(s.heading)) ? { listItems: true } : {}),
    };
  });
}

/**
 * The words a title names the corpus's subject by, when another title names it in other words:
 * 大语言模型 and LLM are the 大模型 of the other titles, so "the llm-course" or "NLP" (→ 自然语言处理:
 * 语言) names no roadmap by its title. Only the subject: 学习路线 is 学习路径 in the glossary, but a
 * learner quoting "大模型学习路线" means that title.
 */
function sharedSubjectWords(
  own: readonly GlossaryMatch[],
  others: readonly (readonly GlossaryMatch[])[],
  isCorpusSubject: (entry: GlossaryEntry) => boolean,
): Set<string> {
  const words = new Set<string>();
  for (const match of own) {
    const subject = match.entries.filter(isCorpusSubject);
    if (others.some((title) => title.some((m) => m.entries.some((entry) => subject.includes(entry)))))
      for (const token of tokenizeForSearch(match.surface)) words.add(token);
  }
  return words;
}

/**
 * Whether a title word can tell a learner's question which document it means: not a stage word
 * (every stage question says 阶段), a number (stage counts are read as counts), a demonstrative
 * ("看完这篇你就懂了": every 这篇 question would name that post) or an everyday word (看, 方法).
 */
function saysWhichTitle(token: string): boolean {
  return (
    Array.from(token).length >= 2 &&
    !STAGE_WORDS.some(([, pattern]) => pattern.test(token)) &&
    !/^\d+$/.test(token) &&
    !/^[这那此该本][篇份个本部]$/u.test(token) &&
    !isFiller(token) &&
    !isEverydayWord(token)
  );
}

/**
 * Hosts and path words of the page URLs and labels in the first lines (not images), and "blog"
 * for a post with a static-site generator's front matter (a date with tags or categories): a
 * learner calls that one "the blog post" too, so a question saying only "那篇博客" names no
 * single roadmap when several are blog posts.
 */
function originOf(text: string, metadata: DocumentMetadata | undefined): Set<string> {
  const head = text.split(/\r?\n/).slice(0, HEAD_LINES);
  const words: string[] = [];
  for (const line of head) {
    for (const url of line.match(/https?:\/\/[^\s<>()"'`]+/g) ?? []) {
      if (!/\.(png|jpe?g|gif|svg|webp)$/i.test(url)) words.push(...tokenizeForSearch(url));
    }
    if (/^\W*labels?\b/i.test(line)) words.push(...tokenizeForSearch(line.replace(/^\W*labels?\W*/i, "")));
  }
  if (metadata?.date && (metadata.tags?.length || metadata.categories?.length)) words.push("blog");
  // The platform its editor's marks tell (the corpus stage reads them before cleaning cuts them out).
  if (metadata?.platform) words.push(metadata.platform);
  return new Set(words.filter((t) => /^[a-z][a-z0-9]+$/.test(t) && !ORIGIN_NOISE.has(t)));
}

export type StageWord = "stage" | "part";

const STAGE_WORDS: [StageWord, RegExp][] = [
  ["stage", /阶段|\bstages?\b|\bphases?\b/iu],
  ["part", /篇|章|\bparts?\b|\bchapters?\b|\bsections?\b/iu],
];

/** Which kind of stage word a text uses, when it uses exactly one kind. */
export function stageWordOf(text: string): StageWord | undefined {
  const found = STAGE_WORDS.filter(([, pattern]) => pattern.test(text)).map(([word]) => word);
  return found.length === 1 ? found[0] : undefined;
}

/** A year and month as profiles and questions keep them: "2024-09". */
export const yearMonth = (year: string, m: string) => `${year}-${m.padStart(2, "0")}`;

/** Year-month stamps in the front matter and first lines: 2024-09-05, 2023-06-27T…, 20241018, 2024年9月. */
function datesOf(text: string): Set<string> {
  const head = text
    .split(/\r?\n/)
    .slice(0, HEAD_LINES + 1)
    .join("\n");
  const out = new Set<string>();
  for (const m of head.matchAll(/\b(20\d{2})(?:[-/.年]\s*(\d{1,2})|(\d{2})\d{2}\b)/gu)) {
    const mm = m[2] ?? m[3]!;
    if (Number(mm) >= 1 && Number(mm) <= 12) out.add(yearMonth(m[1]!, mm));
  }
  return out;
}

/** The longest stage sequence; when some of its steps are named stages (…阶段), only those. */
function stagesOf(doc: CorpusDocument, chunks: readonly Chunk[]): Section[] {
  let longest: readonly Section[] = [];
  const groupsSeen = new Set<number | undefined>();
  for (const section of doc.outline) {
    const stage = stageOf(doc.outline, section);
    if (!stage || stage.index !== section.index) continue;
    // Every stage of one sibling group has the same steps: compute them once per group.
    if (groupsSeen.has(stage.parent)) continue;
    groupsSeen.add(stage.parent);
    const steps = roadmapSteps(doc, chunks, stage);
    if (steps.length > longest.length) longest = steps;
  }
  const named = longest.filter((s) => NAMED_STAGE.test(s.heading.trim()));
  // A copy: the steps are the navigator's cached list, shared by every question.
  return named.length >= 2 ? named : [...longest];
}

/** A function that computes its value on the first call and returns it after. */
function once<T>(compute: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: compute() }).v;
}

function titleReferenceOf(title: string): Pick<RoadmapProfile, "titleReference" | "titleLiteral"> {
  const literal = (title.trim().match(/\p{Script=Han}+/gu) ?? []).reduce<string | undefined>(
    (longest, run) => (longest === undefined || run.length > longest.length ? run : longest),
    undefined,
  );
  return { titleReference: titleReference(title), ...(literal ? { titleLiteral: literal } : {}) };
}

/** The title in quotes or book-title marks, or followed by a word that points into a document (里, 那篇, 的第…). */
function titleReference(title: string): RegExp {
  const escaped = escapeRegExp(title.trim());
  return new RegExp(`[《“「"'‘]\\s*${escaped}|${escaped}\\s*(?:[》”」"'’]|里|中|上|这|那|的第|文章|一文)`, "iu");
}

/** A heading that is a table of contents. */
const CONTENTS_HEADING = /^(?:目录|目錄|table\s+of\s+contents|contents|toc)$/iu;
/** A list line that links to a heading of the same document: "- [持续学习资源](#持续学习资源)". */
const ANCHOR_LINK_LINE = /^\s*[-*+]\s*\[[^\]]+\]\(#[^)]*\)\s*$/gmu;
/** Fewer anchor links than this are a cross-reference, not a table of contents. */
const MIN_CONTENTS_LINKS = 3;

function hasContents(doc: CorpusDocument): boolean {
  return doc.outline.some((section) => CONTENTS_HEADING.test(section.heading.trim())) || isContentsText(doc.text);
}

/** Whether a text lists links to its document's own headings: a table of contents. */
export function isContentsText(text: string): boolean {
  return (text.match(ANCHOR_LINK_LINE)?.length ?? 0) >= MIN_CONTENTS_LINKS;
}

/** A heading over learners' common questions: 常见问题, 学习常见问题, FAQ, Q&A. */
const FAQ_HEADING = /常见问题|常見問題|\bFAQs?\b|\bQ\s*&\s*A\b|frequently\s+asked/iu;

/** Box-drawing characters (┌─┐ │ ▶ arrows drawn in text) or a mermaid diagram. */
const DRAWING = /[\u2500-\u257F]{3}|```mermaid/u;
