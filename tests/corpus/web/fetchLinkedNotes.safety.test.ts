import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchLinkedNotes } from "../../../src/corpus/web/fetchLinkedNotes.js";
import type { FetchLinkedNotesOptions, HostLookup } from "../../../src/corpus/web/types.js";
import type { Resource } from "../../../src/corpus/types.js";
import { page, startSiteServer, type RouteHandler, type SiteServer } from "./support/siteServer.js";
import { makeTempCorpus, resourceFor, type TempCorpus } from "./support/linkFixtures.js";

const ARTICLE = `<html><head><title>Transformers</title></head><body><article><h1>Transformers</h1>
<p>Self-attention relates every token to every other token in the sequence, which is why transformers replaced recurrent networks for language modelling tasks.</p></article></body></html>`;

const redirectTo = (location: string): RouteHandler => (_request, response) => void response.writeHead(302, { location }).end();

describe("fetchLinkedNotes: politeness and safety", () => {
  let site: SiteServer;
  let corpus: TempCorpus;

  beforeEach(async () => {
    site = await startSiteServer({
      "/robots.txt": page("User-agent: *\nDisallow: /private/\n\nUser-agent: OtherBot\nDisallow: /\n", "text/plain"),
      "/article": page(ARTICLE, "text/html"),
      "/private/page": page(ARTICLE, "text/html"),
      "/hang": () => undefined,
      "/stall-body": (_request, response) => {
        response.writeHead(200, { "content-type": "text/html" });
        response.write("<html><body><p>first bytes arrive, then nothing");
      },
      "/big-chunked": (_request, response) => {
        response.writeHead(200, { "content-type": "text/html" });
        for (let i = 0; i < 50; i += 1) response.write(`<p>${"x".repeat(2000)}</p>`);
        response.end();
      },
      "/big-declared": (_request, response) => {
        response.writeHead(200, { "content-type": "text/html", "content-length": "100000" });
        response.end("x".repeat(100_000));
      },
    });
    // Two redirect chains: /ok0 → … → /ok5 (5 hops, allowed) and /long0 → … → /long6 (6 hops, refused).
    for (let i = 0; i < 5; i += 1) site.route(`/ok${i}`, redirectTo(`/ok${i + 1}`));
    site.route("/ok5", page(ARTICLE, "text/html"));
    for (let i = 0; i < 6; i += 1) site.route(`/long${i}`, redirectTo(`${site.origin}/long${i + 1}`));
    site.route("/long6", page(ARTICLE, "text/html"));
    corpus = await makeTempCorpus();
  });
  afterEach(async () => {
    await site.close();
    await corpus.cleanup();
  });

  const run = (resources: Resource[], extra: Partial<FetchLinkedNotesOptions> = {}) =>
    fetchLinkedNotes({ corpusDir: corpus.dir, resources, allowPrivateHosts: true, perHostDelayMs: 0, timeoutMs: 2000, ...extra });
  const outcomeFor = (summary: Awaited<ReturnType<typeof run>>, suffix: string) => summary.outcomes.find((o) => o.url.endsWith(suffix));

  it("respects robots.txt for its own user agent", async () => {
    const summary = await run([resourceFor(`${site.origin}/private/page`), resourceFor(`${site.origin}/article`)]);
    expect(summary).toMatchObject({ total: 2, fetched: 1, skipped: 1 });
    expect(outcomeFor(summary, "/private/page")).toMatchObject({ kind: "skipped", reason: `disallowed by ${site.origin}/robots.txt` });
    expect(site.requestsTo("/private/page")).toHaveLength(0);
    expect(site.requestsTo("/robots.txt")).toHaveLength(1);
    expect(await corpus.noteFiles()).toHaveLength(1);
  });

  it("treats a missing robots.txt as no rules and an erroring one as keep out", async () => {
    site.route("/robots.txt", (_request, response) => void response.writeHead(404).end());
    expect(await run([resourceFor(`${site.origin}/private/page`)])).toMatchObject({ fetched: 1 });
    site.route("/robots.txt", (_request, response) => void response.writeHead(503).end());
    const corpus2 = await makeTempCorpus();
    const summary = await fetchLinkedNotes({ corpusDir: corpus2.dir, resources: [resourceFor(`${site.origin}/article`)], allowPrivateHosts: true, perHostDelayMs: 0 });
    await corpus2.cleanup();
    expect(summary.outcomes[0]).toMatchObject({ kind: "skipped", reason: `robots.txt of ${site.origin} could not be read` });
  });

  it("reports a 404 with its status and the document line that links to it, without failing other links", async () => {
    const summary = await run([
      resourceFor(`${site.origin}/missing`, { source: "roadmaps/003_roadmap.txt", line: 88, headingPath: ["书籍"] }),
      resourceFor(`${site.origin}/article`),
    ]);
    expect(summary).toMatchObject({ total: 2, fetched: 1, failed: 1 });
    expect(outcomeFor(summary, "/missing")).toEqual({
      url: `${site.origin}/missing`,
      kind: "failed",
      status: 404,
      reason: `${site.origin}/missing answered HTTP 404`,
      written: false,
      linkedFrom: [{ doc: "roadmaps/003_roadmap.txt", headingPath: ["书籍"], line: 88 }],
    });
  });

  it("gives up on a page slower than the timeout, headers or body", async () => {
    const started = Date.now();
    const summary = await run([resourceFor(`${site.origin}/hang`), resourceFor(`${site.origin}/stall-body`)], { timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(summary).toMatchObject({ failed: 2, fetched: 0 });
    expect(outcomeFor(summary, "/hang")?.reason).toBe(`${site.origin}/hang: no complete answer within 300 ms`);
    expect(outcomeFor(summary, "/stall-body")?.reason).toBe(`${site.origin}/stall-body: no complete answer within 300 ms`);
  });

  it("follows 5 redirects and refuses the 6th", async () => {
    const summary = await run([resourceFor(`${site.origin}/ok0`), resourceFor(`${site.origin}/long0`)]);
    expect(outcomeFor(summary, "/ok0")).toMatchObject({ kind: "fetched" });
    expect(outcomeFor(summary, "/long0")).toMatchObject({ kind: "failed", reason: `${site.origin}/long0: more than 5 redirects` });
    expect(site.requestsTo("/long6")).toHaveLength(0);
  });

  it("aborts a body past maxBytes, streamed or declared", async () => {
    const summary = await run([resourceFor(`${site.origin}/big-chunked`), resourceFor(`${site.origin}/big-declared`)], { maxBytes: 20_000 });
    expect(summary).toMatchObject({ failed: 2, fetched: 0 });
    expect(outcomeFor(summary, "/big-chunked")?.reason).toBe(`${site.origin}/big-chunked: body exceeds the 20000-byte limit`);
    expect(outcomeFor(summary, "/big-declared")?.reason).toBe(`${site.origin}/big-declared: body of 100000 bytes exceeds the 20000-byte limit`);
    expect(await corpus.noteFiles()).toEqual([]);
  });

  it("never fetches file:, other schemes, video sites or images", async () => {
    const summary = await run([
      resourceFor("file:///etc/passwd"),
      resourceFor("ftp://example.org/pub/paper.txt"),
      resourceFor("https://www.bilibili.com/video/BV1H44y1t75x/"),
      resourceFor("https://www.youtube.com/watch?v=kCc8FmEb1nY"),
      resourceFor("https://s2.loli.net/2024/09/05/oKB5wZPCIe3mUuQ.png"),
    ]);
    expect(summary).toMatchObject({ total: 5, skipped: 5, fetched: 0, failed: 0 });
    expect(summary.outcomes.map((o) => o.reason)).toEqual([
      "scheme file: is never fetched",
      "scheme ftp: is never fetched",
      "video site: no readable text",
      "video site: no readable text",
      "image or media file: no readable text",
    ]);
    expect(await corpus.noteFiles()).toEqual([]);
  });

  it("refuses private, loopback and metadata addresses unless allowPrivateHosts", async () => {
    const lookup: HostLookup = async (host) =>
      ({
        "intranet.example": [{ address: "10.0.0.5", family: 4 }],
        "mixed.example": [
          { address: "93.184.216.34", family: 4 },
          { address: "192.168.1.10", family: 4 },
        ],
      })[host] ?? [];
    const summary = await run(
      [
        resourceFor(`${site.origin}/article`),
        resourceFor("http://intranet.example/wiki"),
        resourceFor("http://mixed.example/"),
        resourceFor("http://169.254.169.254/latest/meta-data/"),
        resourceFor("http://[::1]:8080/"),
      ],
      { allowPrivateHosts: false, lookup },
    );
    expect(summary).toMatchObject({ total: 5, skipped: 5, fetched: 0 });
    const reasons = summary.outcomes.map((o) => o.reason ?? "");
    expect(reasons[0]).toContain("non-public address (127.0.0.1)");
    expect(reasons[1]).toContain("non-public address (10.0.0.5)");
    expect(reasons[2]).toContain("non-public address (192.168.1.10)");
    expect(reasons[3]).toContain("non-public address (169.254.169.254)");
    expect(reasons[4]).toContain("non-public address (::1)");
    expect(site.requests).toHaveLength(0);
  });

  it("checks every redirect hop: a public host redirecting to the metadata address is refused", async () => {
    // public.example "resolves" to a public address; the fetch routes it to the test server.
    const attempted: string[] = [];
    const routedFetch: typeof fetch = (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      attempted.push(url.href);
      if (url.hostname === "public.example") return fetch(`${site.origin}${url.pathname}${url.search}`, init);
      return Promise.reject(new Error(`test network: no route to ${url.host}`));
    };
    site.route("/to-metadata", redirectTo("http://169.254.169.254/latest/meta-data/iam"));
    const summary = await run([resourceFor("http://public.example/to-metadata"), resourceFor("http://public.example/article")], {
      allowPrivateHosts: false,
      fetch: routedFetch,
      lookup: async () => [{ address: "93.184.216.34", family: 4 }],
    });
    expect(outcomeFor(summary, "/to-metadata")).toMatchObject({ kind: "skipped" });
    expect(outcomeFor(summary, "/to-metadata")?.reason).toContain("non-public address (169.254.169.254)");
    expect(outcomeFor(summary, "/article")).toMatchObject({ kind: "fetched" });
    expect(attempted.some((u) => u.includes("169.254.169.254"))).toBe(false);
  });

  it("keeps at most 2 requests in flight per host and spaces their starts", async () => {
    const slow: RouteHandler = (_request, response) =>
      void setTimeout(() => response.writeHead(200, { "content-type": "text/html" }).end(ARTICLE), 80);
    const paths = ["/s1", "/s2", "/s3", "/s4", "/s5", "/s6"];
    for (const p of paths) site.route(p, slow);
    // Start times are taken where the scheduler releases a request (the fetch call), not at the
    // server, so connection jitter on a busy machine cannot shrink the measured gaps.
    const starts: number[] = [];
    const timedFetch: typeof fetch = (input, init) => {
      starts.push(performance.now());
      return fetch(input, init);
    };
    const summary = await run(
      paths.map((p) => resourceFor(`${site.origin}${p}`)),
      { perHostConcurrency: 2, perHostDelayMs: 60, fetch: timedFetch },
    );
    expect(summary).toMatchObject({ total: 6, fetched: 6 });
    expect(site.maxInFlight()).toBe(2);
    expect(starts).toHaveLength(7); // robots.txt + 6 pages
    // Starts are scheduled 60 ms apart per host. On a busy machine event-loop lag can delay one
    // start and so shrink the gap to the next, but lag only ever delays: the span from the first
    // to the last start is at least the five scheduled delays between the six pages.
    const span = (starts.at(-1) ?? 0) - (starts[0] ?? 0);
    expect(span).toBeGreaterThanOrEqual(5 * 60 - 5);
  });
});
