/**
 * Child process: the smallest load balancer that is fair to compare against, a round-robin
 * HTTP proxy on node:http with keep-alive connections to each upstream (what nginx or a cloud
 * load balancer does in front of replicas, without their tuning). argv[2..] are the upstream
 * ports on 127.0.0.1. Sends {type:"ready", port}; answers {type:"stats"}; stops on SIGTERM.
 */
import http from "node:http";
import { sendToParent } from "./childProcess.js";
import { processStats } from "./processStats.js";

const upstreams = process.argv.slice(2).map(Number);
if (upstreams.length === 0 || upstreams.some((port) => !Number.isInteger(port) || port <= 0)) {
  console.error("usage: roundRobinProxyProcess PORT...");
  process.exit(2);
}
// One pool per upstream; enough sockets for the benchmark's 32 connections on either.
const agents = upstreams.map(() => new http.Agent({ keepAlive: true, maxSockets: 64 }));
const UPSTREAM_TIMEOUT_MS = 30_000;
let next = 0;

const server = http.createServer((request, response) => {
  const index = next;
  next = (next + 1) % upstreams.length;
  const upstream = http.request(
    {
      host: "127.0.0.1",
      port: upstreams[index],
      method: request.method,
      path: request.url,
      headers: request.headers,
      agent: agents[index],
      timeout: UPSTREAM_TIMEOUT_MS,
    },
    (reply) => {
      response.writeHead(reply.statusCode ?? 502, reply.headers);
      reply.pipe(response);
    },
  );
  upstream.on("timeout", () => upstream.destroy(new Error("upstream timeout")));
  upstream.on("error", () => {
    if (!response.headersSent) response.writeHead(502, { "content-type": "text/plain" });
    response.end("bad gateway");
  });
  request.pipe(upstream);
});

server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  process.on("message", (message: { type?: string }) => {
    if (message.type === "stats") void sendToParent({ type: "stats", ...processStats() });
  });
  process.on("SIGTERM", () => {
    server.close();
    for (const agent of agents) agent.destroy();
    process.exit(0);
  });
  void sendToParent({ type: "ready", port });
});
