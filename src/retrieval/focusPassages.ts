import type { IndexSnapshot } from "../store/types.js";
import { conceptsNamed, roadmapNames } from "./conceptsOutsideRoadmap.js";
import type { DetailKind } from "./detailRules.js";
import { mechanismFocus } from "./explainedMechanism.js";
import { IndexResources } from "./indexResources.js";
import { foldForMatching } from "./listItems.js";
import { instanceNonSubjectWords } from "./namedInstance.js";
import type { QuestionJudge } from "./questionJudge.js";
import { passagesNaming, stageFocus } from "./questionEvidence.js";
import type { RoadmapProfile } from "./roadmapProfile.js";
import { stageName } from "./stageOutline.js";
import type { Passage } from "./types.js";

/**
 * The passages an asked-for detail counts in (RetrievalResult.focusChunkIds). A stage of the named
 * roadmap the question names (or its English name) is the subject first. A question naming a
 * roadmap by its shape or origin (三阶段方法论, the GitHub one) has those words as its rarest
 * terms: they say which document, not what about it. A detail the roadmap gives of itself (its
 * date, counts, durations) may be anywhere in it, unless the question names a 《book》 of it; any
 * other detail (a price, a publisher) is of a thing it lists, looked for beside the question's
 * subject with the naming words left out.
 */
export function focusPassages(
  judge: QuestionJudge,
  index: IndexSnapshot,
  query: string,
  asked: readonly DetailKind[],
  /** The question asks for a particular one (particularAsked.ts). */
  instance: boolean,
  passages: readonly Passage[],
  roadmap: {
    named: RoadmapProfile | undefined;
    /** The naming words of a roadmap named by its shape or origin (RetrievalResult.namingTerms). */
    naming?: readonly string[];
    englishStageName?: string;
  },
): { chunkIds: string[]; terms: string[] } | undefined {
  const { named, naming, englishStageName } = roadmap;
  // "Which model does the roadmap recommend for RAG": the subject is RAG, wherever in the roadmap
  // (namedInstance.ts), not the category, the document asked of or an everyday word.
  if (asked.length === 0 && instance)
    return judge.focus(index, query, passages, { naming: [...(naming ?? []), ...instanceNonSubjectWords(query)] });
  // "How exactly does X work": the passages holding X, the question's rarest term, even when none does (explainedMechanism.ts).
  if (asked.length === 0) {
    const statistics = IndexResources.of(index).statistics;
    return mechanismFocus(query, passages, judge.termGroups(index, query), (chunk) => statistics.tokensOf(chunk));
  }
  const stage =
    named &&
    stageFocus(
      englishStageName ? `${query} ${englishStageName}` : query,
      named.stages.map((s) => stageName(s.heading)),
      passages,
    );
  if (stage) return stage;
  // Asked with a particular one ("which model, and what size"): the category is no subject of either.
  const instanceWords = instance ? instanceNonSubjectWords(query) : [];
  if (naming && asked.some((kind) => !ROADMAP_DETAILS.has(kind)))
    return judge.focus(index, query, passages, { naming: [...naming, ...instanceWords] });
  // "How many hours does CS224n take, per the five-stage guide": a concept the roadmap lists is
  // what the detail is of; the hours the roadmap gives its stages say nothing of it.
  const concept = named && asked.includes("duration") && conceptFocus(judge.repaired(index, query), named, naming ?? [], passages);
  if (concept) return concept;
  if (named) return judge.focus(index, query, passages, { titleOnly: true });
  return judge.focus(index, query, passages, instanceWords.length > 0 ? { naming: instanceWords } : {});
}

/**
 * Details a roadmap gives of itself (its date, how many parts, how long): asked of a
 * roadmap the question names, anywhere in it may answer. Any other detail (a price, a publisher, a
 * dataset, a teacher) is of a thing the roadmap lists, and is looked for beside that thing.
 */
const ROADMAP_DETAILS: ReadonlySet<DetailKind> = new Set(["date", "count", "duration", "chapter", "frequency", "stage"]);

/** The passages naming the concepts a question names that its roadmap names too, with their names; undefined when none does. */
function conceptFocus(
  query: string,
  named: RoadmapProfile,
  naming: readonly string[],
  passages: readonly Passage[],
): { chunkIds: string[]; terms: string[] } | undefined {
  // A concept its title or a stage heading names ("持续学习", 学习路径) says which roadmap or stage: the roadmap's own.
  const own = [named.doc.title, ...named.stages.map((stage) => stage.heading)].join("\n");
  const terms = conceptsNamed(query, naming)
    .filter((concept) => roadmapNames(named.doc.text, concept) && !roadmapNames(own, concept))
    .flatMap((concept) => concept.names);
  if (terms.length === 0) return undefined;
  const holders = passagesNaming(passages, terms.map(foldForMatching));
  return holders.length > 0 ? { chunkIds: holders.map((p) => p.chunk.id), terms } : undefined;
}
