import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument } from "../corpus/types.js";
import { chunksOfDocument, sectionChunks } from "./documentChunks.js";
import { sectionRef } from "./roadmapNavigator.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { askedInPartHeading, nameWords, stageName, subtreeOf } from "./stageOutline.js";
import { pick, type StageOrdinal } from "./stageReference.js";
import type { Passage, QueryLanguage, RoadmapPosition, StageInRoadmap } from "./types.js";

/**
 * Roadmap positions for an ordinal question ("第二阶段之后学什么", "what is in the last stage"):
 * the stage the ordinal picks in each roadmap long enough to have it (only the referenced
 * roadmap when the question names one), with its neighbours among that roadmap's stages.
 */
export function ordinalPositions(profiles: readonly RoadmapProfile[], ordinal: StageOrdinal): RoadmapPosition[] {
  const positions: RoadmapPosition[] = [];
  for (const profile of profiles) {
    const stage = pick(profile.stages, ordinal);
    if (stage) positions.push(stagePlace(profile, stage));
  }
  return positions;
}

/**
 * A stage's position among its roadmap's stages: its neighbours, and the roadmap's stages as the
 * sequence it sits on ("after the last stage" has nothing to give; an answer says it is the last).
 */
function stagePlace(profile: RoadmapProfile, stage: RoadmapProfile["stages"][number]): RoadmapPosition {
  const { doc, stages } = profile;
  const at = stages.indexOf(stage);
  const next = stages[at + 1];
  const previous = at > 0 ? stages[at - 1] : undefined;
  return {
    docId: doc.id,
    source: doc.source,
    title: doc.title,
    topic: stage.heading,
    at: sectionRef(doc.outline, stage),
    ...(next ? { next: sectionRef(doc.outline, next) } : {}),
    ...(previous ? { previous: sectionRef(doc.outline, previous) } : {}),
    path: { steps: stages.map((s) => s.heading), step: at + 1 },
  };
}

/** A stage word right after a stage's name: "应用篇", "入门 阶段", "the 基础夯实 stage". */
const STAGE_WORD_AFTER = /^\s*(?:阶段|階段|篇|段|部分|\bstage\b|\bphase\b|\bpart\b)/iu;

/** Shorter names than this are part of many words (应用 of 应用开发工程师): named only with a stage word after them. */
const SELF_STANDING_NAME = 3;

/**
 * Stages a question names by their name ("专业深入阶段要多久" → 003's 专业深入阶段): the stages
 * whose name (stageName, at least two characters) the question holds, one per roadmap; a name
 * inside a longer named one does not count. Roadmaps where none is named give nothing. With
 * `asStage`, a short name counts only as a stage's ("应用篇", not the 应用 of 应用开发).
 */
export function namedStagePositions(profiles: readonly RoadmapProfile[], question: string, asStage = false): RoadmapPosition[] {
  const found: { profile: RoadmapProfile; stage: RoadmapProfile["stages"][number]; start: number; end: number }[] = [];
  for (const profile of profiles) {
    const names = stageNamesOf(profile);
    for (const [i, stage] of profile.stages.entries()) {
      const name = names[i]!;
      const start = name.length >= 2 ? question.indexOf(name) : -1;
      if (start < 0) continue;
      if (asStage && Array.from(name).length < SELF_STANDING_NAME && !STAGE_WORD_AFTER.test(question.slice(start + name.length))) continue;
      found.push({ profile, stage, start, end: start + name.length });
    }
  }
  // A name inside a longer one is not named itself (深入 in 专业深入).
  const kept = found.filter(
    (f) => !found.some((g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start),
  );
  const positions: RoadmapPosition[] = [];
  for (const { profile, stage } of kept) {
    if (!positions.some((p) => p.docId === profile.doc.id)) positions.push(stagePlace(profile, stage));
  }
  return positions;
}

/**
 * The stage word after a stage's name, a demonstrative maybe between them ("原理那一阶段", "基础夯实那段"),
 * or an English one in a mixed question ("the 入门 stage", "基础夯实 phase").
 */
export const STAGE_WORD_AFTER_NAME = "(?:(?:那一|这一|那个|这个|那|这)?(?:阶段|階段|篇|段|部分|块|塊)|\\s*[Ss]tage\\b|\\s*[Pp]hase\\b)";
/**
 * A stage word with what points at it: "原理那一阶段", "基础夯实那段", "入门篇", "原理那块". The Han run
 * before it is what names the stage (the shortest run that reaches the word: 学完原理 of
 * "学完原理那一阶段").
 */
const NAME_BEFORE_STAGE_WORD = new RegExp(`(\\p{Script=Han}+?)${STAGE_WORD_AFTER_NAME}`, "gu");
/** One of these is in every text NAME_BEFORE_STAGE_WORD matches. */
const STAGE_WORD_UNITS = ["段", "篇", "部分", "块", "塊", "tage", "hase"];

let lastRuns: { question: string; runs: readonly string[] } | undefined;

/**
 * The Han runs before a stage word in a question, the last question's remembered: a before/after
 * question reads them once per roadmap (sectionNeighbourIn), for the same question. The pattern's
 * lazy run tried every start of every question: one without a stage word (阶段 and 階段 hold 段)
 * is not run through it at all.
 */
function runsBeforeStageWords(question: string): readonly string[] {
  if (lastRuns?.question !== question)
    lastRuns = {
      question,
      runs: STAGE_WORD_UNITS.some((word) => question.includes(word))
        ? Array.from(question.matchAll(NAME_BEFORE_STAGE_WORD), (m) => m[1] ?? "")
        : [],
    };
  return lastRuns.runs;
}

/**
 * Stages a question names by their name and a stage word after it (each by its place in its
 * roadmap's outline), one per roadmap, with the text that named each: "原理那一阶段" names 《避开90%…》's 一、原理学习阶段 (its name without the filler
 * 学习 of 原理学习), "基础夯实那段" names 003's 基础夯实阶段. Unlike namedStagePositions, a name
 * words' form counts: a learner drops 学习 from 原理学习阶段 but keeps the stage word, which says a
 * stage is meant. No other roadmap has a stage of that name, so the question is about these only.
 */
export function stagesNamedWithStageWord(profiles: readonly RoadmapProfile[], question: string): { stage: StageInRoadmap; name: string }[] {
  const runs = runsBeforeStageWords(question);
  // No stage word, no stage named by it (most questions).
  if (runs.length === 0) return [];
  const named: { stage: StageInRoadmap; name: string }[] = [];
  for (const profile of profiles) {
    const forms = stageNameFormsOf(profile);
    for (const [i, stage] of profile.stages.entries()) {
      const name = forms[i]!.find((form) => runs.some((run) => run.endsWith(form)));
      if (!name || named.some((n) => n.stage.docId === profile.doc.id)) continue;
      named.push({ stage: { docId: profile.doc.id, sectionIndex: stage.index, heading: stage.heading }, name });
    }
  }
  return named;
}

/**
 * Whether a phrase is a stage's name in some roadmap as a learner says it (its stageName, or its
 * name words joined: 基础夯实 of 003's 基础夯实阶段), of two characters or more: "那基础夯实呢？" names a
 * stage without the stage word.
 */
export function isStageName(profiles: readonly RoadmapProfile[], phrase: string): boolean {
  const name = phrase.trim();
  return Array.from(name).length >= 2 && profiles.some((profile) => stageNameFormsOf(profile).some((forms) => forms.includes(name)));
}

/**
 * The name (its first name form) of the stage beside the one a phrase names, in the one roadmap with
 * a stage of that name: "原理学习" → 接入开发. Undefined when no roadmap or more than one has a stage of
 * that name, or it has no stage that way.
 */
export function neighbourStageName(
  profiles: readonly RoadmapProfile[],
  phrase: string,
  direction: "next" | "previous",
): string | undefined {
  const name = phrase.trim();
  const found = profiles.flatMap((profile) => {
    const forms = stageNameFormsOf(profile);
    const at = forms.findIndex((names) => names.includes(name));
    return at < 0 ? [] : [{ forms, at }];
  });
  if (found.length !== 1) return undefined;
  const { forms, at } = found[0]!;
  // The name as a learner says it before a stage word: without the ordinal its heading may open with.
  const beside = forms[at + (direction === "next" ? 1 : -1)];
  return beside?.find((form) => !/阶段|階段|[：:]/u.test(form)) ?? beside?.[0];
}

/** A roadmap's stage names (stageName of each stage heading), once per profile: profiles belong to one index version. */
const stageNames = new WeakMap<RoadmapProfile, readonly string[]>();

function stageNamesOf(profile: RoadmapProfile): readonly string[] {
  let names = stageNames.get(profile);
  if (!names) stageNames.set(profile, (names = profile.stages.map((stage) => stageName(stage.heading))));
  return names;
}

/** Each stage's names as a learner says them before a stage word (its stageName, its name words joined), once per profile. */
const stageNameForms = new WeakMap<RoadmapProfile, readonly (readonly string[])[]>();

export function stageNameFormsOf(profile: RoadmapProfile): readonly (readonly string[])[] {
  let forms = stageNameForms.get(profile);
  if (!forms) {
    const names = stageNamesOf(profile);
    forms = profile.stages.map((stage, i) => [names[i]!, nameWords(stage.heading).join("")].filter((form) => Array.from(form).length >= 2));
    stageNameForms.set(profile, forms);
  }
  return forms;
}

/**
 * Passages for a stage asked about directly ("第三阶段学什么"): the first chunks of the stage in
 * each position, labelled with the stage and its roadmap.
 */
export function stagePassages(params: {
  positions: readonly RoadmapPosition[];
  documents: readonly CorpusDocument[];
  chunks: readonly Chunk[];
  chunksPerStage: number;
  maxRoadmaps: number;
  language: QueryLanguage;
  /** The question's content tokens (and its expansions'): after the stage's first chunk, the ones holding most of them. */
  asked?: ReadonlySet<string>;
  tokensOf?: (chunk: Chunk) => ReadonlySet<string>;
}): Passage[] {
  const { asked, tokensOf } = params;
  const shared = (chunk: Chunk) => {
    if (!asked || !tokensOf) return 0;
    const tokens = tokensOf(chunk);
    let count = 0;
    for (const token of asked) if (tokens.has(token)) count++;
    return count;
  };
  const passages: Passage[] = [];
  for (const position of params.positions.slice(0, params.maxRoadmaps)) {
    const doc = params.documents.find((d) => d.id === position.docId);
    const section = doc?.outline[position.at.sectionIndex];
    if (!doc || !section) continue;
    const members = subtreeOf(doc.outline, section);
    // A roadmap that lists its stages twice (a plan, then notes per stage) has the stage's notes
    // under a section of the same heading elsewhere.
    for (const twin of doc.outline)
      if (twin.index !== section.index && twin.heading.trim() === section.heading.trim())
        for (const index of subtreeOf(doc.outline, twin)) members.add(index);
    const own = chunksOfDocument(params.chunks, doc.id).filter((c) => members.has(c.sectionIndex));
    // A list item kept in its list's passage has none of its own (sectionChunks).
    const all = own.length > 0 ? own : sectionChunks(params.chunks, doc, section.index);
    // The stage's opening (its goals) first; then what the question asks about it ("第二阶段的项目"
    // → its project section): the part whose heading names it, else the one holding most of the
    // question's words, else reading order.
    const rest = all
      .slice(1)
      .map((chunk, i) => ({ chunk, i, named: asked ? askedInPartHeading(chunk, section.heading, asked) : 0, score: shared(chunk) }))
      .sort((a, b) => b.named - a.named || b.score - a.score || a.i - b.i)
      .map((c) => c.chunk);
    const inStage = [...all.slice(0, 1), ...rest].slice(0, params.chunksPerStage);
    const label =
      params.language === "en"
        ? `Stage asked about: ${position.at.heading} (in 《${position.title}》)`
        : `所问阶段：${position.at.heading}（《${position.title}》）`;
    for (const chunk of inStage) passages.push({ chunk, score: 0, role: "match", roleLabel: label });
  }
  return passages;
}

const DURATIONS = /\d+\s*(?:[-~～到至]\s*\d+\s*)?(?:个月|周|天|小时|months?|weeks?)/giu;

/**
 * The passages of a roadmap that lay out its whole sequence (a chart, a plan or a table of
 * contents naming most of its stages, outside the stages themselves: 003's box chart and its 目录):
 * the direct answer to "what is the last stage called", "which stage comes after X" or "how long
 * is stage N" when the question is about that roadmap. At most MAX_OVERVIEWS, naming more
 * stages first, then giving more durations.
 */
export function overviewChunks(profile: RoadmapProfile, chunks: readonly Chunk[], durationAsked = false): readonly Chunk[] {
  // Profiles belong to one index version and never change: found once per roadmap.
  let found = overviews.get(profile);
  if (!found) overviews.set(profile, (found = findOverviews(profile, chunks)));
  // "第一阶段每周要学几个小时": the views that give durations (a chart with months, a time plan with
  // hours a week) answer it; a table of contents names the stages and gives none.
  const chosen = durationAsked ? [...found.filter((f) => f.durations > 0), ...found.filter((f) => f.durations === 0)] : found;
  return chosen.slice(0, MAX_OVERVIEWS).map((f) => f.chunk);
}

const overviews = new WeakMap<RoadmapProfile, readonly FoundOverview[]>();
/** A chart and a table of contents, say: two views of the sequence, the one with durations first. */
const MAX_OVERVIEWS = 2;

interface FoundOverview {
  chunk: Chunk;
  named: number;
  durations: number;
}

/** Every overview of the roadmap, naming more stages first, then giving more durations. */
function findOverviews(profile: RoadmapProfile, chunks: readonly Chunk[]): FoundOverview[] {
  const names = profile.stages.map((s) => stageName(s.heading)).filter((n) => n.length >= 2);
  if (names.length < 3) return [];
  const inStages = new Set<number>();
  for (const stage of profile.stages) for (const index of subtreeOf(profile.doc.outline, stage)) inStages.add(index);
  const found: FoundOverview[] = [];
  for (const chunk of chunks) {
    if (chunk.docId !== profile.doc.id || inStages.has(chunk.sectionIndex)) continue;
    const named = names.filter((n) => chunk.text.includes(n)).length;
    if (named < Math.max(3, Math.ceil(names.length * 0.6))) continue;
    found.push({ chunk, named, durations: chunk.text.match(DURATIONS)?.length ?? 0 });
  }
  return found.sort((a, b) => b.named - a.named || b.durations - a.durations);
}

/** "分成几块", "有几个阶段", "how many parts": a question about how a roadmap is divided. */
export const STAGE_COUNT_QUESTION =
  /(?:几|多少)\s*(?:个|大)?\s*(?:阶段|段|部分|块|章节?|篇|步|part)|\bhow many\s+(?:stages|parts|phases|steps|sections|chapters)\b/iu;

/**
 * A question about a roadmap's whole sequence of stages: how it is divided (STAGE_COUNT_QUESTION),
 * in what order, what each stage is called.
 */
export const OUTLINE_QUESTION = new RegExp(
  `${STAGE_COUNT_QUESTION.source}|顺序|依次|每\\s*(?:个)?\\s*(?:阶段|段)\\s*(?:叫|是)|哪(?:几|些)\\s*个?\\s*阶段|\\b(?:(?:what|which) order|in order|each stage|what are (?:the|its) stages|list (?:the|its) stages|stages in order)\\b`,
  "iu",
);

/** A roadmap's overviews (overviewChunks) as passages, labelled in the question's language. */
export function overviewPassages(
  profile: RoadmapProfile,
  chunks: readonly Chunk[],
  language: QueryLanguage,
  durationAsked = false,
): Passage[] {
  const label = language === "en" ? `Overview of 《${profile.doc.title}》` : `路线概览（《${profile.doc.title}》）`;
  return overviewChunks(profile, chunks, durationAsked).map((chunk): Passage => ({ chunk, score: 0, role: "match", roleLabel: label }));
}

/**
 * The roadmap context of a question about one roadmap's stages, with that roadmap's overviews
 * after it (overviewChunks); context spanning several roadmaps stays as it is.
 */
export function withOverview(
  context: Passage[],
  profiles: readonly RoadmapProfile[],
  chunks: readonly Chunk[],
  language: QueryLanguage,
  durationAsked = false,
): Passage[] {
  const docs = new Set(context.map((p) => p.chunk.docId));
  if (docs.size !== 1) return context;
  const profile = profiles.find((p) => docs.has(p.doc.id));
  if (!profile) return context;
  const added = overviewPassages(profile, chunks, language, durationAsked).filter((o) => !context.some((p) => p.chunk.id === o.chunk.id));
  return [...context, ...added];
}
