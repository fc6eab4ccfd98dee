import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { forkScript, type ChildHandle } from "../../scripts/bench/childProcess.js";
import { readyPort, type ServerMessage } from "../../scripts/bench/serverMessages.js";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An upstream that answers with its own name and echoes the request body. */
async function upstream(name: string): Promise<number> {
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    request.on("end", () => response.writeHead(201, { "x-upstream": name }).end(`${name}:${request.method} ${request.url} ${body}`));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
  return (server.address() as AddressInfo).port;
}

describe("bench round-robin proxy (npm run bench -- http --replicas N)", () => {
  it("sends requests to each upstream in turn and relays method, path, body and status", async () => {
    const ports = [await upstream("a"), await upstream("b")];
    const proxy: ChildHandle<ServerMessage> = forkScript("roundRobinProxyProcess", ports.map(String));
    cleanups.push(() => proxy.stop());
    const base = `http://127.0.0.1:${await readyPort(proxy)}`;
    const replies = [];
    for (let i = 0; i < 4; i++) {
      const response = await fetch(`${base}/api/search?i=${i}`, { method: "POST", body: `q${i}` });
      replies.push(`${response.status} ${await response.text()}`);
    }
    expect(replies).toEqual([
      "201 a:POST /api/search?i=0 q0",
      "201 b:POST /api/search?i=1 q1",
      "201 a:POST /api/search?i=2 q2",
      "201 b:POST /api/search?i=3 q3",
    ]);
  });
});
