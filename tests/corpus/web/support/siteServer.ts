/**
 * A real HTTP server on 127.0.0.1 standing in for the web sites roadmaps link to. Each route is
 * a handler; every request is recorded (path, headers, start time) and in-flight requests are
 * counted so politeness limits can be asserted.
 */
import { createServer } from "node:http";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface SiteRequest {
  path: string;
  headers: IncomingHttpHeaders;
  startedAt: number;
}

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface SiteServer {
  origin: string;
  requests: SiteRequest[];
  /** Most requests that were in flight at the same moment. */
  maxInFlight: () => number;
  route(path: string, handler: RouteHandler): void;
  requestsTo(path: string): SiteRequest[];
  close(): Promise<void>;
}

export async function startSiteServer(routes: Record<string, RouteHandler> = {}): Promise<SiteServer> {
  const table = new Map(Object.entries(routes));
  const requests: SiteRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((request, response) => {
    const path = request.url ?? "/";
    requests.push({ path, headers: request.headers, startedAt: Date.now() });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    response.on("close", () => {
      inFlight -= 1;
    });
    const handler = table.get(path.split("?")[0] ?? path);
    if (!handler) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    Promise.resolve(handler(request, response)).catch(() => response.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    route: (path, handler) => void table.set(path, handler),
    requestsTo: (path) => requests.filter((r) => r.path === path),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Serves a fixed body with the given content type and optional validators; answers 304 when they match. */
export function page(
  body: string | Uint8Array,
  contentType: string,
  validators: { etag?: string; lastModified?: string } = {},
): RouteHandler {
  return (request, response) => {
    const headers: Record<string, string> = { "content-type": contentType };
    if (validators.etag) headers["etag"] = validators.etag;
    if (validators.lastModified) headers["last-modified"] = validators.lastModified;
    const matches =
      (validators.etag !== undefined && request.headers["if-none-match"] === validators.etag) ||
      (validators.etag === undefined && validators.lastModified !== undefined && request.headers["if-modified-since"] === validators.lastModified);
    if (matches) {
      response.writeHead(304, headers).end();
      return;
    }
    response.writeHead(200, headers).end(body);
  };
}
