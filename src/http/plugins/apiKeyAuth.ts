import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { Unauthorized } from "../../errors.js";

export interface ApiKeyAuthOptions {
  /** Accepted keys; empty means the API is open. */
  keys: string[];
  /** URL prefixes that need a key. */
  protectedPrefixes: string[];
}

// Hash both sides to a fixed length so timingSafeEqual never throws on length and the
// comparison time does not depend on how much of a guessed key matches.
function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

export function keyMatches(candidate: string, accepted: Buffer[]): boolean {
  const probe = digest(candidate);
  let ok = false;
  for (const key of accepted) ok = timingSafeEqual(probe, key) || ok;
  return ok;
}

/**
 * Require `Authorization: Bearer <key>` on the protected prefixes when keys are configured.
 * Added as a root-level hook (not an encapsulated plugin) so it covers every route.
 * CORS preflights pass: browsers never send credentials on them.
 */
export function registerApiKeyAuth(app: FastifyInstance, options: ApiKeyAuthOptions): void {
  if (options.keys.length === 0) return;
  const accepted = options.keys.map(digest);
  app.addHook("onRequest", async (request) => {
    if (request.method === "OPTIONS") return;
    const path = request.url.split("?")[0] ?? "";
    if (!options.protectedPrefixes.some((prefix) => path.startsWith(prefix))) return;
    const header = request.headers.authorization ?? "";
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1]) throw new Unauthorized("Missing API key: send `Authorization: Bearer <key>`.");
    if (!keyMatches(match[1].trim(), accepted)) throw new Unauthorized("Invalid API key.");
  });
}
