import type { Passage, RetrievalResult } from "./types.js";

/**
 * Whether a passage is of the roadmap the question is about, when it names one or goes on about
 * the one the conversation named ("七个阶段那份…" then "第一个项目用的是哪个大模型？"). A particular
 * thing asked of that roadmap (which model its project uses) is answered only by its own passages:
 * another roadmap's list of models or platforms says nothing of what this one uses.
 */
export function inNamedRoadmap(result: RetrievalResult): (passage: Passage) => boolean {
  const named = result.namedRoadmap?.docId;
  return named === undefined ? () => true : (passage) => passage.chunk.docId === named;
}
