import type { FastifyInstance } from "fastify";

export interface RouteEntry {
  method: string;
  /** The route pattern, e.g. /api/documents/:id */
  url: string;
}

/**
 * Every route the app serves, read from Fastify's own route table (printRoutes), so a route
 * added tomorrow is in the list without anyone editing a test.
 */
export function routeTable(app: FastifyInstance): RouteEntry[] {
  const entries: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? "").length / 4;
    const segment = match[2] ?? "";
    stack.length = depth;
    const parent = stack[depth - 1] ?? "";
    const full = parent.endsWith("/") || segment.startsWith("/") || parent === "" ? parent + segment : `${parent}/${segment}`;
    stack.push(full);
    for (const method of (match[3] ?? "")
      .split(",")
      .map((m) => m.trim())
      .filter(Boolean))
      entries.push({ method, url: full });
  }
  return entries;
}
