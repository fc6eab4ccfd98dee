import { afterEach, describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../../src/config.js";
import { buildTestApp, type TestApp } from "../../support/buildTestApp.js";

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const KEY = "client-identity-key-0000001";

function search(headers: Record<string, string> = {}, remoteAddress?: string) {
  return t!.app.inject({
    method: "POST",
    url: "/api/search",
    headers,
    payload: { query: "RAG" },
    ...(remoteAddress ? { remoteAddress } : {}),
  });
}

describe("TRUST_PROXY (issue 13 item 2)", () => {
  it("ignores X-Forwarded-For by default: made-up addresses do not get fresh buckets", async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_MAX: "5", RATE_LIMIT_WINDOW: "1m" } });
    for (let i = 0; i < 5; i++) expect((await search()).statusCode).toBe(200);
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await search({ "x-forwarded-for": `203.0.113.${i}` })).statusCode);
    expect(statuses).toEqual(new Array(20).fill(429));
  });

  it("believes X-Forwarded-For only from a listed proxy", async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_MAX: "2", RATE_LIMIT_WINDOW: "1m", TRUST_PROXY: "127.0.0.1" } });
    // Through the trusted proxy (inject's peer is 127.0.0.1), each real client has its own bucket.
    for (let i = 0; i < 6; i++) expect((await search({ "x-forwarded-for": `203.0.113.${i}` })).statusCode).toBe(200);
    // A peer that is not the proxy cannot choose its address.
    const direct = [];
    for (let i = 0; i < 4; i++) direct.push((await search({ "x-forwarded-for": `198.51.100.${i}` }, "192.0.2.9")).statusCode);
    expect(direct).toEqual([200, 200, 429, 429]);
  });

  it("rejects a hop count and bad addresses at startup", () => {
    expect(() => parseConfig({ TRUST_PROXY: "2" })).toThrow(/TRUST_PROXY.*proxy addresses/);
    expect(() => parseConfig({ TRUST_PROXY: "proxy.internal" })).toThrow(/TRUST_PROXY/);
    expect(parseConfig({ TRUST_PROXY: "10.0.0.0/8, ::1" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "::1"]);
    expect(parseConfig({}).TRUST_PROXY).toBe(false);
  });
});

describe("citation links (issue 13 item 8, header part)", () => {
  const ask = () =>
    t!.app.inject({
      method: "POST",
      url: "/v1/chat/completions",
      headers: { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" },
      payload: { model: "roadmap-tutor", messages: [{ role: "user", content: "学完 LoRA 之后该学什么" }] },
    });

  it("X-Forwarded-Host/-Proto do not shape citation URLs unless the proxy is trusted", async () => {
    t = await buildTestApp();
    const urls: string[] = (await ask()).json().citations.map((c: { url: string }) => c.url);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).not.toContain("evil.example");
    await t.close();
    t = await buildTestApp({ env: { TRUST_PROXY: "127.0.0.1" } });
    const trusted: string[] = (await ask()).json().citations.map((c: { url: string }) => c.url);
    expect(trusted.some((url) => url.startsWith("https://evil.example/documents/"))).toBe(true);
  });

  it("PUBLIC_BASE_URL must be http(s)", () => {
    for (const bad of ["javascript:alert(1)", "ftp://tutor.example.com", "data:text/html,x"]) {
      expect(() => parseConfig({ PUBLIC_BASE_URL: bad }), bad).toThrow(/PUBLIC_BASE_URL/);
    }
    expect(parseConfig({ PUBLIC_BASE_URL: "https://tutor.example.com" }).PUBLIC_BASE_URL).toBe("https://tutor.example.com");
  });
});

describe("rate-limit identity (issue 13 item 3)", () => {
  it("an unverified Bearer token does not get its own bucket", async () => {
    t = await buildTestApp({ env: { RATE_LIMIT_MAX: "5", RATE_LIMIT_WINDOW: "1m" } });
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await search({ authorization: `Bearer x-${i}` })).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.slice(5)).toEqual(new Array(7).fill(429));
  });
});

describe("failed authentication (issue 13 item 4)", () => {
  it("answers 429 with Retry-After past the failure budget, per address", async () => {
    t = await buildTestApp({ env: { API_KEYS: KEY, AUTH_FAILURE_MAX: "5", AUTH_FAILURE_WINDOW: "10m" } });
    const wrong = [];
    for (let i = 0; i < 8; i++) wrong.push((await search({ authorization: `Bearer guess-${i}-000000000000` })).statusCode);
    expect(wrong).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    // Locked out: even the right key says nothing about itself from this address for a while.
    const locked = await search({ authorization: `Bearer ${KEY}` });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe("too_many_auth_failures");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    expect(locked.body).not.toContain(KEY);
    // Another address is unaffected.
    expect((await search({ authorization: `Bearer ${KEY}` }, "192.0.2.44")).statusCode).toBe(200);
  });

  it("counts wrong admin keys the same way", async () => {
    t = await buildTestApp({ env: { ADMIN_KEY: "admin-identity-key-000001", AUTH_FAILURE_MAX: "3" } });
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await t.app.inject({ url: "/admin/reindex", headers: { authorization: `Bearer wrong-admin-${i}-0000000` } })).statusCode,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("rejects short keys and an API_KEYS with no key at startup", () => {
    const error = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (e) {
        return e;
      }
      return undefined;
    };
    for (const env of [
      { API_KEYS: ",," },
      { API_KEYS: " , " },
      { API_KEYS: "short-key" },
      { API_KEYS: `${KEY},tooshort` },
      { ADMIN_KEY: "short" },
    ]) {
      const e = error(env);
      expect(e, JSON.stringify(env)).toBeInstanceOf(ConfigError);
      expect((e as Error).message).not.toContain("short-key");
    }
  });
});
