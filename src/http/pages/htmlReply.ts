import type { FastifyReply } from "fastify";
import { PAGE_CSP } from "./escapeHtml.js";

/** Send a server-rendered page with the pages' own CSP, never cached. */
export function sendHtml(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-security-policy", PAGE_CSP)
    .header("cache-control", "no-cache")
    .send(html);
}
