import type { ChildHandle } from "./childProcess.js";
import type { ProcessStats } from "./processStats.js";

/** What the benchmark's server children (app, bare route, proxy) send their parent. */
export type ServerMessage = { type: "ready"; port: number } | ({ type: "stats" } & ProcessStats);

export async function readyPort(server: ChildHandle<ServerMessage>): Promise<number> {
  for (;;) {
    const message = await server.next(180_000);
    if (message.type === "ready") return message.port;
  }
}

export async function stats(server: ChildHandle<ServerMessage>): Promise<ProcessStats> {
  server.child.send({ type: "stats" });
  for (;;) {
    const message = await server.next(10_000);
    if (message.type === "stats") return message;
  }
}

/** CPU milliseconds (user + system) a process spent between two snapshots. */
export function cpuMsBetween(before: ProcessStats, after: ProcessStats): number {
  return after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs;
}
