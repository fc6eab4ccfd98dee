import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";
import { routeTable, type RouteEntry } from "../../support/routeTable.js";

const API_KEY = "api-key-for-bypass-tests-0001";
const ADMIN_KEY = "admin-key-for-bypass-tests-01";

// Routes anyone may call. Everything else the app serves must refuse a request without a key.
const PUBLIC = [/^\/$/, /^\/healthz$/, /^\/readyz$/, /^\/widget\.js$/, /^\/assets\//, /^\/docs(\/|$)/, /^\*$/];

let t: TestApp;
let routes: RouteEntry[];
beforeAll(async () => {
  t = await buildTestApp({ env: { API_KEYS: API_KEY, ADMIN_KEY, AUTH_FAILURE_MAX: "100000" } });
  routes = routeTable(t.app).filter((r) => r.method !== "OPTIONS" && !PUBLIC.some((p) => p.test(r.url)));
}, 120_000);
afterAll(async () => {
  await t?.tutor.reindex.settled(); // the with-key check of POST /admin/reindex started one
  await t?.close();
});

function concrete(pattern: string): string {
  return pattern.replace(/:[a-zA-Z]+/g, "llm-roadmap");
}

function percentEncode(text: string): string {
  return Array.from(text, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`).join("");
}

/** Ways to spell a path that a router might match while a prefix check on the raw URL does not. */
function variants(path: string): string[] {
  const [, first = "", ...rest] = path.split("/");
  const tail = rest.length > 0 ? `/${rest.join("/")}` : "";
  const mixed = path.replace(/[a-z]/g, (c, i: number) => (i % 2 ? c.toUpperCase() : c));
  return [
    `/${percentEncode(first.slice(0, 1))}${first.slice(1)}${tail}`, // /%61pi/ask
    `/${percentEncode(first)}${tail}`, // /%76%31/chat/completions
    `/${first}${tail.replace(/[a-z]/, (c) => percentEncode(c))}`, // /api/%61sk
    `/${percentEncode(first).toUpperCase()}${tail}`,
    `/${first}%2f${tail.slice(1)}`,
    `/${path}`, // //api/ask
    `/${first}/${tail}`, // /api//ask
    `${path}.`,
    `/${first}.${tail}`,
    `${path}/`,
    `${path}/.`,
    `/${first}/.${tail}`,
    `/x/..${path}`,
    `${path};x=1`,
    path.toUpperCase(),
    mixed,
    `${path}?x=/healthz`,
  ];
}

async function call(route: RouteEntry, url: string, authorization?: string) {
  return t.app.inject({
    method: route.method as "GET",
    url,
    ...(route.method === "POST" ? { payload: {} } : {}),
    ...(authorization ? { headers: { authorization } } : {}),
  });
}

describe("protection is decided from the matched route, not the raw URL", () => {
  it("finds the protected routes in the app's own route table", () => {
    const urls = new Set(routes.map((r) => r.url));
    for (const url of [
      "/api/ask",
      "/api/search",
      "/api/documents/:id",
      "/v1/chat/completions",
      "/v1/models",
      "/admin/reindex",
      "/documents/:id",
    ]) {
      expect(urls).toContain(url);
    }
  });

  it("every protected route refuses a request without a key, however its path is spelled", async () => {
    const reached: string[] = [];
    for (const route of routes) {
      const path = concrete(route.url);
      // The route is real: with its key it is not refused.
      const key = route.url.startsWith("/admin/") ? ADMIN_KEY : API_KEY;
      expect((await call(route, path, `Bearer ${key}`)).statusCode, `${route.method} ${path} with key`).not.toBe(401);
      for (const url of [path, ...variants(path)]) {
        const res = await call(route, url);
        // 401: the route's check ran; 404: no route matched; 400 bad_url: invalid encoding.
        // Anything else (200, 400 validation, 503 ...) means the handler's pipeline was reached.
        const allowed = res.statusCode === 401 || res.statusCode === 404 || (res.statusCode === 400 && res.json().error.code === "bad_url");
        if (!allowed) reached.push(`${route.method} ${url} -> ${res.statusCode}`);
      }
    }
    expect(reached).toEqual([]);
  });

  it("a wrong key is refused on every protected route too", async () => {
    for (const route of routes) {
      const res = await call(route, concrete(route.url), "Bearer not-the-right-key-at-all-000");
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
    }
  });
});
