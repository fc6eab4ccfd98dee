import fp from "fastify-plugin";

/** How often, while closing, connections that have gone idle are closed. */
const IDLE_SWEEP_MS = 100;

/**
 * Shutdown: Node's server.close() closes the keep-alive connections idle at that moment, but a
 * connection still serving a response (a streamed answer) goes idle only when the response ends,
 * and then stays open until the client drops it (undici: 4 s; a browser: longer) or Fastify's
 * keep-alive timeout (72 s). The server could not exit before it, so a rolling restart waited out
 * SHUTDOWN_DEADLINE_MS. While closing, connections are closed as they go idle; nothing runs on the
 * request path.
 */
export const drainOnClosePlugin = fp(
  async (app) => {
    app.addHook("preClose", async () => {
      const sweep = setInterval(() => app.server.closeIdleConnections(), IDLE_SWEEP_MS);
      sweep.unref();
      app.server.once("close", () => clearInterval(sweep));
    });
  },
  { name: "tutor-drain-on-close" },
);
