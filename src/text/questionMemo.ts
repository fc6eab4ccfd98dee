import { rememberedWhileUsed } from "./recentlyUsed.js";

/**
 * How many texts a question memo holds: those of the last few requests. Every stage of one
 * request reads a question's memo within a few new texts of the first (at most 4 apart over the
 * bench's distinct searches and asks), and no later request reads it again (a repeated question is
 * served from the per-version caches).
 */
export const QUESTION_TEXTS_REMEMBERED = 64;

/**
 * `compute` remembered for the texts of the last few requests, for pure functions of a whole
 * question (its glossary matches, its Simplified form, its concept units) that several stages of
 * one request read. Small on purpose: an entry that outlives two young-generation collections
 * (about 140 searches apart at full load) is promoted to the old generation with all it holds, and
 * under a stream of new questions a memo of 1,024 texts promoted each one only to drop it later;
 * that copying and the old-generation collections it fed were most of the server's GC work. Two
 * generations (RecentlyUsed), not a map cleared when full, so the newest texts are always kept.
 */
export function questionMemo<V>(compute: (text: string) => V): (text: string) => V {
  return rememberedWhileUsed(QUESTION_TEXTS_REMEMBERED, compute);
}
