/**
 * The offline answer: built only from the retrieved passages, quoted, never paraphrased.
 * Sequence questions lead with the roadmap positions; resource questions list the links the
 * passages contain; every question gets the few sentences that best match it, each cited.
 */
import { besideSubject, confidenceOf, placedOnlyOutsideNamedRoadmap } from "../retrieval/confidence.js";
import { detailPresent } from "../retrieval/detailKinds.js";
import { detailsAskedInTurn } from "../retrieval/turnDetails.js";
import type { Chunk } from "../chunking/types.js";
import { gatedTest } from "../text/questionGate.js";
import { asksLocation } from "../text/questionCues.js";
import type { Link } from "../corpus/types.js";
import { recentByChunk } from "../retrieval/recentByChunk.js";
import type { Passage, RetrievalResult, StageParts } from "../retrieval/types.js";
import { buildCitations } from "./citations.js";
import { answerLanguage } from "./language.js";
import type { AnswerLanguage } from "./language.js";
import { listedSection } from "./listedSection.js";
import { ANSWER_WORDING, lowConfidenceNotice, type AnswerWording } from "./prompts.js";
import { quoteContext } from "./quoteContext.js";
import {
  stageText,
  summarizeAskedStages,
  summarizeOutline,
  summarizeRoadmapPositions,
  summarizeTopicOrder,
  topicOrderHeader,
} from "./roadmapSummary.js";
import { type CandidateSentence, lineText, queryTerms, scoreSentences, selectSentences, splitIntoSentences } from "./sentenceSelection.js";
import type { Citation, Confidence } from "./types.js";

export interface ExtractiveComposition {
  answer: string;
  citations: Citation[];
  abstained: boolean;
  confidence: Confidence;
  language: AnswerLanguage;
}

/** Field vocabulary that marks a request for material to study rather than an explanation. */
const RESOURCE_REQUEST =
  /书|读物|教程|课程|资料|资源|论文|视频|链接|网站|推荐|文档|book|course|tutorial|resource|material|paper|video|link|website|recommend|read|watch|docs?\b|documentation/i;
const IMAGE_URL = /\.(png|jpe?g|gif|svg|webp)(\?|$)/i;
const MAX_LINKS = 6;

export function isResourceRequest(question: string): boolean {
  return RESOURCE_REQUEST.test(question);
}

interface FoundLink {
  text: string;
  url: string;
  passageIndex: number;
  score: number;
}

/**
 * A chunk's links as linksOf reads them, images left out, each with what says what it is: its
 * anchor and what follows it in the text (often a one-line description), lowercased. They depend
 * on the chunk alone, and the same top passages are cited question after question: each resource
 * question built and lowercased every link's context again.
 */
const linkContexts = recentByChunk(2048, (chunk: Chunk): { link: Link; context: string }[] =>
  chunk.links
    .filter((link) => !IMAGE_URL.test(link.url))
    .map((link) => {
      const at = chunk.text.indexOf(link.url);
      const after = at >= 0 ? chunk.text.slice(at + link.url.length, at + link.url.length + 80) : "";
      return { link, context: `${link.text} ${after}`.toLowerCase() };
    }),
);

function linksOf(passages: Passage[], terms: Map<string, number>): FoundLink[] {
  const seen = new Set<string>();
  const found: FoundLink[] = [];
  // The terms and weights read out once, in the map's order: iterating the map's entries made an
  // array per term for every link of every passage (~3 KB an ask, a resource question's many links).
  const termList = [...terms.keys()];
  const weights = [...terms.values()];
  passages.forEach((passage, passageIndex) => {
    for (const { link, context } of linkContexts(passage.chunk)) {
      if (seen.has(link.url)) continue;
      seen.add(link.url);
      let score = 0;
      for (let t = 0; t < termList.length; t++) if (context.includes(termList[t]!)) score += weights[t]!;
      found.push({ text: link.text, url: link.url, passageIndex, score });
    }
  });
  const matching = found.filter((l) => l.score > 0);
  const chosen = matching.length > 0 ? matching.sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex) : found;
  return chosen.slice(0, MAX_LINKS);
}

function markdownLink(text: string, url: string): string {
  const label = text.replace(/[[\]]/g, (c) => (c === "[" ? "（" : "）")).trim();
  return label.length === 0 || label === url ? url : `[${label}](${url})`;
}

export function abstention(language: AnswerLanguage): ExtractiveComposition {
  return { answer: ANSWER_WORDING[language].abstain, citations: [], abstained: true, confidence: "none", language };
}

export function composeExtractiveAnswer(
  question: string,
  result: RetrievalResult,
  options: { fallback?: boolean; asked?: string } = {},
): ExtractiveComposition {
  // The learner's own words decide the script of the framing (retrieval reads a Simplified copy).
  const language = answerLanguage(result.analysis.language, options.asked ?? question);
  const wording = ANSWER_WORDING[language];
  const { passages } = result;
  // The details asked are the learner's own when the follow-up asks one (turnDetails.ts).
  const confidence = confidenceOf(question, result, undefined, options.asked);
  if (confidence === "none" || passages.length === 0) return abstention(language);

  const terms = queryTerms(question, result.analysis.expansions);
  // "2024年9月那篇博客说 RAG 有啥缺点": 2024 and 博客 said which post; a line naming 2024 is not the answer.
  for (const token of result.namingTerms ?? []) terms.delete(token);
  const label = options.fallback ? wording.fallbackLabel : wording.extractiveLabel;
  // A low-confidence answer says so first, then quotes the closest passages as usual.
  const separator = language === "en" ? ", " : "、";
  const sections: string[] = [confidence === "low" ? `${lowConfidenceNotice(language, result)}\n${label}` : label];

  const sequence = result.analysis.sequence;
  const roadmapLines = result.stageParts
    ? // "第四段分了哪几种专家路线": the stage's parts by name, each cited to its own passage, answer it
      // (the stage's own key items would be read from its first part's passage).
      stagePartsLine(result.stageParts, passages, wording, separator)
    : sequence && result.roadmap.length > 0
      ? summarizeRoadmapPositions(result.roadmap, passages, sequence, wording, separator, result.placedAtGivenStages === true)
      : result.roadmap.length > 0
        ? // Positions without a sequence are the stages asked about (by their place or their name).
          summarizeAskedStages(result.roadmap, passages, wording, separator)
        : [];
  // "阶段顺序是咋排的": the named roadmap's stages in order lead.
  if (roadmapLines.length === 0 && result.roadmapOutline) roadmapLines.push(...summarizeOutline(result.roadmapOutline, passages, wording));
  // "七阶段那份里，分布式训练之后学什么": the roadmap named does not place it; say so before the others do.
  const named = result.namedRoadmap;
  const elsewhere = named && placedOnlyOutsideNamedRoadmap(result) ? [wording.notInNamedRoadmap(named.title, result.analysis.topic!)] : [];
  if (roadmapLines.length > 0) sections.push([wording.roadmapHeader, ...elsewhere, ...roadmapLines].join("\n"));
  // "RAG 和微调先学哪个": which of the two comes first, roadmap by roadmap.
  const orderLines = result.topicOrder ? summarizeTopicOrder(result.topicOrder, passages, wording) : [];
  if (orderLines.length > 0) sections.push([topicOrderHeader(result.topicOrder!, wording), ...orderLines].join("\n"));

  const resource = isResourceRequest(question);
  // A sequence's lead already names the next stage and its items; an asked stage's lead only
  // names it, so its sentences are still the answer.
  const maxSentences = roadmapLines.length > 0 && sequence ? 3 : resource ? 4 : 5;
  // The details the learner's own turn asks, as confidence reads them (turnDetails.ts): "roughly how
  // long is it?" after a price question quotes the line with a duration, not the price.
  const asked = detailsAskedInTurn(question, options.asked);
  // Only beside what the question is about, as confidence judges it: a course's hours do not say
  // how long the whole roadmap takes.
  const beside = besideSubject(result);
  const holdsAskedDetail =
    asked.length > 0
      ? (sentence: string, passage: Passage) => beside(passage) && asked.some((kind) => detailPresent(kind, [sentence], question))
      : undefined;
  const scored = scoreSentences(passages, terms, holdsAskedDetail, (text, sentence) => quoteContext(text, sentence).parent);
  if (bookAsked(question)) namingBooksFirst(scored);
  let sentences = selectSentences(scored, maxSentences);
  // An asked stage's lead names it only: its passage's opening is still the answer.
  if (sentences.length === 0 && (roadmapLines.length === 0 || (result.stageOrdinal !== undefined && !sequence))) {
    // Retrieval found the passages relevant even though no sentence shares a word with the
    // question (e.g. a dense-only match): quote the start of the best one.
    // A located item of a roadmap that is one list: the item's own lines, not the list's opening.
    const stage = result.stageOrdinal !== undefined ? result.roadmap[0] : undefined;
    const text = stage && stage.docId === passages[0]!.chunk.docId ? stageText(passages[0]!, stage.at, true) : passages[0]!.chunk.text;
    sentences = splitIntoSentences(text)
      .slice(0, 2)
      .map((text, position) => ({ text, passageIndex: 0, position, score: 0 }));
  }
  if (sentences.length > 0) {
    // "放在第几阶段", "which stage covers it", "第三阶段学什么": where a quote sits is the answer, or part of it.
    const located = asksLocation(question) || result.stageOrdinal !== undefined;
    const where = (passageIndex: number) => {
      // Joined only when it is shown: most questions ask no location.
      if (!located) return "";
      const path = passages[passageIndex]!.chunk.headingPath.join(" › ");
      return path !== "" ? (language === "en" ? ` (${path})` : `（${path}）`) : "";
    };
    // A bare label ("实战项目") whose paragraph is quoted too says nothing more: the paragraph
    // carries the label. Otherwise the label is quoted with its paragraph.
    const contexts = sentences.map((s) => quoteContext(passages[s.passageIndex]!.chunk.text, s.text));
    const bodyQuoted = (body: string, i: number) =>
      sentences.some(
        (other, j) => j !== i && other.passageIndex === sentences[i]!.passageIndex && body.includes(other.text) && !contexts[j]!.body,
      );
    // A sub-item quoted on its own is not repeated after its item.
    const quotedApart = (child: string, i: number) =>
      sentences.some((other, j) => j !== i && other.passageIndex === sentences[i]!.passageIndex && child.includes(other.text));
    const lines = sentences.flatMap((s, i) => {
      const { parent, body, introduced, children } = contexts[i]!;
      if (body !== undefined && bodyQuoted(body, i)) return [];
      const details = children?.filter((child) => !quotedApart(child, i)) ?? [];
      const text = `${parent ? `${parent} › ` : ""}${s.text}${body ? ` › ${body}` : ""}${introduced ? ` ${introduced.join(separator)}` : ""}${
        details.length > 0 ? ` › ${details.join(language === "en" ? "; " : "；")}` : ""
      }`;
      return [`- ${text}${where(s.passageIndex)} [${s.passageIndex + 1}]`];
    });
    const listed = listedSection(question, passages, result.analysis.expansions);
    const listedLine = listed && `- ${listed.heading}：${listed.items.join(separator)} [${listed.passageIndex + 1}]`;
    sections.push(
      [
        wording.relatedHeader,
        ...(listedLine ? [listedLine] : []),
        ...withStatedFacts(withAskedPart(lines, result, passages), result, passages),
      ].join("\n"),
    );
  }

  if (resource) {
    const links = linksOf(passages, terms);
    if (links.length > 0) {
      sections.push([wording.resourcesHeader, ...links.map((l) => `- ${markdownLink(l.text, l.url)} [${l.passageIndex + 1}]`)].join("\n"));
    }
  }

  return { answer: sections.join("\n\n"), citations: buildCitations(passages), abstained: false, confidence, language };
}

const BOOK_ASKED = /书|書|读物|讀物|教材|\bbooks?\b|\btextbooks?\b/iu;
// Asked of every answered question: `iu`, so through its twin (ignoreCaseTest.ts).
const bookAsked = gatedTest(BOOK_ASKED);
const BOOK_NAMED = /《[^》]{2,40}》/u;

/**
 * "原理阶段有啥书可以啃的": a question about books is answered by the sentences that name one
 * (《深度学习》(Ian Goodfellow)…), which rank above those that only share its words ("学习目的：建立AI
 * 基础知识框架"), as a stated detail leads. On tune, 5-fold, four folds picked this over a smaller
 * lift (must-mention answers +11 / −1; the one lost, a follow-up, asked which book suits whom).
 */
function namingBooksFirst(candidates: CandidateSentence[]): void {
  const best = candidates.reduce((top, c) => Math.max(top, c.score), 0);
  for (const candidate of candidates) if (BOOK_NAMED.test(candidate.text)) candidate.score += best;
}

/**
 * "llm-course 的第二部分讲啥": the numbered part asked for leads the quotes, with the name of what
 * it is a part of (its section's heading), and is not quoted twice.
 */
function withAskedPart(lines: string[], result: RetrievalResult, passages: Passage[]): string[] {
  const asked = result.askedPart;
  const at = asked ? passages.findIndex((p) => p.chunk.id === asked.chunkId) : -1;
  if (!asked || at < 0) return lines;
  // The part as quoted, without its number ("2. 理论：…" → "理论：…").
  const body = lineText(asked.item);
  const heading = passages[at]!.chunk.headingPath.at(-1);
  const lead = `- ${heading ? `${heading} › ` : ""}${asked.item} [${at + 1}]`;
  // A short part ("1. 基础") would also take out quotes that merely use its word.
  return [lead, ...(body.length >= 4 ? lines.filter((line) => !line.includes(body)) : lines)];
}

/**
 * "那篇是哪天发的": the card's lines stating the asked facts of the document ("date: 2024-09-05")
 * lead the quotes (retrieval put the card first: documentFacts.ts), and are not quoted twice.
 */
function withStatedFacts(lines: string[], result: RetrievalResult, passages: Passage[]): string[] {
  const facts = result.documentFacts;
  const at = facts
    ? passages.findIndex(
        (p) => p.chunk.docId === facts.doc.id && p.chunk.sectionIndex === -1 && facts.stated.every((line) => p.chunk.text.includes(line)),
      )
    : -1;
  if (!facts || facts.stated.length === 0 || at < 0) return lines;
  // Shown as read: without the byline's quote mark and bold ("> Author: **ninehills**" → "Author: ninehills").
  const shown = facts.stated.map((line) => line.replace(/^>\s*/, "").replace(/\*\*/g, ""));
  return [...shown.map((line) => `- ${line} [${at + 1}]`), ...lines.filter((line) => !shown.some((fact) => line.includes(fact)))];
}

function stagePartsLine(parts: StageParts, passages: readonly Passage[], wording: AnswerWording, separator: string): string[] {
  const named = parts.parts.map((part) => {
    const index = passages.findIndex((p) => p.chunk.id === part.chunkId);
    return index >= 0 ? `${part.heading} [${index + 1}]` : part.heading;
  });
  return [`- ${wording.stageParts(parts.title, parts.stage)}${named.join(separator)}`];
}
