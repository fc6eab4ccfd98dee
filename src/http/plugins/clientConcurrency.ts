import fp from "fastify-plugin";
import { TooManyRequests } from "../../errors.js";
import { surfaceOf } from "../routeConfig.js";

export interface ClientConcurrencyOptions {
  /** CLIENT_MAX_IN_FLIGHT; 0 turns the cap off. */
  maxInFlight: number;
}

/**
 * Fairness: one client (verified key, else address) may have at most `maxInFlight` requests in
 * flight; the next gets 429 + Retry-After at once. Without it, a client opening many connections
 * queues its work ahead of everyone else's on the one event loop. Public routes (health,
 * static assets, docs) are cheap and exempt. Registered after the auth plugin (needs clientId).
 */
export const clientConcurrencyPlugin = fp<ClientConcurrencyOptions>(
  async (app, { maxInFlight }) => {
    if (maxInFlight === 0) return;
    const inFlight = new Map<string, number>();

    app.addHook("onRequest", async (request, reply) => {
      // Fastify builds routeOptions afresh at each read (a dozen members and a constraint lookup): read once.
      const { config, url } = request.routeOptions;
      const surface = surfaceOf(config, url);
      if (surface === undefined || surface === "public" || request.method === "OPTIONS") return;
      const client = request.clientId;
      const count = inFlight.get(client) ?? 0;
      if (count >= maxInFlight) {
        throw new TooManyRequests(
          `This client already has ${maxInFlight} requests in flight; wait for one to finish.`,
          1,
          "too_many_in_flight",
        );
      }
      inFlight.set(client, count + 1);
      // "close" fires once per response however it ends: sent, streamed (hijacked) or aborted.
      reply.raw.once("close", () => {
        const left = (inFlight.get(client) ?? 1) - 1;
        if (left <= 0) inFlight.delete(client);
        else inFlight.set(client, left);
      });
    });
  },
  { name: "tutor-client-concurrency", dependencies: ["tutor-api-key-auth"] },
);
