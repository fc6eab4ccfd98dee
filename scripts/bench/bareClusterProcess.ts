/**
 * Child process: the baseline in N processes. argv: [body, workers, port]. With workers > 1 a
 * node:cluster primary forks N workers that each run the bare route of bareServerProcess.ts on
 * the shared port, as `WORKERS=N` runs the product; with 1 it serves in this process. Sends
 * {type:"ready", port} once every worker listens; stops (with its workers) on SIGTERM.
 */
import cluster from "node:cluster";
import Fastify from "fastify";
import { sendToParent } from "./childProcess.js";

const body = process.argv[2] ?? "{}";
const workers = Number(process.argv[3] ?? 1);
const port = Number(process.argv[4] ?? 0);

async function serve(): Promise<void> {
  const app = Fastify({ logger: false });
  app.post("/bare", async (_request, reply) => reply.header("content-type", "application/json; charset=utf-8").send(body));
  await app.listen({ host: "127.0.0.1", port });
  process.on("SIGTERM", () => {
    void app.close().then(() => process.exit(0));
  });
  if (workers <= 1) await sendToParent({ type: "ready", port });
}

function runPrimary(): void {
  let listening = 0;
  cluster.on("listening", () => {
    if (++listening === workers) void sendToParent({ type: "ready", port });
  });
  cluster.on("exit", (worker, code) => {
    if (!stopping) {
      console.error(`bare cluster worker ${worker.process.pid} exited (code ${String(code)})`);
      process.exit(1);
    }
  });
  let stopping = false;
  process.on("SIGTERM", () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    cluster.on("exit", () => {
      if (Object.values(cluster.workers ?? {}).every((w) => w === undefined || w.isDead())) process.exit(0);
    });
  });
  for (let i = 0; i < workers; i++) cluster.fork();
}

if (workers > 1 && cluster.isPrimary) runPrimary();
else
  serve().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
