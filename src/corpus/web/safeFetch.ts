import { UpstreamFailed, UpstreamTimeout } from "../../errors.js";
import type { FetchImplementation, HostLookup } from "./types.js";
import { LinkRefused, assertFetchableUrl } from "./urlSafety.js";

export const READABLE_CONTENT_TYPES = ["text/html", "application/xhtml+xml", "text/plain", "text/markdown", "application/pdf"] as const;

export interface SafeFetchOptions {
  fetch: FetchImplementation;
  lookup: HostLookup;
  allowPrivateHosts: boolean;
  timeoutMs: number;
  maxBytes: number;
  userAgent: string;
  maxRedirects: number;
  /** Mime types accepted for the final response; "any" for robots.txt. */
  allowedTypes: readonly string[] | "any";
  /** Validators from the cached note: makes the request conditional. */
  etag?: string;
  lastModified?: string;
}

export type SafeFetchResult =
  | { kind: "notModified"; url: string }
  | {
      kind: "ok";
      /** The URL after redirects. */
      url: string;
      status: number;
      /** Lower-case mime type without parameters, "" when absent. */
      mimeType: string;
      /** The charset parameter of Content-Type, if any. */
      charset?: string;
      body: Uint8Array;
      etag?: string;
      lastModified?: string;
    };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function parseContentType(header: string | null): { mimeType: string; charset?: string } {
  if (!header) return { mimeType: "" };
  const [type = "", ...params] = header.split(";");
  const charsetParam = params.map((p) => p.trim()).find((p) => /^charset=/i.test(p));
  const charset = charsetParam?.slice("charset=".length).replace(/^["']|["']$/g, "").trim();
  return charset ? { mimeType: type.trim().toLowerCase(), charset } : { mimeType: type.trim().toLowerCase() };
}

/**
 * GET with the limits a crawler needs: every redirect hop followed by hand and SSRF-checked
 * (before the request, and at connect time when `fetch` is a pinnedFetch),
 * one deadline for the whole exchange (headers and body), the body streamed and abandoned past
 * `maxBytes`, and only readable content types accepted. Errors name the URL and status only.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions): Promise<SafeFetchResult> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let current = rawUrl;
  try {
    for (let hop = 0; ; hop += 1) {
      const url = await untilAborted(assertFetchableUrl(current, options), signal);
      const headers: Record<string, string> = {
        "user-agent": options.userAgent,
        accept: "text/html,application/xhtml+xml,text/markdown,text/plain;q=0.9,application/pdf;q=0.8,*/*;q=0.1",
      };
      if (options.etag) headers["if-none-match"] = options.etag;
      if (options.lastModified) headers["if-modified-since"] = options.lastModified;
      const response = await options.fetch(url.href, { method: "GET", headers, redirect: "manual", signal });

      if (REDIRECT_STATUSES.has(response.status)) {
        await response.body?.cancel().catch(() => undefined);
        const location = response.headers.get("location");
        if (!location) throw new UpstreamFailed(`${url.href} answered ${response.status} without a Location`, response.status);
        if (hop >= options.maxRedirects) {
          throw new UpstreamFailed(`${rawUrl}: more than ${options.maxRedirects} redirects`, response.status);
        }
        current = new URL(location, url).href;
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: "notModified", url: url.href };
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel().catch(() => undefined);
        throw new UpstreamFailed(`${url.href} answered HTTP ${response.status}`, response.status);
      }

      const { mimeType, charset } = parseContentType(response.headers.get("content-type"));
      if (options.allowedTypes !== "any" && !options.allowedTypes.includes(mimeType)) {
        await response.body?.cancel().catch(() => undefined);
        throw new LinkRefused(`content type ${mimeType || "(none)"} is not readable text`);
      }
      const body = await readLimited(response, options.maxBytes, url.href);
      const etag = response.headers.get("etag");
      const lastModified = response.headers.get("last-modified");
      return {
        kind: "ok",
        url: url.href,
        status: response.status,
        mimeType,
        ...(charset ? { charset } : {}),
        body,
        ...(etag ? { etag } : {}),
        ...(lastModified ? { lastModified } : {}),
      };
    }
  } catch (error) {
    if (signal.aborted) throw new UpstreamTimeout(`${rawUrl}: no complete answer within ${options.timeoutMs} ms`, { cause: error });
    if (error instanceof LinkRefused || error instanceof UpstreamFailed) throw error;
    // A refusal at connect time (pinnedFetch) arrives wrapped: fetch failed ← connect ← lookup.
    const refusal = causeOfType(error, LinkRefused);
    if (refusal !== undefined) throw refusal;
    throw new UpstreamFailed(`${current}: request failed (${describeNetworkError(error)})`, undefined, { cause: error });
  }
}

/** dns.lookup cannot be cancelled; stop waiting for it when the deadline passes. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

async function readLimited(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new UpstreamFailed(`${url}: body of ${declared} bytes exceeds the ${maxBytes}-byte limit`, response.status);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new UpstreamFailed(`${url}: body exceeds the ${maxBytes}-byte limit`, response.status);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function causeOfType<T extends Error>(error: unknown, type: new (...args: never[]) => T): T | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    if (current instanceof type) return current;
  }
  return undefined;
}

function describeNetworkError(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  const code = (cause as { code?: unknown } | null)?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "network error";
}
