/**
 * Child process: the baseline. A bare Fastify app (no plugins, no validation) whose one route
 * parses the JSON body and returns a fixed JSON body (argv[2]) of the size /api/search returns.
 */
import Fastify from "fastify";
import { serveFromChild } from "./serveFromChild.js";

serveFromChild(async () => {
  const body = process.argv[2] ?? "{}";
  const app = Fastify({ logger: false });
  app.post("/bare", async (_request, reply) => reply.header("content-type", "application/json; charset=utf-8").send(body));
  return app;
});
