import type { Resource } from "../types.js";

/** One address a host name resolves to, as `dns.promises.lookup(host, { all: true })` returns it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has; injected so tests decide what "public" means. */
export type HostLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export type FetchImplementation = typeof globalThis.fetch;

export interface LinkFetchProgress {
  done: number;
  total: number;
  failed: number;
  url: string;
}

export interface FetchLinkedNotesOptions {
  /** The corpus root; notes go to `<corpusDir>/notes/web/`. */
  corpusDir: string;
  /** The resources catalogue: every link of every document, with where it sits. */
  resources: Resource[];
  /** A note younger than this (by its `fetched_at`) is used without any request. Default 7 days. */
  maxAgeMs?: number;
  /** Ignore the cache: unconditional requests for every link. */
  refresh?: boolean;
  /** Allow hosts that resolve to loopback/private/link-local addresses (tests, intranets). */
  allowPrivateHosts?: boolean;
  /** Per request, including reading the body. Default 15 s. */
  timeoutMs?: number;
  /** Largest response body read; bigger ones are aborted. Default 5 MB. */
  maxBytes?: number;
  /** Requests in flight at once to one host. Default 2. */
  perHostConcurrency?: number;
  /** Pause between the starts of two requests to one host. Default 500 ms (robots.txt Crawl-delay may raise it). */
  perHostDelayMs?: number;
  /** Requests in flight at once over all hosts. Default 8. */
  totalConcurrency?: number;
  userAgent?: string;
  fetch?: FetchImplementation;
  lookup?: HostLookup;
  /** Clock for `fetched_at` and the max-age check. */
  now?: () => Date;
  /** Where GitHub READMEs are fetched from. Default https://raw.githubusercontent.com */
  githubRawBase?: string;
  onProgress?: (progress: LinkFetchProgress) => void;
}

/** Where a URL is linked from: the linking document's source path, section and line. */
export interface LinkReference {
  doc: string;
  headingPath: string[];
  line: number;
}

export type LinkOutcomeKind = "fetched" | "unchanged" | "cached" | "notModified" | "skipped" | "failed";

export interface LinkOutcome {
  url: string;
  kind: LinkOutcomeKind;
  /** Note file relative to the corpus root (posix), when one exists for this URL. */
  note?: string;
  /** Why it was skipped or failed. */
  reason?: string;
  /** HTTP status of the failing response, when there was one. */
  status?: number;
  /** Whether the note file was (re)written during this run. */
  written: boolean;
  linkedFrom: LinkReference[];
}

export interface LinkFetchSummary {
  total: number;
  /** Fetched and written (new or changed content). */
  fetched: number;
  /** Fetched with a 200 whose content equals the note on disk: nothing rewritten. */
  unchanged: number;
  /** Note fresh enough: no request at all. */
  cached: number;
  /** Conditional request answered 304. */
  notModified: number;
  skipped: number;
  failed: number;
  outcomes: LinkOutcome[];
}
