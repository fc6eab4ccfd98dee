import type { FastifyPluginAsync } from "fastify";
import { htmlPageResponses } from "../contract/common.js";
import type { CorpusReadModel } from "../readModel.js";
import { renderDemoPage } from "./demoPage.js";
import { DOCUMENT_VIEW_SCRIPT, DOCUMENT_VIEW_SCRIPT_PATH, renderDocumentView, renderMessagePage } from "./documentView.js";
import { createWidgetAssetLoader, widgetPathsUnder, type WidgetPaths } from "./widgetBundle.js";
import { sendHtml } from "./htmlReply.js";
import { publicBaseUrl } from "../documentLinks.js";

export interface PagesPluginOptions {
  /** The live read model, or undefined while no index is loaded (the document view then answers 503). */
  corpus: () => Pick<CorpusReadModel, "findDocument"> | undefined;
  /** Widget source entry and built file. Default: src/widget/main.ts and dist/widget/widget.js under process.cwd(). */
  widget?: WidgetPaths;
  /** PUBLIC_BASE_URL: the origin shown in the demo page's snippet (default: what the browser called). */
  publicBaseUrl?: string | undefined;
  /** Build the widget in the background as soon as the server is ready, so no visitor waits. Default true. */
  warmOnReady?: boolean;
}

/** Clients revalidate with the ETag after this; the URL is not versioned, so keep it short. */
const WIDGET_CACHE_CONTROL = "public, max-age=300";

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((candidate) => {
    const value = candidate.trim();
    return value === "*" || value === etag || value === `W/${etag}`;
  });
}

/**
 * The HTML side of the server: `/widget.js` (built from src/widget on first use), the demo page
 * at `/`, and the document view `/documents/:id` that citation links open (#L10-L20 highlights
 * the cited lines). Register after helmet/cors so their headers apply; this plugin replaces
 * the CSP on its HTML pages with its own (PAGE_CSP).
 */
export const pagesPlugin: FastifyPluginAsync<PagesPluginOptions> = async (app, options) => {
  const loadWidget = createWidgetAssetLoader(options.widget ?? widgetPathsUnder(process.cwd()));

  if (options.warmOnReady ?? true) {
    app.addHook("onReady", async () => {
      loadWidget().catch((error: unknown) => app.log.warn({ err: error }, "widget build failed; /widget.js will retry on request"));
    });
  }

  app.get("/widget.js", { schema: { hide: true }, config: { auth: "public" } }, async (request, reply) => {
    const asset = await loadWidget();
    void reply
      .header("content-type", "text/javascript; charset=utf-8")
      .header("cache-control", WIDGET_CACHE_CONTROL)
      .header("etag", asset.etag)
      .header("vary", "accept-encoding");
    if (etagMatches(request.headers["if-none-match"], asset.etag)) return reply.status(304).send();
    if (/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) {
      return reply.header("content-encoding", "gzip").send(asset.gzipped);
    }
    return reply.send(asset.body);
  });

  app.get(DOCUMENT_VIEW_SCRIPT_PATH, { schema: { hide: true }, config: { auth: "public" } }, async (_request, reply) =>
    reply
      .header("content-type", "text/javascript; charset=utf-8")
      .header("cache-control", "public, max-age=3600")
      .send(DOCUMENT_VIEW_SCRIPT),
  );

  app.get(
    "/",
    {
      schema: {
        tags: ["pages"],
        summary: "Demo page with the chat widget",
        operationId: "demoPage",
        response: htmlPageResponses("The demo page."),
      },
      config: { auth: "public" },
    },
    async (request, reply) => sendHtml(reply, 200, renderDemoPage(publicBaseUrl(request, options.publicBaseUrl))),
  );

  // Full document text: behind API_KEYS like the API, unless PUBLIC_ROUTES opens it (plugins/apiKeyAuth.ts).
  app.get<{ Params: { id: string } }>(
    "/documents/:id",
    {
      schema: {
        tags: ["pages"],
        summary: "A document as a page; #L10-L20 highlights the cited lines",
        operationId: "documentPage",
        response: htmlPageResponses("The document view."),
      },
      config: { auth: "documents" },
    },
    async (request, reply) => {
      const corpus = options.corpus();
      if (!corpus) {
        void reply.header("retry-after", "5");
        return sendHtml(
          reply,
          503,
          renderMessagePage("Index not ready", "The document index is still loading. Try again in a few seconds."),
        );
      }
      const { id } = request.params;
      const doc = corpus.findDocument(id);
      if (!doc) return sendHtml(reply, 404, renderMessagePage("Document not found", `No document with id "${id}".`));
      return sendHtml(reply, 200, renderDocumentView(doc));
    },
  );
};
