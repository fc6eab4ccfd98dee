import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Section } from "../corpus/types.js";
import { escapeRegExp } from "../text/escapeRegExp.js";
import { RecentlyUsed } from "../text/recentlyUsed.js";
import { sectionTexts } from "./roadmapStages.js";
import { stageOf, stepsOf, subtreeEndLine } from "./stageOutline.js";
import type { RoadmapPosition, SectionRef } from "./types.js";

/**
 * Where a topic sits in each roadmap and which stages come before and after it.
 *
 * A section covers the topic when its heading or its body (the chunks of that section) names the
 * topic, or failing that one of its glossary expansions. Coverage climbs to the stage the section
 * belongs to (see stageOutline.ts). Among the stages that cover the topic, the position is:
 *   1. a step (a marked stage: 第六阶段, 二、…) over an unmarked sibling (学习常见问题, 目录) or an
 *      overview that names the other stages (004's "0x00 学习路径");
 *   2. the topic itself over its words apart in one text, those over the field terms it holds (when
 *      the caller gives them: "碰 Transformer" sits where Transformer is named), and those over an
 *      expansion (LoRA named outright beats 参数高效微调);
 *   3. a heading that names the topic over a passing mention in a body
 *      (微调 → 第六阶段：模型微调与私有化部署, not the SFT line of 第二阶段);
 *   4. the earliest step of its sequence (001 lists its stages twice, as a plan and as notes: a
 *      topic the notes mention in 第一阶段 sits in 第一阶段 even if the plan names it in 第七);
 *   5. reading order.
 * `next`/`previous` are the neighbouring steps. Documents without stages give nothing.
 */
export function locateTopic(
  documents: CorpusDocument[],
  chunks: Chunk[],
  topic: string,
  expansions: readonly string[],
  ownTerms: readonly (readonly string[])[] = [],
): RoadmapPosition[] {
  const trimmed = topic.trim();
  if (trimmed === "") return [];
  const other = (terms: readonly string[]) => terms.filter((e) => e.trim() !== "" && e.trim().toLowerCase() !== trimmed.toLowerCase());
  // The field terms the topic holds, all in one text, come before their expansions (placedTopic.ts):
  // "Python基础" sits where Python and 基础 are named together, not in the first heading with 基础.
  const own = ownTerms.map(other).filter((forms) => forms.length > 0);
  const tiers: Tier[] = [{ terms: [trimmed] }, ...(own.length > 0 ? [{ terms: [], together: own }] : []), { terms: other(expansions) }];
  const tiersKey = JSON.stringify(tiers);
  const remembered = locatedTopicsOf(documents, chunks);
  let positions = remembered.get(tiersKey);
  if (!positions) remembered.set(tiersKey, (positions = Object.freeze(positionsOf(documents, chunks, trimmed, tiers, tiersKey))));
  // A copy of the list: callers filter and reorder it; the positions themselves are frozen and shared.
  return [...positions];
}

/**
 * The positions of recently located topics, per document list and chunk array (an index version,
 * or a filtered list of its documents): a sequence question's topic (LoRA, RAG, 微调) is located
 * question after question, and each time every roadmap's layout, steps and references were read
 * again and the positions built anew.
 */
const locatedTopics = new WeakMap<readonly CorpusDocument[], WeakMap<readonly Chunk[], RecentlyUsed<string, readonly RoadmapPosition[]>>>();

function locatedTopicsOf(documents: readonly CorpusDocument[], chunks: readonly Chunk[]): RecentlyUsed<string, readonly RoadmapPosition[]> {
  let byChunks = locatedTopics.get(documents);
  if (!byChunks) locatedTopics.set(documents, (byChunks = new WeakMap()));
  let remembered = byChunks.get(chunks);
  if (!remembered) byChunks.set(chunks, (remembered = new RecentlyUsed(MAX_LOCATED_TOPICS)));
  return remembered;
}

/** The list, frozen: shared between the questions that locate the same topic. */
function frozen<T>(list: T[]): T[] {
  Object.freeze(list);
  return list;
}

function positionsOf(
  documents: readonly CorpusDocument[],
  chunks: readonly Chunk[],
  trimmed: string,
  tiers: readonly Tier[],
  tiersKey: string,
): RoadmapPosition[] {
  let matchers: ((text: string) => boolean)[][] | undefined;
  const positions: RoadmapPosition[] = [];
  for (const doc of documents) {
    if (doc.kind !== "roadmap") continue;
    const layout = layoutOf(doc, chunks);
    const stage = layout.located(tiersKey, () => bestStage(doc.outline, layout, (matchers ??= topicMatchers(trimmed, tiers))));
    if (stage) positions.push(positionAt(doc, layout, stage, trimmed));
  }
  return positions;
}

/**
 * The position of a stage given by its place in its roadmap's outline (a stage an earlier answer
 * gave: "那再之后呢？" moves on from it), with its neighbouring steps as locateTopic gives them; its
 * topic is the stage's heading. Undefined when the document or section is not there (the index
 * changed since) or the section is no stage.
 */
export function stagePosition(
  documents: readonly CorpusDocument[],
  chunks: readonly Chunk[],
  stage: { docId: string; sectionIndex: number; heading: string },
): RoadmapPosition | undefined {
  const doc = documents.find((d) => d.id === stage.docId && d.kind === "roadmap");
  const section = doc?.outline[stage.sectionIndex];
  if (!doc || !section || section.heading !== stage.heading) return undefined;
  const layout = layoutOf(doc, chunks);
  if (layout.stageOf(section)?.index !== section.index) return undefined;
  return positionAt(doc, layout, section, section.heading);
}

/** A stage's position among the steps of its sequence, frozen (positions are shared between questions). */
function positionAt(doc: CorpusDocument, layout: RoadmapLayout, stage: Section, topic: string): RoadmapPosition {
  const steps = layout.stepsOf(stage);
  const position = steps.findIndex((s) => s.index === stage.index);
  const next = position >= 0 ? steps[position + 1] : undefined;
  const previous = position >= 0 ? steps[position - 1] : undefined;
  return Object.freeze({
    docId: doc.id,
    source: doc.source,
    title: doc.title,
    topic,
    at: Object.freeze(sectionRef(doc.outline, stage)),
    ...(next ? { next: Object.freeze(sectionRef(doc.outline, next)) } : {}),
    ...(previous ? { previous: Object.freeze(sectionRef(doc.outline, previous)) } : {}),
    path: Object.freeze({ steps: frozen(steps.map((s) => s.heading)), step: position + 1 }),
  });
}

/**
 * The matchers of each tier, in order: the topic as written, then its words together in one text
 * ("大模型 API 开发" in "大模型API应用开发": a learner's phrase drops what the document puts between its
 * words), then its expansions. The words together come before the expansions: an expansion of one
 * word (大模型 → LLM) names any stage that mentions that word.
 */
function topicMatchers(trimmed: string, tiers: readonly Tier[]): ((text: string) => boolean)[][] {
  const [own = [], ...rest] = tiers.map(tierMatchers);
  const words = trimmed.split(/\s+/).filter((word) => word !== "");
  if (words.length < 2) return [own, ...rest];
  const wordMatchers = words.map(termMatcher);
  return [own, [(text) => wordMatchers.every((matches) => matches(text))], ...rest];
}

/**
 * Terms that place a topic equally well: any one of them; or, `together`, terms of each group in one
 * text (a group is one field term's forms: Transformers or Transformer).
 */
interface Tier {
  terms: readonly string[];
  together?: readonly (readonly string[])[];
}

function tierMatchers(tier: Tier): ((text: string) => boolean)[] {
  if (!tier.together) return tier.terms.map(termMatcher);
  const groups = tier.together.map((forms) => forms.map(termMatcher));
  return [(text) => groups.every((forms) => forms.some((matches) => matches(text)))];
}

/**
 * What locating a topic reads from one roadmap that does not depend on the topic: each section's
 * body text, each stage and its steps. Built once per index version (keyed by its chunk array and
 * document objects, which a version never changes) instead of for every question: stepsOf
 * compares every pair of sibling stages.
 */
interface RoadmapLayout {
  /** Chunk texts of a section, in order. */
  textsOf(section: Section): readonly string[];
  /** The stage a section belongs to (stageOf), or undefined. */
  stageOf(section: Section): Section | undefined;
  /** The steps of a stage's sequence (stepsOf). */
  stepsOf(stage: Section): readonly Section[];
  /**
   * The stage a topic's terms locate (bestStage), remembered by the terms: it reads every section
   * of the roadmap, and learners ask about the same topics (LoRA, RAG, 微调) again and again.
   */
  located(terms: string, locate: () => Section | undefined): Section | undefined;
}

/** Topics remembered per roadmap and index version; when full it starts over. */
const MAX_LOCATED_TOPICS = 2048;

const layouts = new WeakMap<readonly Chunk[], WeakMap<CorpusDocument, RoadmapLayout>>();

/**
 * A stage's steps from the same per-version layout locateTopic uses, so the roadmap profiles
 * (built when an index loads) and the first located topic compute each sibling group's steps
 * once between them, not once each (2–5 s each at 500 stages per roadmap).
 */
export function roadmapSteps(doc: CorpusDocument, chunks: readonly Chunk[], stage: Section): readonly Section[] {
  return layoutOf(doc, chunks).stepsOf(stage);
}

function layoutOf(doc: CorpusDocument, chunks: readonly Chunk[]): RoadmapLayout {
  let byDoc = layouts.get(chunks);
  if (!byDoc) layouts.set(chunks, (byDoc = new WeakMap()));
  const cached = byDoc.get(doc);
  if (cached) return cached;
  const textsOf = sectionTexts(chunks, doc.id);
  const bodyOf = (section: Section) => textsOf(section).join("\n");
  const stages = new Map<number, Section | undefined>();
  // By sibling group (the stage's parent): every stage of a group has the same steps, and
  // computing them per stage was O(group³) (20 s on the first question at 1k synthetic chunks).
  const steps = new Map<number | undefined, readonly Section[]>();
  const located = new Map<string, Section | undefined>();
  const layout: RoadmapLayout = {
    textsOf,
    stageOf: (section) => {
      if (!stages.has(section.index)) stages.set(section.index, stageOf(doc.outline, section));
      return stages.get(section.index);
    },
    stepsOf: (stage) => {
      let list = steps.get(stage.parent);
      if (!list) steps.set(stage.parent, (list = stepsOf(doc.outline, stage, bodyOf)));
      return list;
    },
    located: (terms, locate) => {
      if (located.has(terms)) return located.get(terms);
      const stage = locate();
      if (located.size >= MAX_LOCATED_TOPICS) located.clear();
      located.set(terms, stage);
      return stage;
    },
  };
  byDoc.set(doc, layout);
  return layout;
}

interface Candidate {
  stage: Section;
  key: [number, number, number, number, number];
}

function bestStage(outline: readonly Section[], layout: RoadmapLayout, matchers: ((text: string) => boolean)[][]): Section | undefined {
  const candidates = new Map<number, Candidate>();
  for (const section of outline) {
    const stage = layout.stageOf(section);
    if (!stage) continue;
    // Its place among the steps (a search of up to hundreds of them) is read only for a section that names the topic.
    let step: number | undefined;
    const body = layout.textsOf(section);
    matchers.forEach((patterns, tier) => {
      const inHeading = patterns.some((matches) => matches(section.heading));
      const inBody = !inHeading && patterns.some((matches) => body.some((text) => matches(text)));
      if (!inHeading && !inBody) return;
      step ??= layout.stepsOf(stage).findIndex((s) => s.index === stage.index);
      const key: Candidate["key"] = [step >= 0 ? 0 : 1, tier, inHeading ? 0 : 1, step >= 0 ? step : 0, stage.startLine];
      const existing = candidates.get(stage.index);
      if (!existing || compareKeys(key, existing.key) < 0) candidates.set(stage.index, { stage, key });
    });
  }
  let best: Candidate | undefined;
  for (const candidate of candidates.values()) if (!best || compareKeys(candidate.key, best.key) < 0) best = candidate;
  return best?.stage;
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * Case-insensitive; spaces in the term match any spacing ("Transformer 架构" finds
 * "Transformer架构"); latin ends only match on word boundaries ("RAG" not in "storage").
 */
/** "模型微调和私有化部署" names the stage "模型微调与私有化部署": a conjunction is any conjunction. */
const CONJUNCTION = /和|与|與|及|跟|、/gu;
const CONJUNCTIONS = "(?:和|与|與|及|以及|跟|、)";

export function termPattern(term: string): RegExp {
  const body = term
    .trim()
    .split(/\s+/)
    .map((part) => escapeRegExp(part).replace(CONJUNCTION, CONJUNCTIONS))
    .join("\\s*");
  const start = /^[A-Za-z0-9]/.test(term.trim()) ? "(?<![A-Za-z0-9])" : "";
  const end = /[A-Za-z0-9]$/.test(term.trim()) ? "(?![A-Za-z0-9])" : "";
  return new RegExp(`${start}${body}${end}`, "iu");
}

/**
 * termPattern's test, with a text first checked for the term's longest Han run outside its
 * conjunctions: Han has no case and termPattern keeps those characters as written, so a text
 * without the run cannot match. Locating a new topic tests every section of every roadmap (500
 * stages each on the synthetic corpus), and most hold none of its characters.
 */
export function termMatcher(term: string): (text: string) => boolean {
  const pattern = termPattern(term);
  let literal = "";
  for (const run of term.match(HAN_RUN) ?? [])
    for (const piece of run.split(CONJUNCTION)) if (piece.length > literal.length) literal = piece;
  return literal === "" ? (text) => pattern.test(text) : (text) => text.includes(literal) && pattern.test(text);
}

const HAN_RUN = /\p{Script=Han}+/gu;

/** A stage as a reference; its line range covers its sub-sections too. */
export function sectionRef(outline: readonly Section[], section: Section): SectionRef {
  return {
    sectionIndex: section.index,
    heading: section.heading,
    headingPath: [...section.headingPath],
    startLine: section.startLine,
    endLine: subtreeEndLine(outline, section),
  };
}
