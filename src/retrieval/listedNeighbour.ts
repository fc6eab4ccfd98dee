import type { Chunk } from "../chunking/types.js";
import { sectionChunks } from "./documentChunks.js";
import { foldedWithoutSpaces, foldForMatching, isListLine, listItems } from "./listItems.js";
import type { NamedPart } from "./namedParts.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { stageName, subtreeOf } from "./stageOutline.js";

/**
 * "学习路径设计原则里，「理论结合实践」前面那条是什么？": before/after asked of an item of a list that
 * lies outside every stage of its roadmap (an overview's principles, a closing section's tips). No
 * stage holds that list, so no stage's neighbour answers it; the list's own order does. The item is
 * named by its label, the way the list writes it: a bold label (**理论结合实践**), the words before
 * its colon, or its whole text when short. A term said inside a longer item ("学完 LoRA 之后") names
 * no item, and a list whose items are the roadmap's stages themselves (a numbered outline, read as
 * sections by corpus/leadingList.ts) is the stages' sequence, placed as stages are.
 */

/** An item's label is a name, not a sentence: longer text is read only up to its colon or bold label. */
const MAX_LABEL_CHARS = 24;
const BULLET = /^\s*(?:[-*+•·●▪]|\d{1,2}[.、)])\s+/u;
const BOLD_LABEL = /^\*\*([^*]{1,40})\*\*/u;
const COLON_LABEL = /^([^：:]{1,24})[：:]/u;
/** A link's target and brackets: "[持续学习资源](#持续学习资源)" is named 持续学习资源. */
const LINK = /\[([^\]]*)\]\([^)]*\)/gu;

/** The names an item's opening line gives it, as written. */
export function labelsOf(opening: string): string[] {
  const text = opening.replace(BULLET, "").replace(LINK, "$1").trim();
  const labels = [BOLD_LABEL.exec(text)?.[1], COLON_LABEL.exec(text)?.[1]?.replace(/\*\*/g, "")];
  const whole = text.replace(/\*\*/g, "");
  if (Array.from(whole).length <= MAX_LABEL_CHARS) labels.push(whole);
  return labels.filter((label): label is string => label !== undefined);
}

/** An item as the answer quotes it: a number says its place and stays; a bullet and bold marks do not. */
function shownItem(opening: string): string {
  return opening
    .replace(/^\s*[-*+•·●▪]\s+/u, "")
    .replace(/\*\*/g, "")
    .trim();
}

/**
 * The folded names of a document's sections (stageName: "0x20 应用篇" is 应用). A list item that
 * names one (a table of contents, the stages' hours in a FAQ, an overview's "- 应用篇：") stands for
 * that section, whose place the outline gives: the stages' own order answers "应用篇之后".
 */
function sectionNames(profile: RoadmapProfile): ReadonlySet<string> {
  return new Set(profile.doc.outline.map((section) => foldForMatching(stageName(section.heading))).filter((name) => name !== ""));
}

/** Whether a list item stands for a section: its line is the section's heading (a numbered outline read as sections), or a label names it. */
function standsForSection(opening: string, labels: readonly string[], profile: RoadmapProfile, names: ReadonlySet<string>): boolean {
  return (
    profile.doc.outline.some((section) => section.heading.trim() === opening.trim()) ||
    labels.some((label) => names.has(foldForMatching(stageName(label))))
  );
}

/** Whether a chunk's section is a stage of its roadmap or inside one. */
function inStage(chunk: Chunk, profile: RoadmapProfile): boolean {
  const outline = profile.doc.outline;
  return chunk.sectionIndex >= 0 && profile.stages.some((stage) => subtreeOf(outline, stage).has(chunk.sectionIndex));
}

/** A list item outside every stage, by one of its labels: its chunk, the list's item openings and its place among them. */
interface LabelledItem {
  chunk: Chunk;
  openings: readonly string[];
  at: number;
}

/** Each index version's labelled items (by its chunks, then a roadmap's profile), keyed by folded label. */
const labelledByChunks = new WeakMap<readonly Chunk[], WeakMap<RoadmapProfile, ReadonlyMap<string, readonly LabelledItem[]>>>();

/**
 * The items of every list outside one roadmap's stages that a label names (an item that stands for
 * a section left out), in the chunks' and the lists' order. They depend on the index alone, so they
 * are read once per index version and roadmap, not by every before/after question over every chunk.
 * Kept per roadmap, not per set of roadmaps: a request's roadmaps are a new array each time (those
 * its filters allow), which would miss a memo keyed by the array and read every chunk again.
 */
function labelledItems(chunks: readonly Chunk[], profile: RoadmapProfile): ReadonlyMap<string, readonly LabelledItem[]> {
  let byProfile = labelledByChunks.get(chunks);
  if (!byProfile) labelledByChunks.set(chunks, (byProfile = new WeakMap()));
  let byLabel = byProfile.get(profile);
  if (byLabel) return byLabel;
  const built = new Map<string, LabelledItem[]>();
  const sections = sectionNames(profile);
  for (const chunk of chunks) {
    if (chunk.docId !== profile.doc.id || inStage(chunk, profile)) continue;
    const items = listItems(chunk.text);
    if (!items) continue;
    const openings = items.map((item) => item.split("\n")[0]!);
    openings.forEach((opening, at) => {
      const labels = labelsOf(opening);
      if (!isListLine(opening) || standsForSection(opening, labels, profile, sections)) return;
      // An item counts once however many of its labels fold alike.
      for (const label of new Set(labels.map(foldForMatching))) {
        const named = built.get(label) ?? [];
        named.push({ chunk, openings, at });
        built.set(label, named);
      }
    });
  }
  byProfile.set(profile, (byLabel = built));
  return byLabel;
}

/** What both list readings are asked: the item's label (the question's topic), which way, and where to look. */
interface ListedItemAsked {
  topic: string;
  direction: "next" | "previous";
  chunks: readonly Chunk[];
  profiles: readonly RoadmapProfile[];
  named: RoadmapProfile | undefined;
}

/**
 * The item before or after the one the topic names by its label, in a list outside the stages of
 * the roadmaps (only the named one's, when the question names one). Undefined unless exactly one
 * item of all those lists is so named and it has a neighbour in the asked direction.
 */
export function listedNeighbour(params: ListedItemAsked): NamedPart | undefined {
  const topic = foldForMatching(params.topic);
  if (Array.from(topic).length < 2) return undefined;
  const named = params.named;
  const profiles = named && !params.profiles.includes(named) ? [named] : params.profiles;
  // Each roadmap's items are its own chunks' (one profile a document): together, those of all the roadmaps read.
  const items = profiles
    .flatMap((profile) => labelledItems(params.chunks, profile).get(topic) ?? [])
    .filter((item) => !named || item.chunk.docId === named.doc.id);
  if (items.length !== 1) return undefined;
  const { chunk, openings, at } = items[0]!;
  const neighbour = openings[params.direction === "next" ? at + 1 : at - 1];
  return neighbour !== undefined && isListLine(neighbour)
    ? { passage: { chunk, score: 0, role: "match" }, item: shownItem(neighbour) }
    : undefined;
}

/** A word after a section's name that puts what follows inside it: "核心开发技术里", "工具与框架中". */
const INSIDE = /^\s*(?:里面|裡面|里|裡|中|内|內|当中|當中)/u;
/** One of INSIDE's words anywhere in a question. */
const INSIDE_ANYWHERE = /[里裡中内內]/u;

/**
 * "接入开发阶段的核心开发技术里，API 开发之后是什么": the item beside one a list names by its label,
 * inside the section the question names with a word that puts it there (里, 中, 内). Unlike
 * listedNeighbour, the list may be inside a stage: the question says it is asking inside that
 * section, not for the stage after the one holding the item. Undefined unless exactly one item of
 * the lists of such sections is so named and it has a neighbour that way.
 */
export function listedNeighbourInSection(params: ListedItemAsked & { query: string }): NamedPart | undefined {
  // No word that puts anything inside a section, nothing to read (most before/after questions).
  if (!INSIDE_ANYWHERE.test(params.query)) return undefined;
  const topic = foldedWithoutSpaces(params.topic);
  if (Array.from(topic).length < 2) return undefined;
  const query = foldedWithoutSpaces(params.query);
  const found: NamedPart[] = [];
  for (const profile of params.named ? [params.named] : params.profiles)
    for (const section of profile.doc.outline) {
      const name = foldedWithoutSpaces(stageName(section.heading) || section.heading);
      const at = Array.from(name).length >= 3 ? query.indexOf(name) : -1;
      if (at < 0 || !INSIDE.test(query.slice(at + name.length))) continue;
      for (const chunk of sectionChunks(params.chunks, profile.doc, section.index)) {
        const openings = (listItems(chunk.text) ?? []).map((item) => item.split("\n")[0]!);
        openings.forEach((opening, place) => {
          if (!isListLine(opening) || !labelsOf(opening).some((label) => foldedWithoutSpaces(label) === topic)) return;
          const neighbour = openings[params.direction === "next" ? place + 1 : place - 1];
          if (neighbour !== undefined && isListLine(neighbour))
            found.push({ passage: { chunk, score: 0, role: "match" }, item: shownItem(neighbour) });
        });
      }
    }
  return found.length === 1 ? found[0] : undefined;
}
