import type { FastifyReply } from "fastify";
import type { z } from "zod";
import { compileResponseSerializer } from "./responseSerializer.js";

/**
 * A route's JSON body, written once per result object. The per-version caches (answerCache.ts,
 * searchCache.ts) hand back the very object they stored, so a repeated question skips mapping
 * and serializing too, and is sent as the bytes it was sent as before. A fresh result is written
 * once, as Fastify would: by the same contract serializer (responseSerializer.ts) from the same
 * response schema, so the public contract is identical either way.
 */
export function jsonWrittenOnce<R extends object>(schema: z.ZodType, toResponse: (result: R) => unknown) {
  const serialize = compileResponseSerializer(schema);
  return bodyWrittenOnce<R>((result) => serialize(toResponse(result)));
}

/** jsonWrittenOnce with the route's own writer, which must write what the contract serializer would (searchBody.ts). */
export function bodyWrittenOnce<R extends object>(write: (result: R) => string) {
  const bodies = new WeakMap<R, string>();
  return (reply: FastifyReply, result: R): FastifyReply => {
    let body = bodies.get(result);
    if (body === undefined) {
      body = write(result);
      bodies.set(result, body);
    }
    // A string with a JSON content type goes out as is: Fastify's serializer is not run again.
    return reply.type("application/json; charset=utf-8").send(body);
  };
}
