import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCorpus } from "../../../src/corpus/loadCorpus.js";
import type { CorpusDocument } from "../../../src/corpus/types.js";
import { indexReadModel } from "../../../src/http/indexReadModel.js";
import { pagesPlugin } from "../../../src/http/pages/pagesPlugin.js";
import { useContractCompilers } from "../../../src/http/responseSerializer.js";
import { widgetPathsUnder } from "../../../src/http/pages/widgetBundle.js";

let app: FastifyInstance;
let dir: string;
let outFile: string;
let documents: CorpusDocument[];
let indexLoaded = true;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "pages-plugin-"));
  outFile = path.join(dir, "dist", "widget.js");
  documents = (await loadCorpus(path.resolve("tests/fixtures/widget/corpus"))).documents;
  app = Fastify();
  useContractCompilers(app);
  const corpus = indexReadModel({ version: "v1", documents, chunks: [], resources: [] });
  await app.register(pagesPlugin, {
    corpus: () => (indexLoaded ? corpus : undefined),
    widget: { entryFile: widgetPathsUnder(process.cwd()).entryFile, outFile },
    warmOnReady: false,
  });
});
afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

describe("GET /widget.js", () => {
  it("builds the missing bundle on first request and serves it with cache headers", async () => {
    await expect(stat(outFile)).rejects.toThrow();
    const res = await app.inject({ url: "/widget.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("public, max-age=300");
    expect(res.headers.etag).toMatch(/^"w-[A-Za-z0-9_-]{22}"$/);
    expect(res.body).toContain("roadmap-tutor-widget");
    expect((await stat(outFile)).size).toBe(res.rawPayload.length);
  });

  it("answers 304 to a matching If-None-Match (strong, weak or in a list) and 200 otherwise", async () => {
    const { etag } = (await app.inject({ url: "/widget.js" })).headers;
    for (const header of [String(etag), `W/${etag}`, `"other", ${etag}`]) {
      const res = await app.inject({ url: "/widget.js", headers: { "if-none-match": header } });
      expect(res.statusCode, header).toBe(304);
      expect(res.body).toBe("");
      expect(res.headers.etag).toBe(etag);
    }
    expect((await app.inject({ url: "/widget.js", headers: { "if-none-match": '"stale"' } })).statusCode).toBe(200);
  });

  it("sends gzip to clients that accept it", async () => {
    const plain = await app.inject({ url: "/widget.js" });
    const gz = await app.inject({ url: "/widget.js", headers: { "accept-encoding": "gzip, br" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers.vary).toBe("accept-encoding");
    expect(gz.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  });
});

describe("GET / (demo page)", () => {
  it("is an article embedding the widget with one script tag and its own CSP", async () => {
    const res = await app.inject({ url: "/", headers: { host: "tutor.example:3000" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(res.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(res.body).toMatch(/<script src="\/widget\.js" data-starters="[^"]+" defer><\/script>/);
    expect(res.body).toContain(
      "&lt;script src=&quot;http://tutor.example:3000/widget.js&quot; data-endpoint=&quot;http://tutor.example:3000&quot; defer&gt;",
    );
  });
});

describe("GET /documents/:id (document view)", () => {
  it("renders every line with an L<n> anchor and escapes document text", async () => {
    const doc = documents[0];
    if (!doc) throw new Error("fixture corpus is empty");
    const res = await app.inject({ url: `/documents/${doc.id}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
    for (let n = 1; n <= doc.lineCount; n++) expect(res.body).toContain(`id="L${n}"`);
    expect(res.body).not.toContain(`id="L${doc.lineCount + 1}"`);
    // The fixture's passage contains <img onerror> and <script>: only escaped forms may appear.
    expect(res.body).toContain("&lt;img src=x onerror=&quot;window.__xss=&#39;passage-img&#39;&quot;&gt;");
    expect(res.body).toContain("&lt;script&gt;window.__xss=&#39;passage-script&#39;&lt;/script&gt;");
    expect(res.body).not.toContain("<img");
    expect(res.body.match(/<script\b/g)).toEqual(["<script"]);
    expect(res.body).toContain('<script src="/assets/document-view.js" defer></script>');
    // Users' documents are served for citations, not for search engines.
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).toContain('<a href="#L3">第一阶段：理解提示注入</a>');
  });

  it("finds a document by its source path too", async () => {
    const doc = documents[0];
    const res = await app.inject({ url: `/documents/${encodeURIComponent(doc?.source ?? "")}` });
    expect(res.statusCode).toBe(200);
  });

  it("answers 404 for an unknown id, escaping the id it echoes", async () => {
    const res = await app.inject({ url: `/documents/${encodeURIComponent("<b>nope</b>")}` });
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain("&lt;b&gt;nope&lt;/b&gt;");
    expect(res.body).not.toContain("<b>nope");
  });

  it("answers 503 with Retry-After before the index is loaded", async () => {
    indexLoaded = false;
    try {
      const res = await app.inject({ url: `/documents/${documents[0]?.id}` });
      expect(res.statusCode).toBe(503);
      expect(res.headers["retry-after"]).toBe("5");
    } finally {
      indexLoaded = true;
    }
  });

  it("serves the highlight script that reads #L<start>-L<end>", async () => {
    const res = await app.inject({ url: "/assets/document-view.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(res.body).toContain("hashchange");
  });
});
