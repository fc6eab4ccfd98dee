/**
 * Child process: the baseline. A bare Fastify app (no plugins, no validation) whose one route
 * parses the JSON body and returns a fixed JSON body (argv[2]) of the size /api/search returns.
 */
import Fastify from "fastify";
import { sendToParent } from "./childProcess.js";
import { processStats } from "./processStats.js";

async function main(): Promise<void> {
  const body = process.argv[2] ?? "{}";
  const app = Fastify({ logger: false });
  app.post("/bare", async (_request, reply) => reply.header("content-type", "application/json; charset=utf-8").send(body));
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.on("message", (message: { type?: string }) => {
    if (message.type === "stats") void sendToParent({ type: "stats", ...processStats() });
  });
  process.on("SIGTERM", () => {
    void app.close().then(() => process.exit(0));
  });
  await sendToParent({ type: "ready", port });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
