import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";
import { routeTable } from "../../support/routeTable.js";

/** The published OpenAPI document: every route in it with its responses, and a real linter's verdict. */

interface Operation {
  operationId?: string;
  security?: unknown[];
  responses: Record<string, unknown>;
}

let t: TestApp;
let document: { paths: Record<string, Record<string, Operation>> };
beforeAll(async () => {
  // No index needed: the document describes routes, not data. ADMIN_KEY registers the admin routes.
  t = await buildTestApp({ withoutIndex: true, env: { ADMIN_KEY: "openapi-test-admin-key-01" } });
  await t.app.ready();
  document = t.app.swagger() as unknown as typeof document;
});
afterAll(async () => t?.close());

/** Static assets (scripts the pages load) and the docs UI itself are not API operations. */
const isAsset = (url: string) => url.endsWith(".js") || url === "/docs" || url.startsWith("/docs/");

describe("OpenAPI document", () => {
  it("documents every route, each with a success, a client-error and a server-error response", () => {
    const routes = routeTable(t.app).filter((r) => r.method !== "HEAD" && r.method !== "OPTIONS" && !isAsset(r.url));
    expect(routes.length).toBeGreaterThanOrEqual(19);
    for (const route of routes) {
      const openApiPath = route.url.replace(/:(\w+)/g, "{$1}");
      const operation = document.paths[openApiPath]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url} is not documented`).toBeDefined();
      const codes = Object.keys(operation!.responses);
      expect(operation!.operationId).toBeTruthy();
      // /v1/responses exists only to say "not implemented": it has no success response.
      if (route.url !== "/v1/responses")
        expect(
          codes.some((c) => c.startsWith("2")),
          `${route.url}: ${codes.join(",")}`,
        ).toBe(true);
      expect(codes.some((c) => c.startsWith("4"))).toBe(true);
      expect(codes.some((c) => c.startsWith("5"))).toBe(true);
    }
  });

  it("marks public routes as needing no key and admin routes as needing ADMIN_KEY", () => {
    expect(document.paths["/healthz"]?.get?.security).toEqual([]);
    expect(document.paths["/admin/reindex"]?.post?.security).toEqual([{ adminKey: [] }]);
    expect(document.paths["/api/ask"]?.post?.security).toBeUndefined();
  });

  it("passes redocly lint with the recommended rules, with no errors", async () => {
    const file = path.join(t.dir, "openapi.json");
    await writeFile(file, JSON.stringify(document));
    const redocly = path.resolve("node_modules/.bin/redocly");
    const run = promisify(execFile);
    const { stdout, stderr } = await run(redocly, ["lint", "--extends", "recommended", "--format", "summary", file], {
      env: { ...process.env, REDOCLY_TELEMETRY: "off" },
    }).catch((error: { stdout: string; stderr: string }) => ({ stdout: `FAILED\n${error.stdout}`, stderr: error.stderr }));
    const output = `${stdout}\n${stderr}`;
    expect(output).not.toContain("FAILED");
    expect(output).not.toMatch(/^error\s/m);
    expect(output).toContain("valid");
  }, 60_000);
});
