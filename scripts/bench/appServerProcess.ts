/**
 * Child process: the real product (openTutor + buildApp, as `npm start` wires it) listening on
 * 127.0.0.1 with an ephemeral port. argv[2] is the environment for parseConfig as JSON.
 * Sends {type:"ready", port}; answers {type:"stats"} with its CPU and memory use.
 */
import { buildTutorApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { openTutor } from "../../src/tutor.js";
import { sendToParent } from "./childProcess.js";
import { processStats } from "./processStats.js";

async function main(): Promise<void> {
  const config = parseConfig(JSON.parse(process.argv[2] ?? "{}") as Record<string, string>);
  const tutor = await openTutor(config, { buildIfMissing: true });
  const app = await buildTutorApp(tutor);
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
