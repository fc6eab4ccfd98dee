import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fetchLinkedNotes } from "../../../src/corpus/web/fetchLinkedNotes.js";
import { createPinnedFetch } from "../../../src/corpus/web/pinnedFetch.js";
import { READABLE_CONTENT_TYPES, safeFetch } from "../../../src/corpus/web/safeFetch.js";
import type { HostLookup } from "../../../src/corpus/web/types.js";
import { LinkRefused } from "../../../src/corpus/web/urlSafety.js";
import { page, startSiteServer, type SiteServer } from "./support/siteServer.js";
import { makeTempCorpus, resourceFor, type TempCorpus } from "./support/linkFixtures.js";

/**
 * DNS rebinding: a name that resolves to a public address when the SSRF check asks and to
 * 127.0.0.1 when the connection is made. The site server on 127.0.0.1 stands in for the internal
 * service; the hostile DNS server is a lookup function that answers differently the second time.
 * `localhost` is used as the name because the system resolver (what a plain fetch would use for
 * the connection) really does send it to 127.0.0.1.
 */

const ARTICLE = `<html><head><title>Internal</title></head><body><article><h1>Internal</h1><p>${"Secret internal admin page text. ".repeat(5)}</p></article></body></html>`;

/** Answers a public address to the first `checks` lookups, then 127.0.0.1. */
function rebindingLookup(checks = 1): { lookup: HostLookup; calls: string[] } {
  const calls: string[] = [];
  const lookup: HostLookup = async (host) => {
    calls.push(host);
    return calls.length <= checks ? [{ address: "93.184.216.34", family: 4 }] : [{ address: "127.0.0.1", family: 4 }];
  };
  return { lookup, calls };
}

let site: SiteServer;
let port: string;
beforeEach(async () => {
  site = await startSiteServer({ "/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/article": page(ARTICLE, "text/html") });
  port = new URL(site.origin).port;
});
afterEach(async () => {
  await site.close();
});

const fetchOptions = { timeoutMs: 3000, maxBytes: 1_000_000, userAgent: "test", maxRedirects: 3, allowedTypes: READABLE_CONTENT_TYPES };

describe("pinned fetch: the address is checked when the socket connects", () => {
  it("refuses a host that rebinds to 127.0.0.1 after passing the check, without any request reaching it", async () => {
    const { lookup, calls } = rebindingLookup();
    const pinned = await createPinnedFetch({ lookup, allowPrivateHosts: false });
    try {
      const error = await safeFetch(`http://localhost:${port}/article`, { ...fetchOptions, fetch: pinned.fetch, lookup, allowPrivateHosts: false }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LinkRefused);
      expect((error as Error).message).toContain("non-public address (127.0.0.1) when connecting");
    } finally {
      await pinned.close();
    }
    expect(calls).toEqual(["localhost", "localhost"]); // checked once before, once at connect
    expect(site.requests).toHaveLength(0);
  });

  it("connects to the address its lookup returned, not to what the system resolver says", async () => {
    const lookup: HostLookup = async () => [{ address: "127.0.0.1", family: 4 }];
    const pinned = await createPinnedFetch({ lookup, allowPrivateHosts: true });
    try {
      const result = await safeFetch(`http://pinned.invalid:${port}/article`, { ...fetchOptions, fetch: pinned.fetch, lookup, allowPrivateHosts: true });
      expect(result).toMatchObject({ kind: "ok", status: 200, mimeType: "text/html" });
    } finally {
      await pinned.close();
    }
    expect(site.requestsTo("/article")).toHaveLength(1);
  });
});

describe("fetchLinkedNotes uses the pinned fetch by default", () => {
  let corpus: TempCorpus;
  beforeEach(async () => {
    corpus = await makeTempCorpus();
  });
  afterEach(async () => {
    await corpus.cleanup();
  });

  it("skips a rebinding host and sends nothing to the internal address (robots.txt included)", async () => {
    // Two checks come before the first connection (the link, then its robots.txt): both see the
    // public address. A plain fetch would then connect wherever the system resolver says.
    const { lookup, calls } = rebindingLookup(2);
    const summary = await fetchLinkedNotes({ corpusDir: corpus.dir, resources: [resourceFor(`http://localhost:${port}/article`)], lookup, allowPrivateHosts: false, perHostDelayMs: 0, timeoutMs: 3000 });
    expect(summary).toMatchObject({ total: 1, fetched: 0, skipped: 1 });
    expect(calls.length).toBeGreaterThanOrEqual(3); // the third lookup is the connection's own
    expect(site.requests).toHaveLength(0);
    expect(await corpus.noteFiles()).toEqual([]);
  });
});
