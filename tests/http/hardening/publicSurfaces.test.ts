import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../../src/config.js";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const KEY = "blog-owner-key-000000000001";
const BLOG = "https://blog.example.com";

async function firstDocumentId(app: TestApp): Promise<string> {
  const list = await app.app.inject({ url: "/api/documents", headers: { authorization: `Bearer ${KEY}` } });
  return list.json().documents[0].id as string;
}

const ask = (headers: Record<string, string>, remoteAddress?: string) => ({
  method: "POST" as const,
  url: "/api/ask",
  headers,
  payload: { question: "学完 LoRA 之后该学什么" },
  ...(remoteAddress ? { remoteAddress } : {}),
});
const chat = (headers: Record<string, string>) => ({
  method: "POST" as const,
  url: "/v1/chat/completions",
  headers,
  payload: { model: "roadmap-tutor", messages: [{ role: "user", content: "学完 LoRA 之后该学什么" }] },
});

describe("PUBLIC_ROUTES=widget: the blog setup (issue 13 item 20)", () => {
  it("the widget's routes answer a listed page without a key, while /v1 and the rest of the API refuse", async () => {
    t = await buildTestApp({ env: { API_KEYS: KEY, PUBLIC_ROUTES: "widget", ALLOWED_ORIGINS: BLOG } });
    const answer = await t.app.inject(ask({ origin: BLOG }));
    expect(answer.statusCode).toBe(200);
    expect(answer.json().answer.length).toBeGreaterThan(0);

    // Same origin as the server (the demo page at /) counts as listed.
    expect((await t.app.inject(ask({ origin: "http://localhost:80" }))).statusCode).toBe(200);

    // /v1 is a free model proxy in LLM mode: always behind the key, whatever the Origin says.
    const v1 = await t.app.inject(chat({ origin: BLOG }));
    expect(v1.statusCode).toBe(401);
    expect(v1.json().error.type).toBe("authentication_error");
    expect((await t.app.inject({ url: "/v1/models", headers: { origin: BLOG } })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: "POST", url: "/api/search", headers: { origin: BLOG }, payload: { query: "RAG" } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject(chat({ authorization: `Bearer ${KEY}` }))).statusCode).toBe(200);

    // The document view citations link to is public too (a navigation: no Origin header).
    const view = await t.app.inject({ url: `/documents/${encodeURIComponent(await firstDocumentId(t))}` });
    expect(view.statusCode).toBe(200);
    expect(view.headers["content-type"]).toContain("text/html");
  });

  it("origin-checks key-less calls against ALLOWED_ORIGINS", async () => {
    t = await buildTestApp({ env: { API_KEYS: KEY, PUBLIC_ROUTES: "widget", ALLOWED_ORIGINS: BLOG } });
    const other = await t.app.inject(ask({ origin: "https://copycat.example.net" }));
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("forbidden");
    expect((await t.app.inject(ask({}))).statusCode).toBe(403);
    // A key works from anywhere; a wrong key is refused, not silently treated as public.
    expect((await t.app.inject(ask({ authorization: `Bearer ${KEY}` }))).statusCode).toBe(200);
    expect((await t.app.inject(ask({ origin: BLOG, authorization: "Bearer made-up-key-0000000000" }))).statusCode).toBe(401);
  });

  it("rate-limits the public widget per address", async () => {
    t = await buildTestApp({
      env: { API_KEYS: KEY, PUBLIC_ROUTES: "widget", ALLOWED_ORIGINS: BLOG, RATE_LIMIT_MAX: "2", RATE_LIMIT_WINDOW: "1m" },
    });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.app.inject(ask({ origin: BLOG }))).statusCode);
    expect(statuses).toEqual([200, 200, 429, 429]);
    expect((await t.app.inject(ask({ origin: BLOG }, "192.0.2.10"))).statusCode).toBe(200);
  });

  it("PUBLIC_ROUTES needs API_KEYS and accepts only known surfaces", () => {
    expect(() => parseConfig({ PUBLIC_ROUTES: "widget" })).toThrow(/PUBLIC_ROUTES.*API_KEYS/);
    expect(() => parseConfig({ PUBLIC_ROUTES: "v1", API_KEYS: KEY })).toThrow(/PUBLIC_ROUTES/);
  });
});

describe("/documents/:id (issue 13 item 18)", () => {
  it("is protected like the API when API_KEYS is set", async () => {
    t = await buildTestApp({ env: { API_KEYS: KEY } });
    const url = `/documents/${encodeURIComponent(await firstDocumentId(t))}`;
    const refused = await t.app.inject({ url });
    expect(refused.statusCode).toBe(401);
    expect(refused.body).not.toContain("LoRA");
    expect((await t.app.inject({ url, headers: { authorization: `Bearer ${KEY}` } })).statusCode).toBe(200);
  });

  it("PUBLIC_ROUTES=documents opens only the document view", async () => {
    t = await buildTestApp({ env: { API_KEYS: KEY, PUBLIC_ROUTES: "documents", ALLOWED_ORIGINS: BLOG } });
    const url = `/documents/${encodeURIComponent(await firstDocumentId(t))}`;
    expect((await t.app.inject({ url })).statusCode).toBe(200);
    expect((await t.app.inject(ask({ origin: BLOG }))).statusCode).toBe(401);
  });
});
