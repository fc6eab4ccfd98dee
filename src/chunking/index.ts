export { chunkDocument, contextualText, CHUNKER_VERSION, DEFAULT_MAX_UNITS, DEFAULT_OVERLAP_UNITS, type ChunkOptions } from "./chunkDocument.js";
export { chunkIdFor } from "./chunkId.js";
export { splitSentences, sentenceSpans, type SentenceSpan } from "./splitSentences.js";
export { countUnits } from "./textUnits.js";
export type { Chunk } from "./types.js";
