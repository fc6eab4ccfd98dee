import { mechanismAsked } from "./explainedMechanism.js";
import { instanceAsked } from "./namedInstance.js";
import type { ParticularAsked } from "./types.js";

/**
 * Two things a question may ask in particular, beside the detail kinds (detailKinds.ts): which one
 * of a category ("which model", namedInstance.ts) and how a thing works ("how exactly does X
 * work", explainedMechanism.ts). Retrieval reads them once per question, to decide whether the
 * answer needs its subject's passages (the detail focus), and hands the reading on in its result
 * (RetrievalResult.particularAsked), where confidence holds it against the passages.
 */
export function particularAsked(question: string): ParticularAsked {
  return { instance: instanceAsked(question), mechanism: mechanismAsked(question) };
}
