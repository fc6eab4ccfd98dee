/**
 * The lead of an offline answer to a sequence question ("学完 LoRA 之后该学什么?"): per roadmap,
 * where the topic sits and which stage comes next (or before), with that stage's key items.
 */
import { stageName } from "../retrieval/stageOutline.js";
import { recentlyComputed } from "../text/recentlyComputed.js";
import type { Passage, RetrievalResult, RoadmapPosition, SectionRef, TopicOrderInRoadmap } from "../retrieval/types.js";
import type { AnswerWording } from "./prompts.js";

const MAX_POSITIONS = 4;
const MAX_ITEMS = 6;
const MAX_ITEM_CHARS = 24;
/** Lines that label a stage's goal or period rather than name something to learn. */
const NOT_AN_ITEM = /^(目标|学习目标|阶段评估|推荐资源|重点关注|权威资源推荐|goal|goals|objectives?)\s*[:：]?/i;

/** Whether a chunk is the section's own, or one of its parts. */
function withinSection(chunk: Passage["chunk"], section: SectionRef): boolean {
  return chunk.sectionIndex === section.sectionIndex || chunk.headingPath.includes(section.heading);
}

function sectionPassageIndex(passages: Passage[], docId: string, section: SectionRef): number {
  const index = passages.findIndex((p) => p.chunk.docId === docId && withinSection(p.chunk, section));
  // A roadmap that is one numbered list has items for stages, not headings: one passage holds
  // several of them, and is the item's passage when it spans the item's lines.
  return index >= 0
    ? index
    : passages.findIndex((p) => p.chunk.docId === docId && holdsLines(p.chunk, { start: section.startLine, end: section.endLine }));
}

/** A line of a text as keyItems reads it, parsed once per text. */
interface ItemLine {
  /** Without its list or heading markup and bold marks. */
  line: string;
  /** Never an item: empty, a label of a goal or period, or a bare URL. */
  skip: boolean;
  link: string | undefined;
  label: string | undefined;
  labelChars: number;
  lineChars: number;
}

/** A text's lines, parsed as far as a call has read them (keyItems stops at MAX_ITEMS items). */
interface ParsedText {
  raw: readonly string[];
  parsed: ItemLine[];
}

/**
 * The lines of recently read texts: the same passages (a stage's, a list's) come back question
 * after question, and each line's markup, label and link took five patterns per call.
 */
const parsedTexts = recentlyComputed(1024, (text: string): ParsedText => ({ raw: text.split(/\r?\n/), parsed: [] }));

function parseItemLine(raw: string): ItemLine {
  const line = raw
    .replace(/^\s*(?:#{1,6}|[-*+•·●▪]|\d+[.)、])\s*/u, "")
    .replace(/\*\*/g, "")
    .trim();
  const skip = line.length === 0 || NOT_AN_ITEM.test(line) || (/https?:\/\//.test(line) && !/^\[/.test(line));
  const link = /^\[([^\]]+)\]\(/.exec(line)?.[1];
  // A colon inside a title ("《人工智能：现代方法》相关章节") does not end the label.
  const labelled = /^((?:《[^》]*》|[^：:《]){1,40}?)\s*[：:]/u.exec(line)?.[1];
  const label = labelled && Array.from(labelled).length >= 2 ? labelled : undefined;
  return { line, skip, link, label, labelChars: label ? Array.from(label).length : 0, lineChars: Array.from(line).length };
}

/**
 * Short names of what a stage covers: "多模态模型：了解…" → "多模态模型", "• 线性代数" → "线性代数".
 * A line longer than `maxChars` with no short label is no name (a stage's prose).
 */
export function keyItems(text: string, headings: string[], maxChars = MAX_ITEM_CHARS): string[] {
  const items: string[] = [];
  const { raw, parsed } = parsedTexts(text);
  for (let i = 0; i < raw.length; i++) {
    // Lines are parsed on first read only: a first call stops where the items run out, as before.
    if (i === parsed.length) parsed.push(parseItemLine(raw[i]!));
    const { line, skip, link, label, labelChars, lineChars } = parsed[i]!;
    if (skip || headings.includes(line)) continue;
    let item: string | undefined;
    if (link !== undefined) item = link;
    else if (label !== undefined && labelChars <= maxChars) item = label;
    else if (lineChars <= maxChars) item = line.replace(/[。.;；]$/, "");
    if (item && !items.includes(item.trim())) items.push(item.trim());
    if (items.length >= MAX_ITEMS) break;
  }
  return items;
}

/** Whether `topic` names the stage of `heading` itself ("应用实践阶段", "核心技术解析" of "第二阶段：核心技术解析"). */
function namesStage(topic: string, heading: string): boolean {
  const name = stageName(heading);
  return name !== "" && stageName(topic).toLowerCase() === name.toLowerCase();
}

/** Whether the position is the last (next) or first (previous) step of the sequence it sits on. */
function atEnd(position: RoadmapPosition, direction: "next" | "previous"): boolean {
  const path = position.path;
  if (!path || path.step === 0) return false;
  return direction === "next" ? path.step === path.steps.length : path.step === 1;
}

/**
 * Lines for the roadmap positions, each followed by the citation of the passage it rests on.
 * Positions without a neighbour in the asked direction are mentioned as the last/first stage when
 * they are the last/first step of the sequence they sit on (atEnd).
 */
export function summarizeRoadmapPositions(
  positions: RoadmapPosition[],
  passages: Passage[],
  direction: "next" | "previous",
  wording: AnswerWording,
  itemSeparator: string,
  /** The positions are the stages the question moved on from (RetrievalResult.placedAtGivenStages). */
  givenStages = false,
): string[] {
  const lines: string[] = [];
  // The stages a follow-up moves on from are each answered, one at the end as the last (first) stage;
  // a topic found in a roadmap's last stage is no answer where other roadmaps have a next one.
  const withNeighbour = positions.filter((p) => (direction === "next" ? p.next : p.previous) || (givenStages && atEnd(p, direction)));
  const shown = (withNeighbour.length > 0 ? withNeighbour : positions).slice(0, MAX_POSITIONS);
  for (const position of shown) {
    const neighbour = direction === "next" ? position.next : position.previous;
    const atIndex = sectionPassageIndex(passages, position.docId, position.at);
    const neighbourIndex = neighbour ? sectionPassageIndex(passages, position.docId, neighbour) : -1;
    const cite = (index: number) => (index >= 0 ? ` [${index + 1}]` : "");
    // A topic that is the stage itself ("应用实践阶段" moved on to by "再之后呢"): the stage, not "X is in X".
    let line = namesStage(position.topic, position.at.heading)
      ? wording.stageAt(position.title, position.at.heading)
      : wording.position(position.title, position.topic, position.at.heading);
    if (neighbour) line += ` ${direction === "next" ? wording.next(neighbour.heading) : wording.previous(neighbour.heading)}`;
    // Last or first only where the stage sits on a sequence the roadmap lays out: a section found
    // outside it has no neighbour to give, which says nothing about where the roadmap ends.
    else if (atEnd(position, direction)) line += ` ${direction === "next" ? wording.lastStage : wording.firstStage}`;
    line += cite(atIndex >= 0 ? atIndex : neighbourIndex);
    lines.push(`- ${line}`);
    if (neighbour && neighbourIndex >= 0) {
      const passage = passages[neighbourIndex]!;
      const items = keyItems(stageText(passage, neighbour), [neighbour.heading, ...passage.chunk.headingPath]);
      if (items.length > 0) lines.push(`  ${wording.neighbourItems[direction]}${items.join(itemSeparator)}${cite(neighbourIndex)}`);
    }
    const duration = neighbour && durationLine(position.docId, neighbour, passages, wording);
    if (duration) lines.push(duration);
  }
  return lines;
}

/**
 * Lines for the stages an ordinal question asks for ("七阶段那份的第三阶段学什么", "the last
 * stage"): per roadmap, the stage's heading and its key items, each cited.
 */
export function summarizeAskedStages(
  positions: RoadmapPosition[],
  passages: Passage[],
  wording: AnswerWording,
  itemSeparator: string,
): string[] {
  const lines: string[] = [];
  for (const position of positions.slice(0, MAX_POSITIONS)) {
    const index = sectionPassageIndex(passages, position.docId, position.at);
    if (index < 0) continue;
    const passage = passages[index]!;
    lines.push(`- ${wording.stageAt(position.title, position.at.heading)} [${index + 1}]`);
    const items = keyItems(stageText(passage, position.at), [position.at.heading, ...passage.chunk.headingPath]);
    if (items.length > 0) lines.push(`  ${wording.stageItems}${items.join(itemSeparator)} [${index + 1}]`);
    const duration = durationLine(position.docId, position.at, passages, wording);
    if (duration) lines.push(duration);
  }
  return lines;
}

/**
 * The text of a stage in its passage: the whole chunk when the chunk is the stage's (or inside
 * it); for a list item in a chunk that holds the whole list, the item's indented sub-points (and
 * its own line, with `withHeading`), so the other items' points and the text after the list are
 * not its own.
 */
export function stageText(passage: Passage, stage: SectionRef, withHeading = false): string {
  const { chunk } = passage;
  if (withinSection(chunk, stage)) return chunk.text;
  const lines = chunk.text.split("\n");
  const start = lines.findIndex((line) => line.trim() === stage.heading.trim());
  if (start < 0) return chunk.text;
  const next = lines.findIndex((line, i) => i > start && !/^\s/u.test(line));
  // Without its heading, the item's own line: it is already named where the stage is.
  return lines.slice(withHeading ? start : start + 1, next < 0 ? undefined : next).join("\n");
}

/** Whether a passage spans the lines (of its own document) that state something. */
function holdsLines(chunk: Passage["chunk"], lines: { start: number; end: number }): boolean {
  return chunk.startLine <= lines.start && lines.end <= chunk.endLine;
}

/**
 * The duration the roadmap states for a stage, cited to the retrieved passage that holds the
 * stating lines; nothing when no retrieved passage holds them (only retrieved passages are cited).
 */
function durationLine(docId: string, stage: SectionRef, passages: Passage[], wording: AnswerWording): string | undefined {
  const duration = stage.duration;
  if (!duration) return undefined;
  const index = passages.findIndex((p) => p.chunk.docId === docId && holdsLines(p.chunk, duration.lines));
  return index >= 0 ? `  ${wording.statedDuration}${duration.text} [${index + 1}]` : undefined;
}

/**
 * "阶段顺序是咋排的", "那篇分成几块", "how many stages": the named roadmap's stages, how many and in
 * order, cited to the retrieved passage of that roadmap that names most of them (its chart or table
 * of contents), each with the duration the roadmap states when that passage states it. A roadmap
 * with no such passage (each stage a section of its own) is cited stage by stage, when every stage's
 * own passage was retrieved. Nothing otherwise (only retrieved passages are cited).
 */
export function summarizeOutline(
  outline: NonNullable<RetrievalResult["roadmapOutline"]>,
  passages: Passage[],
  wording: AnswerWording,
): string[] {
  const names = outline.stages.map((stage) => stageName(stage.heading) || stage.heading);
  // The passage naming most stages (at least two), and of those the one stating most durations.
  let best = -1;
  let bestScore = 0;
  passages.forEach((p, i) => {
    if (p.chunk.docId !== outline.docId) return;
    const named = names.filter((name) => p.chunk.text.includes(name)).length;
    const durations = outline.stages.filter((stage) => stage.duration && holdsLines(p.chunk, stage.duration.lines)).length;
    const score = named >= 2 ? named * 100 + durations : 0;
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  const count = String(outline.stages.length);
  if (best < 0) {
    const own = outline.stages.map((stage) =>
      passages.findIndex((p) => p.chunk.docId === outline.docId && p.chunk.headingPath.includes(stage.heading)),
    );
    if (own.length < 2) return [];
    if (own.every((at) => at >= 0)) {
      const stages = outline.stages.map((stage, i) => `${stage.heading} [${own[i]! + 1}]`).join(" → ");
      return [`- ${wording.outline(outline.title, count, stages)}`];
    }
    // The first and the last stage, each cited to its own passage: how many, from which to which.
    const [first, last] = [own[0]!, own.at(-1)!];
    if (first < 0 || last < 0) return [];
    const [from, to] = [outline.stages[0]!.heading, outline.stages.at(-1)!.heading];
    return [`- ${wording.outlineEnds(outline.title, count, from, `[${first + 1}]`, to, `[${last + 1}]`)}`];
  }
  const chunk = passages[best]!.chunk;
  const stated = (stage: (typeof outline.stages)[number]) => {
    const d = stage.duration;
    return d && holdsLines(chunk, d.lines) && !stage.heading.includes(d.text) ? `（${d.text}）` : "";
  };
  const stages = outline.stages.map((stage) => `${stage.heading}${stated(stage)}`).join(" → ");
  return [`- ${wording.outline(outline.title, count, stages)} [${best + 1}]`];
}

/**
 * "RAG 和微调先学哪个": per roadmap, which topic's stage comes first (or that they share one, or
 * where each sits when one is off the roadmap's sequence), cited to the passages placing them.
 * Three topics or more are one chain per roadmap, earliest first. Only what a retrieved passage
 * shows is claimed.
 */
export function summarizeTopicOrder(
  order: NonNullable<RetrievalResult["topicOrder"]>,
  passages: Passage[],
  wording: AnswerWording,
): string[] {
  const lines: string[] = [];
  for (const roadmap of order.roadmaps) {
    const cite = (at: SectionRef | undefined) => {
      const index = at ? sectionPassageIndex(passages, roadmap.docId, at) : -1;
      return index >= 0 ? `[${index + 1}]` : "";
    };
    const cites = [...new Set(roadmap.stages.map(cite).filter((c) => c !== ""))].join("");
    if (cites === "") continue;
    const line = order.topics.length === 2 ? pairOrder(order.topics, roadmap, wording) : chainOrder(order.topics, roadmap, wording);
    lines.push(`- ${line} ${cites}`);
  }
  return lines;
}

/** The header of summarizeTopicOrder's lines: "两者…" for two topics. */
export function topicOrderHeader(order: NonNullable<RetrievalResult["topicOrder"]>, wording: AnswerWording): string {
  return order.topics.length === 2 ? wording.orderHeader : wording.orderHeaderMany;
}

function pairOrder(topics: readonly string[], roadmap: TopicOrderInRoadmap, wording: AnswerWording): string {
  const [first, second] = topics as [string, string];
  const [a, b] = roadmap.stages;
  const [stepA, stepB] = roadmap.steps ?? [];
  if (a && b && stepA !== undefined && stepB !== undefined) {
    if (stepA === stepB) return wording.orderSameStage(roadmap.title, first, second, a.heading);
    return stepA < stepB
      ? wording.orderBefore(roadmap.title, first, a.heading, second, b.heading)
      : wording.orderBefore(roadmap.title, second, b.heading, first, a.heading);
  }
  if (a && b) return wording.orderUnknown(roadmap.title, first, a.heading, second, b.heading);
  return a ? wording.orderOneOnly(roadmap.title, first, a.heading, second) : wording.orderOneOnly(roadmap.title, second, b!.heading, first);
}

/** "《…》：RAG（「…」） → Agent、微调（「…」）；没有找到 量化 所在的阶段": the stages earliest first, topics sharing one together. */
function chainOrder(topics: readonly string[], roadmap: TopicOrderInRoadmap, wording: AnswerWording): string {
  const placed = topics.flatMap((topic, i) => {
    const at = roadmap.stages[i];
    return at ? [{ topic, at, step: roadmap.steps?.[i] }] : [];
  });
  const ordered = roadmap.steps !== undefined;
  if (ordered) placed.sort((x, y) => x.step! - y.step!);
  // Topics of one stage together: the same step on the sequence, or else the same heading.
  const steps: { key: string | number; topics: string[]; at: string }[] = [];
  for (const { topic, at, step } of placed) {
    const key = ordered ? step! : at.heading;
    const last = steps.at(-1);
    if (last && last.key === key) last.topics.push(topic);
    else steps.push({ key, topics: [topic], at: at.heading });
  }
  const { ordered: then, unordered: beside, topics: and } = wording.orderChainJoint;
  const chain = steps.map((s) => wording.orderChainStep(s.topics.join(and), s.at)).join(ordered ? then : beside);
  const missing = topics.filter((_, i) => roadmap.stages[i] === undefined);
  return wording.orderChain(roadmap.title, chain) + (missing.length > 0 ? wording.orderNotPlaced(missing.join(and)) : "");
}
