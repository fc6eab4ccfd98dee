import { tokenizeForSearch } from "../text/tokenize.js";
import { isFiller } from "./questionWords.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { isListItemStage, stageName } from "./stageOutline.js";

/** An English question that names a stage ("the … stage", "phase", "part"). */
const STAGE_WORD = /\b(?:stage|phase|part|step|section|chapter)s?\b/i;

/**
 * A stage named in English by what its Chinese name says ("the application practice stage" →
 * 应用实践阶段, "the frontier research phase" → 前沿研究阶段). The question's English words reach
 * the name's words through the glossary and CC-CEDICT (`reaches`: a name word is among the
 * retrieval's expansions, or one of its CC-CEDICT glosses is a word of the question). A stage
 * fits when every word of its name is reached, or, in the roadmap the question names by its
 * shape, at least half of them (基础夯实 through "foundation" alone); of those, the stage with the
 * most name words reached is named when it is the only one (应用实践 over 应用篇). The caller then
 * searches its Chinese heading and, for a before/after question, places the question there.
 */
export function englishStage(
  query: string,
  reaches: () => (word: string) => boolean,
  profiles: readonly RoadmapProfile[],
  named: RoadmapProfile | undefined,
): { profile: RoadmapProfile; heading: string; name: string } | undefined {
  if (!/[a-z]{3}/i.test(query) || !STAGE_WORD.test(query)) return undefined;
  const reached = reaches();
  const fits: { profile: RoadmapProfile; heading: string; score: number; name: string }[] = [];
  for (const profile of named ? [named] : profiles) {
    for (const stage of profile.stages) {
      // A list item's name is a field term (RAG → 检索增强生成), reached by every question using it.
      if (isListItemStage(stage.heading)) continue;
      // Filler (学习 in 原理学习) says nothing of which stage: "learning objectives" reaches it in every question about goals.
      const name = tokenizeForSearch(stageName(stage.heading)).filter(
        (t) => /\p{Script=Han}/u.test(t) && Array.from(t).length >= 2 && !isFiller(t),
      );
      if (name.length === 0) continue;
      const hits = name.filter(reached).length;
      if (hits === name.length || (named && hits >= name.length / 2))
        fits.push({ profile, heading: stage.heading, score: hits, name: stageName(stage.heading) });
    }
  }
  const best = Math.max(0, ...fits.map((f) => f.score));
  const top = fits.filter((f) => f.score === best);
  if (top.length !== 1) return undefined;
  const { profile, heading, name } = top[0]!;
  return { profile, heading, name };
}
