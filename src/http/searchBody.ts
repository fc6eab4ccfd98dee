import type { Chunk } from "../chunking/types.js";
import { recentByChunk } from "../retrieval/recentByChunk.js";
import type { Passage } from "../retrieval/types.js";
import { searchResponseSchema } from "./contract/search.js";
import { toSearchResponse } from "./responseMapping.js";
import { compileResponseSerializer } from "./responseSerializer.js";
import { jsonWriter, NUMBER_SCHEMA } from "./responseWriters.js";

/**
 * The /api/search body, written from each passage's chunk written once. A result is its chunk's
 * fields (id, text, links …) around one number, the score: the contract serializer escaped every
 * passage's whole text again for every distinct question, although the same chunks come back
 * question after question. Here each recent chunk keeps the serializer's own output for its
 * result, cut at the score, and a body is those pieces joined around the scores, each written
 * as the serializer writes a number. The bytes are the serializer's (tests/http/searchBody.test.ts
 * compares them); a chunk whose written result cannot be cut so falls back to the serializer.
 *
 * The pieces are kept as UTF-8 bytes and a body is copied together from them: encoding the joined
 * text into a Buffer for every distinct question (~4 KB, most of it Chinese) cost several times
 * what joining it did.
 */
const serializeResponse = compileResponseSerializer(searchResponseSchema);
const serializeScore = jsonWriter(NUMBER_SCHEMA);

/** A score no chunk field can write by accident: the cut is found at `,"score":<this>,`. */
const PLACEHOLDER = -1.234567890123e-300;
const EMPTY = serializeResponse(toSearchResponse([]));
const OPEN = EMPTY.slice(0, EMPTY.lastIndexOf("[") + 1);
const CLOSE = EMPTY.slice(EMPTY.lastIndexOf("]"));
const OPEN_BYTES = Buffer.from(OPEN, "utf8");
const CLOSE_BYTES = Buffer.from(CLOSE, "utf8");
const COMMA = 0x2c;

/** A chunk's written result before and after its score, as UTF-8, or nothing when it cannot be cut. */
interface ResultPieces {
  headBytes?: Buffer;
  tailBytes?: Buffer;
}

function piecesOf(chunk: Chunk): ResultPieces {
  const written = serializeResponse(toSearchResponse([{ chunk, score: PLACEHOLDER, role: "match" }]));
  const marker = `,"score":${serializeScore(PLACEHOLDER)},`;
  const at = written.indexOf(marker);
  if (!written.startsWith(OPEN) || !written.endsWith(CLOSE) || at < 0 || written.indexOf(marker, at + 1) >= 0) return {};
  const result = written.slice(OPEN.length, written.length - CLOSE.length);
  const cut = at - OPEN.length + `,"score":`.length;
  const head = result.slice(0, cut);
  const tail = result.slice(cut + serializeScore(PLACEHOLDER).length);
  // Cut between two ASCII characters: the pieces' UTF-8 bytes joined are the result's.
  return { headBytes: Buffer.from(head, "utf8"), tailBytes: Buffer.from(tail, "utf8") };
}

const recentPieces = recentByChunk(4096, piecesOf);

/** The body the contract serializer writes for toSearchResponse(passages), to the byte, as UTF-8 copied together from the chunks' encoded pieces. */
export function searchResponseBytes(passages: readonly Passage[]): Buffer {
  const heads: Buffer[] = [];
  const tails: Buffer[] = [];
  const scores: string[] = [];
  let length = OPEN_BYTES.length + CLOSE_BYTES.length + Math.max(0, passages.length - 1);
  for (const { chunk, score } of passages) {
    const { headBytes, tailBytes } = recentPieces(chunk);
    if (headBytes === undefined || tailBytes === undefined) return Buffer.from(serializeResponse(toSearchResponse(passages)), "utf8");
    // A number is written in ASCII: a character per byte.
    const written = serializeScore(score);
    heads.push(headBytes);
    tails.push(tailBytes);
    scores.push(written);
    length += headBytes.length + written.length + tailBytes.length;
  }
  // Not from the shared pool: a body the search cache keeps would hold a pool's 8 KB alive.
  const body = Buffer.allocUnsafeSlow(length);
  body.set(OPEN_BYTES, 0);
  let at = OPEN_BYTES.length;
  for (let i = 0; i < heads.length; i++) {
    if (i > 0) body[at++] = COMMA;
    body.set(heads[i]!, at);
    at += heads[i]!.length;
    at += body.write(scores[i]!, at, "latin1");
    body.set(tails[i]!, at);
    at += tails[i]!.length;
  }
  body.set(CLOSE_BYTES, at);
  return body;
}
