import fastJson from "fast-json-stringify";
import type { Chunk } from "../chunking/types.js";
import { recentByChunk } from "../retrieval/recentByChunk.js";
import type { Passage } from "../retrieval/types.js";
import { searchResponseSchema } from "./contract/search.js";
import { toSearchResponse } from "./responseMapping.js";
import { compileResponseSerializer } from "./responseSerializer.js";

/**
 * The /api/search body, written from each passage's chunk written once. A result is its chunk's
 * fields (id, text, links …) around one number, the score: the contract serializer escaped every
 * passage's whole text again for every distinct question, although the same chunks come back
 * question after question. Here each recent chunk keeps the serializer's own output for its
 * result, cut at the score, and a body is those pieces joined around the scores, each written
 * as the serializer writes a number. The bytes are the serializer's (tests/http/searchBody.test.ts
 * compares them); a chunk whose written result cannot be cut so falls back to the serializer.
 */
const serializeResponse = compileResponseSerializer(searchResponseSchema);
const serializeScore = fastJson({ type: "number" });

/** A score no chunk field can write by accident: the cut is found at `,"score":<this>,`. */
const PLACEHOLDER = -1.234567890123e-300;
const EMPTY = serializeResponse(toSearchResponse([]));
const OPEN = EMPTY.slice(0, EMPTY.lastIndexOf("[") + 1);
const CLOSE = EMPTY.slice(EMPTY.lastIndexOf("]"));

/** A chunk's written result before and after its score, or undefined when it cannot be cut. */
interface ResultPieces {
  head?: string;
  tail?: string;
}

function piecesOf(chunk: Chunk): ResultPieces {
  const written = serializeResponse(toSearchResponse([{ chunk, score: PLACEHOLDER, role: "match" }]));
  const marker = `,"score":${serializeScore(PLACEHOLDER)},`;
  const at = written.indexOf(marker);
  if (!written.startsWith(OPEN) || !written.endsWith(CLOSE) || at < 0 || written.indexOf(marker, at + 1) >= 0) return {};
  const result = written.slice(OPEN.length, written.length - CLOSE.length);
  const cut = at - OPEN.length + `,"score":`.length;
  return { head: result.slice(0, cut), tail: result.slice(cut + serializeScore(PLACEHOLDER).length) };
}

const recentPieces = recentByChunk(4096, piecesOf);

/** The body the contract serializer writes for toSearchResponse(passages), to the byte. */
export function searchResponseBody(passages: readonly Passage[]): string {
  let body = OPEN;
  for (let i = 0; i < passages.length; i++) {
    const { chunk, score } = passages[i]!;
    const { head, tail } = recentPieces(chunk);
    if (head === undefined || tail === undefined) return serializeResponse(toSearchResponse(passages));
    body += (i > 0 ? "," : "") + head + serializeScore(score) + tail;
  }
  return body + CLOSE;
}
