import { createHash, timingSafeEqual } from "node:crypto";
import { normalizeIP } from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { Forbidden, TooManyRequests, Unauthorized } from "../../errors.js";
import { publicBaseUrl } from "../documentLinks.js";
import { surfaceOf, type Surface } from "../routeConfig.js";
import { AuthFailureBudget, SharedAuthFailureBudget, type FailureBudget } from "./authFailureBudget.js";

export interface ApiKeyAuthOptions {
  /** API_KEYS; empty means the API surfaces are open (local use). */
  apiKeys: string[];
  /** ADMIN_KEY; without it admin routes refuse everyone. */
  adminKey?: string | undefined;
  /** Surfaces served without a key even when API_KEYS is set (PUBLIC_ROUTES). */
  publicSurfaces: readonly ("widget" | "documents")[];
  /** Origins whose pages may call the public widget routes (ALLOWED_ORIGINS); the server's own origin always may. */
  allowedOrigins: string[];
  /** PUBLIC_BASE_URL, whose origin counts as the server's own. */
  publicBaseUrl?: string | undefined;
  failureBudget: { max: number; windowMs: number };
}

// Hash both sides to a fixed length so timingSafeEqual never throws on length and the
// comparison time does not depend on how much of a guessed key matches.
function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** The accepted key that matches, or undefined. Compares against every key so timing does not say which. */
export function matchingKey(candidate: string, accepted: Buffer[]): Buffer | undefined {
  const probe = digest(candidate);
  let found: Buffer | undefined;
  for (const key of accepted) if (timingSafeEqual(probe, key)) found = key;
  return found;
}

/**
 * The last address read and its key. Requests come in runs from one address (a proxy's, a load
 * balancer's, a busy client's), and normalizeIP runs Node's IPv6 pattern and lowercases the address
 * for each of them (a percent of a repeated search's server CPU). null, not undefined: a request
 * without an address (an aborted socket) still fails in normalizeIP as before.
 */
let lastAddress: string | null = null;
let lastAddressId = "";

/** The client's address as a limiter key; IPv6 clients are grouped by /64, as @fastify/rate-limit does, so one host cannot rotate addresses. */
export function addressId(ip: string): string {
  if (ip !== lastAddress) {
    lastAddressId = `ip:${normalizeIP(ip)}`;
    lastAddress = ip;
  }
  return lastAddressId;
}

function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? "");
  const token = match?.[1]?.trim();
  return token ? token : undefined;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/**
 * Authentication, decided from the route the router matched (its `config.auth`, see
 * routeConfig.ts), never from the raw URL: percent-encoding, double slashes or case tricks in
 * the path cannot reach a route without passing its surface's check.
 *
 * Also sets `request.clientId`, what rate limits and the in-flight cap count against: the key
 * only once it has been verified (a made-up Bearer token gets no bucket of its own), else the
 * address. Wrong keys are counted per address; past the budget: 429 + Retry-After.
 */
export const apiKeyAuthPlugin = fp<ApiKeyAuthOptions>(
  async (app, options) => {
    const apiKeys = options.apiKeys.map(digest);
    const adminKeys = options.adminKey ? [digest(options.adminKey)] : [];
    const { max, windowMs } = options.failureBudget;
    // With REDIS_URL the budget is shared by every replica (registered after tutor-redis in app.ts).
    const failures: FailureBudget = app.sharedRedis
      ? new SharedAuthFailureBudget(app.sharedRedis, max, windowMs)
      : new AuthFailureBudget(max, windowMs);
    const publicSurfaces = new Set<Surface>(options.publicSurfaces.includes("widget") ? ["widget", "documents"] : options.publicSurfaces);
    const configuredOrigin = options.publicBaseUrl ? originOf(options.publicBaseUrl) : undefined;

    app.decorateRequest("clientId", "");

    /** Verify a presented key; counts a wrong one. Returns the client id for a right one. */
    const verify = async (request: FastifyRequest, token: string, accepted: Buffer[], what: string): Promise<string> => {
      const address = addressId(request.ip);
      const wait = await failures.blockedFor(address);
      if (wait !== undefined) {
        throw new TooManyRequests(`Too many failed key checks from this address; retry in ${wait} s.`, wait, "too_many_auth_failures");
      }
      const key = matchingKey(token, accepted);
      if (!key) {
        await failures.recordFailure(address);
        throw new Unauthorized(`Invalid ${what}.`);
      }
      return `key:${key.toString("hex").slice(0, 24)}`;
    };

    const checkOrigin = (request: FastifyRequest): void => {
      const origin = request.headers.origin;
      const own = configuredOrigin ?? publicBaseUrl(request, undefined);
      if (origin && (origin === own || options.allowedOrigins.includes(origin))) return;
      throw new Forbidden(
        origin
          ? "This origin may not use the public widget routes: add it to ALLOWED_ORIGINS, or send an API key."
          : "Public widget routes answer browser pages from ALLOWED_ORIGINS (Origin header) or requests with an API key.",
      );
    };

    /** A presented key verified, then the request counted against it. */
    const verified = async (request: FastifyRequest, token: string, accepted: Buffer[], what: string): Promise<void> => {
      request.clientId = await verify(request, token, accepted, what);
    };

    /**
     * What a request needs before its route: nothing (undefined), a key to verify (the promise), or
     * a refusal (thrown).
     */
    const authenticate = (request: FastifyRequest): Promise<void> | undefined => {
      request.clientId = addressId(request.ip);
      // CORS preflights carry no credentials by design; @fastify/cors answers them.
      if (request.method === "OPTIONS") return;
      // Fastify builds routeOptions afresh at each read (a dozen members and a constraint lookup): read once.
      const { config, url } = request.routeOptions;
      const surface = surfaceOf(config, url);
      if (surface === undefined || surface === "public") return;
      const token = bearerToken(request);

      if (surface === "admin") {
        if (!token) throw new Unauthorized("Admin routes need `Authorization: Bearer <ADMIN_KEY>`.");
        return verified(request, token, adminKeys, "admin key");
      }
      if (apiKeys.length === 0) return; // no API_KEYS: the API is open (local use)
      if (token) return verified(request, token, apiKeys, "API key");
      if (publicSurfaces.has(surface)) {
        // A key-less browser call: only pages the owner listed may use the owner's budget.
        // Document views are navigations (no Origin header), so only rate limits apply to them.
        if (surface === "widget") checkOrigin(request);
        return;
      }
      throw new Unauthorized("Missing API key: send `Authorization: Bearer <key>`.");
    };

    // A callback hook, not an async one: a request that needs no key check (an open API, a
    // public route, a key-less widget call) goes on at once, without a promise and a microtask.
    // Fastify treats done(error) as it treats an async hook's rejection.
    app.addHook("onRequest", (request, _reply, done) => {
      let pending: Promise<void> | undefined;
      try {
        pending = authenticate(request);
      } catch (error) {
        done(error as Error);
        return;
      }
      if (pending) pending.then(() => done(), done);
      else done();
    });
  },
  { name: "tutor-api-key-auth" },
);
