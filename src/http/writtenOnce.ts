import type { FastifyReply } from "fastify";
import { keptByACache } from "./perVersionCache.js";

/**
 * A route's JSON body, written once per result object a cache keeps. The per-version caches
 * (answerCache.ts, searchCache.ts) hand back the very object they stored, so a repeated question
 * skips mapping and serializing too, and is sent as the bytes it was sent as before. A result no
 * cache kept (a new question's, most of them) is not remembered: it never comes back, and each
 * entry for a short-lived key was weak-map work for the collector (~1 µs a request). A fresh
 * result is written by the route's own writer, which must write what the contract serializer
 * (responseSerializer.ts) writes from the route's response schema, to the byte (searchBody.ts,
 * answerBody.ts), so the public contract is identical either way.
 */
export function bodyWrittenOnce<R extends object>(write: (result: R) => string | Buffer) {
  const bodies = new WeakMap<R, string | Buffer>();
  return (reply: FastifyReply, result: R): FastifyReply => {
    let body = bodies.get(result);
    if (body === undefined) {
      body = write(result);
      // The caches keep a result before the route sends it (searchCache.ts, answerCache.ts).
      if (keptByACache(result)) bodies.set(result, body);
    }
    // A string or bytes with a JSON content type go out as they are: Fastify's serializer is not run again.
    return reply.type("application/json; charset=utf-8").send(body);
  };
}
