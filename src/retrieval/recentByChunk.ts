import type { Chunk } from "../chunking/types.js";
import { rememberedWhileUsed } from "../text/recentlyUsed.js";

/**
 * `compute` remembered for recently seen chunks. The same top passages come back question after
 * question, and what is derived from a chunk's text (shingles, token sets, sentences) costs more
 * to build than to look up. Bounded, because at 100k chunks a value for every chunk ever seen
 * would take gigabytes; keyed by the chunk object, so a new index version never reads a value
 * derived from an old one.
 */
export function recentByChunk<T extends object>(max: number, compute: (chunk: Chunk) => T): (chunk: Chunk) => T {
  return rememberedWhileUsed(max, compute);
}
