import { stageWordOf, type RoadmapProfile } from "./roadmapProfile.js";
import { OTHER_THING_BEFORE } from "./stageCounts.js";
import { isListItemStage, nameWords, stageName } from "./stageOutline.js";

/** An English question that names a stage ("the … stage", "phase", "part"). */
const STAGE_WORD = /\b(?:stage|phase|part|step|section|chapter)s?\b/i;

/**
 * A stage named in English by what its Chinese name says ("the application practice stage" →
 * 应用实践阶段, "the frontier research phase" → 前沿研究阶段). The question's English words reach
 * the name's words through the glossary and CC-CEDICT (`reaches`: a name word is among the
 * retrieval's expansions, or one of its CC-CEDICT glosses is a word of the question). A stage
 * fits when every word of its name is reached, or, in the roadmap the question names by its
 * shape, at least half of them (基础夯实 through "foundation" alone); of those, the stage with the
 * most name words reached is named when it is the only one (应用实践 over 应用篇), or the only one
 * whose level word modifies a stage word of the question. Learners' English names for levels
 * (LEVEL_WORDS) reach the Chinese words stage names use for them. The caller then
 * searches its Chinese heading and, for a before/after question, places the question there.
 */
export function englishStage(
  query: string,
  reaches: () => (word: string) => boolean,
  profiles: readonly RoadmapProfile[],
  named: RoadmapProfile | undefined,
): { profile: RoadmapProfile; heading: string; name: string } | undefined {
  if (!/[a-z]{3}/i.test(query) || !STAGE_WORD.test(query) || partOfAnotherThing(query)) return undefined;
  // "the five-stage guide" counts a roadmap's stages: it names the roadmap, not one of its stages.
  // Without another stage word only a stage's whole name names it ("after the hands-on projects
  // and case studies" in the seven-stage plan), never half of it ("I studied …": 前沿研究).
  const asked = query.replace(STAGE_COUNT, " ");
  const stageWordAsked = STAGE_WORD.test(asked);
  const glossed = reaches();
  const levels = stageWordAsked ? levelWordsNamed(query) : new Set<string>();
  const reached = (word: string) => glossed(word) || levels.has(word);
  const fits: { profile: RoadmapProfile; heading: string; score: number; name: string }[] = [];
  for (const profile of named ? [named] : profiles) {
    for (const stage of profile.stages) {
      // A list item's name is a field term (RAG → 检索增强生成), reached by every question using it.
      if (isListItemStage(stage.heading)) continue;
      // Filler (学习 in 原理学习) says nothing of which stage: "learning objectives" reaches it in every question about goals.
      const name = nameWords(stage.heading);
      if (name.length === 0) continue;
      const hits = name.filter(reached).length;
      if (hits === name.length || (named && stageWordAsked && hits >= name.length / 2))
        fits.push({ profile, heading: stage.heading, score: hits, name: stageName(stage.heading) });
    }
  }
  const best = Math.max(0, ...fits.map((f) => f.score));
  let top = fits.filter((f) => f.score === best);
  // "the deep-dive stage … the research track": the level word that modifies the stage word names it.
  if (top.length > 1) {
    const modifying = levelWordsNamed(stageModifiers(asked));
    const named = top.filter((f) => [...modifying].some((word) => f.name.includes(word)));
    if (named.length > 0) top = named;
  }
  // "the intro stage": 入门阶段 of the roadmap whose headings say stage, not 入门篇 of the one whose say part.
  if (top.length > 1) {
    const word = stageWordOf(asked.match(STAGE_WORDS)?.join(" ") ?? "");
    const alike = top.filter((f) => word !== undefined && f.profile.stageWord === word);
    if (alike.length > 0) top = alike;
  }
  if (top.length !== 1) return undefined;
  const { profile, heading, name } = top[0]!;
  return { profile, heading, name };
}

/** An ordinal before a stage word: "第一个 part", "the first part". */
const ORDINAL_BEFORE =
  /(?:第\s*[一二两三四五六七八九十\d]{1,3}\s*个?|\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|final)|\b\d(?:st|nd|rd|th))\s*$/iu;

/**
 * "llm-course 的第一个 part", "the course's second part": the stage word is the parts of a course, a
 * book or a project the question names (stageCounts.ts's OTHER_THING_BEFORE), not a roadmap's stage.
 */
function partOfAnotherThing(query: string): boolean {
  const at = query.search(STAGE_WORD);
  if (at < 0) return false;
  const before = query.slice(Math.max(0, at - 24), at).replace(ORDINAL_BEFORE, "");
  return OTHER_THING_BEFORE.test(before);
}

/** A count of stages ("five-stage", "3-phase", "seven stages"): the roadmap's shape. */
const STAGE_COUNT = /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)[- ]?(?:stage|phase|part|step)s?\b/gi;

const STAGE_WORDS = /\b(?:stage|phase|part|step|section|chapter)s?\b/gi;

/**
 * The English words learners call a roadmap's levels by, and the word Chinese stage names use for
 * that level where neither the glossary nor CC-CEDICT's glosses lead to it: "the entry stage" is
 * 入门阶段 (CC-CEDICT glosses 入门 "entry-level"), "the deep-dive stage" and "the in-depth part" 深入,
 * "the expert stage" and "the specialist track" 专业 (glossed "professional", "specialty").
 * Read only for a question naming a stage, so "mixture of experts" elsewhere stays MoE.
 */
const LEVEL_WORDS: readonly { english: RegExp; chinese: string }[] = [
  { english: /\b(?:entry|intro|starter)\b/i, chinese: "入门" },
  { english: /\b(?:deep[- ]?dives?|in[- ]depth|deeper)\b/i, chinese: "深入" },
  { english: /\b(?:experts?|specialists?|speciali[sz](?:ed|ation|ations))\b/i, chinese: "专业" },
];

function levelWordsNamed(query: string): Set<string> {
  return new Set(LEVEL_WORDS.filter((level) => level.english.test(query)).map((level) => level.chinese));
}

/** The words right before each stage word of the question, in its clause: an English stage's modifiers. */
function stageModifiers(query: string): string {
  return [...query.matchAll(STAGE_MODIFIERS)].map((m) => m[1]).join(" ");
}

const STAGE_MODIFIERS = /((?:[\w'/-]+\s+){0,2}[\w'/-]+)\s+(?:stage|phase|part|step|section|chapter|track)s?\b/gi;
