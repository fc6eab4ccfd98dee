import { createRequire } from "node:module";
import type HnswlibNode from "hnswlib-node";

/**
 * hnswlib-node (a native addon), loaded where a dense (HNSW) vector index is built or read back:
 * an index of the local embedder's sparse vectors never needs it, and importing it with the index
 * modules cost every start ~8–15 ms of Node 20's CPU (the addon's dlopen and its bindings).
 */
export function hnswlibNode(): typeof HnswlibNode {
  return createRequire(import.meta.url)("hnswlib-node") as typeof HnswlibNode;
}
