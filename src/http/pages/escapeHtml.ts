import escape from "escape-html";

/**
 * Escape text for HTML element content and double- or single-quoted attribute values
 * (& < > " ' by the maintained `escape-html`). The widget does not use this: it builds its DOM
 * with textContent, so it needs no escaper and stays dependency-free for its bundle budget.
 */
export function escapeHtml(text: string): string {
  return escape(text);
}

/** The pages' own CSP: scripts only from this server, no inline script, no upgrade of http. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");
