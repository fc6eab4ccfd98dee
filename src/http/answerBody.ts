import type { AnswerResult, Citation } from "../answering/types.js";
import { RecentlyUsed } from "../text/recentlyUsed.js";
import { answerResponseSchema } from "./contract/answers.js";
import { toAnswerResponse } from "./responseMapping.js";
import { compileResponseSerializer } from "./responseSerializer.js";
import { INTEGER_SCHEMA, jsonWriter, STRING_SCHEMA } from "./responseWriters.js";

/**
 * The /api/ask JSON body, with each citation's passage written once. A citation is its chunk's
 * fields (id, text, heading path, url, linked-from …) around two values of its own, its number
 * and its role; the passages' texts are most of an answer's bytes, and the contract serializer
 * escaped them again for every distinct question although the same chunks are cited question
 * after question. Here a recently cited passage keeps the serializer's own output for its
 * citation, cut around the number and the role, and a body is the answer written without
 * citations with those pieces put in. The bytes are the serializer's (tests/http/answerBody.test.ts
 * compares them). Kept by citation id, and used only when every field it was written from is
 * still the citation's: two index versions can give one id another text.
 *
 * The pieces are kept, and the body is made, as UTF-8 bytes: a body sent as a string was measured
 * (Buffer.byteLength by Fastify, then encoding by the socket) at more CPU than writing it, for
 * every distinct answer and again for every repeated one sent from the answer cache, while the
 * passages' bytes are the same each time. Only the answer's own part is encoded per answer.
 */
const serializeResponse = compileResponseSerializer(answerResponseSchema);
const serializeInteger = jsonWriter(INTEGER_SCHEMA);
const serializeString = jsonWriter(STRING_SCHEMA);

const CITATIONS_OPEN = `,"citations":[`;
const NUMBER_OPEN = `{"n":`;
const ROLE_OPEN = `"role":`;

/** A citation as written, without its number and role: `{"n":` N `,` middle `"role":` R tail, in UTF-8. */
interface CitationPieces {
  /** What it was written from: the pieces hold for a citation with these same fields only. */
  from: Citation;
  middle: Buffer;
  tail: Buffer;
}

/** The written citation cut around its number and role, or undefined when it cannot be cut so. */
function piecesOf(citation: Citation): CitationPieces | undefined {
  const probe = { ...citation, n: 1, role: "match" as const };
  const written = writtenCitations([probe]);
  if (written === undefined) return undefined;
  const head = `${NUMBER_OPEN}${serializeInteger(1)},`;
  const role = `${ROLE_OPEN}${serializeString("match")}`;
  // In written JSON a quote inside a string is always escaped: `"role":` cannot occur in the
  // passage's text or headings, only as the field. Checked anyway, once per passage.
  const at = written.indexOf(role);
  if (!written.startsWith(head) || at < 0 || written.indexOf(role, at + 1) >= 0) return undefined;
  return { from: citation, middle: Buffer.from(written.slice(head.length, at)), tail: Buffer.from(written.slice(at + role.length)) };
}

/** The citations as the serializer writes them inside an answer, without the brackets. */
function writtenCitations(citations: Citation[]): string | undefined {
  const written = serializeResponse(toAnswerResponse(withCitations(EMPTY_RESULT, citations)));
  const open = written.indexOf(CITATIONS_OPEN);
  const close = written.lastIndexOf(`],"abstained":`);
  return open < 0 || close < open ? undefined : written.slice(open + CITATIONS_OPEN.length, close);
}

const EMPTY_RESULT: AnswerResult = {
  answer: "",
  citations: [],
  abstained: false,
  confidence: "high",
  mode: "extractive",
  language: "zh",
  standaloneQuestion: "",
  removedCitations: 0,
  timings: { retrieveMs: 0, generateMs: 0 },
};

const withCitations = (result: AnswerResult, citations: Citation[]): AnswerResult => ({ ...result, citations });

const samePath = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((heading, i) => heading === b[i]);

/** Whether `b` has every field that pieces written from `a` hold (all but the number and role). */
function sameWritten(a: Citation, b: Citation): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.docId !== b.docId || a.source !== b.source || a.title !== b.title || a.text !== b.text || a.url !== b.url)
    return false;
  if (a.lines.start !== b.lines.start || a.lines.end !== b.lines.end || !samePath(a.headingPath, b.headingPath)) return false;
  const [x, y] = [a.linkedFrom, b.linkedFrom];
  if (x === undefined || y === undefined) return x === y;
  return x.length === y.length && x.every((from, i) => from.title === y[i]!.title && samePath(from.headingPath, y[i]!.headingPath));
}

const recentPieces = new RecentlyUsed<string, CitationPieces>(4096);

function citationPieces(citation: Citation): CitationPieces | undefined {
  const known = recentPieces.get(citation.id);
  if (known && sameWritten(known.from, citation)) return known;
  const pieces = piecesOf(citation);
  if (pieces) recentPieces.set(citation.id, pieces);
  return pieces;
}

/** `"role":` and the role as written, in UTF-8, for the few roles there are. */
const writtenRoles = new Map<string, Buffer>();
const MAX_ROLES = 16;

function writtenRole(role: string): Buffer {
  let written = writtenRoles.get(role);
  if (written === undefined) {
    written = Buffer.from(`${ROLE_OPEN}${serializeString(role)}`);
    if (writtenRoles.size < MAX_ROLES) writtenRoles.set(role, written);
  }
  return written;
}

/** `,"citations":[]` as the serializer writes an answer without citations: where the pieces go. */
const NO_CITATIONS = `${CITATIONS_OPEN}]`;

/** The body the contract serializer writes for toAnswerResponse(result), to the byte, as UTF-8. */
export function answerResponseBody(result: AnswerResult): Buffer {
  const whole = () => Buffer.from(serializeResponse(toAnswerResponse(result)));
  if (result.citations.length === 0) return whole();
  const heads: string[] = [];
  const cut: CitationPieces[] = [];
  const roles: Buffer[] = [];
  let size = 0;
  for (let i = 0; i < result.citations.length; i++) {
    const citation = result.citations[i]!;
    const pieces = citationPieces(citation);
    // A number or role the contract refuses is written (and refused) by the serializer itself.
    if (!pieces || !Number.isInteger(citation.n) || citation.n < 1) return whole();
    // Digits and punctuation only: as many bytes as characters.
    const head = `${i > 0 ? "," : ""}${NUMBER_OPEN}${serializeInteger(citation.n)},`;
    const role = writtenRole(citation.role);
    heads.push(head);
    cut.push(pieces);
    roles.push(role);
    size += head.length + pieces.middle.length + role.length + pieces.tail.length;
  }
  // In written JSON a quote inside a string is escaped: `,"citations":[]` is only ever the field.
  const rest = serializeResponse(toAnswerResponse(withCitations(result, [])));
  const at = rest.indexOf(NO_CITATIONS);
  if (at < 0) return whole();
  const open = at + CITATIONS_OPEN.length;
  // The answer's own part is encoded straight into the body, around the pieces.
  const body = Buffer.allocUnsafe(Buffer.byteLength(rest) + size);
  let end = body.write(rest.slice(0, open), 0);
  for (let i = 0; i < cut.length; i++) {
    end += body.write(heads[i]!, end, "latin1");
    end += cut[i]!.middle.copy(body, end);
    end += roles[i]!.copy(body, end);
    end += cut[i]!.tail.copy(body, end);
  }
  body.write(rest.slice(open), end);
  return body;
}
