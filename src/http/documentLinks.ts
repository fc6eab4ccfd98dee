import type { FastifyRequest } from "fastify";
import type { Citation } from "../answering/types.js";

/** The base URL links in answers should use: PUBLIC_BASE_URL, else what the client called. */
export function publicBaseUrl(request: FastifyRequest, configured: string | undefined): string {
  if (configured) return configured.replace(/\/+$/, "");
  return `${request.protocol}://${request.host}`;
}

/**
 * Where a reader lands when clicking a citation: the original page for web notes and links,
 * else the document view with the cited lines highlighted.
 */
export function citationUrl(baseUrl: string, citation: Citation): string {
  if (citation.url) return citation.url;
  return `${baseUrl}/documents/${encodeURIComponent(citation.docId)}#L${citation.lines.start}-L${citation.lines.end}`;
}
