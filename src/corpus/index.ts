// The corpus stage's public entry: what other stages and scripts import from it. Files inside
// the stage import each other directly; add a name here only when something outside needs it.
export { loadCorpus } from "./loadCorpus.js";
export { PROMO_MARKERS } from "./cleaningRules.js";
export { buildResources } from "./links.js";
export type * from "./types.js";
