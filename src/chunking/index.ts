// The chunking stage's public entry: only what other stages import from it.
export { chunkDocument, contextLine, contextualText, CHUNKER_VERSION } from "./chunkDocument.js";
