import type { FastifyInstance } from "fastify";
import { sendToParent } from "./childProcess.js";
import { processStats } from "./processStats.js";

/**
 * The child side of a benchmark server: listen on an ephemeral 127.0.0.1 port, report CPU and
 * memory on request, stop on SIGTERM, and tell the parent the port. Fatal errors exit 1.
 */
export function serveFromChild(build: () => Promise<FastifyInstance>): void {
  const main = async () => {
    const app = await build();
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
  };
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}
