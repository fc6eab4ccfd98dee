import { mkdir } from "node:fs/promises";
import path from "node:path";
import { BadInput, UpstreamFailed, UpstreamTimeout } from "../../errors.js";
import { extractPage } from "./extractPage.js";
import { HostScheduler } from "./hostScheduler.js";
import { createPinnedFetch } from "./pinnedFetch.js";
import { groupLinkedUrls, planLink, type LinkedUrl } from "./linkTargets.js";
import { WEB_NOTES_DIR, noteFileName, readNote, renderNote, sameNoteContent, writeFileAtomic, type WebNote } from "./noteFile.js";
import { RobotsPolicy } from "./robotsPolicy.js";
import { READABLE_CONTENT_TYPES, safeFetch, type SafeFetchOptions } from "./safeFetch.js";
import type { FetchLinkedNotesOptions, LinkFetchSummary, LinkOutcome } from "./types.js";
import { LinkRefused, assertFetchableUrl, defaultHostLookup } from "./urlSafety.js";

export const DEFAULT_USER_AGENT = "RoadmapTutor/0.1 (+https://github.com/roadmap-tutor/roadmap-tutor)";
export const DEFAULT_LINKS_MAX_AGE_MS = 7 * 24 * 3_600_000;
export const DEFAULT_GITHUB_RAW_BASE = "https://raw.githubusercontent.com";
const MAX_REDIRECTS = 5;
/** A note with less text than this under its title is a script-only page, not worth indexing. */
const MIN_READABLE_CHARS = 20;

interface RunContext {
  notesDir: string;
  maxAgeMs: number;
  refresh: boolean;
  now: () => Date;
  githubRawBase: string;
  scheduler: HostScheduler;
  robots: RobotsPolicy;
  fetchOptions: Omit<SafeFetchOptions, "etag" | "lastModified">;
}

function positive(name: string, value: number | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) throw new BadInput(`${name} must be a ${allowZero ? "non-negative" : "positive"} number`);
  return value;
}

/**
 * Fetches every http(s) page the resources catalogue links to and keeps it as a markdown note
 * under `<corpusDir>/notes/web/`, reusing notes younger than `maxAgeMs` and revalidating older
 * ones with conditional requests. Never throws for one bad link: each link ends up in the
 * summary as fetched, unchanged, cached, notModified, skipped or failed, and a failed link's
 * previous note stays on disk.
 */
export async function fetchLinkedNotes(options: FetchLinkedNotesOptions): Promise<LinkFetchSummary> {
  const notesDir = path.join(options.corpusDir, WEB_NOTES_DIR);
  const perHost = Math.floor(positive("perHostConcurrency", options.perHostConcurrency, 2));
  const total = Math.floor(positive("totalConcurrency", options.totalConcurrency, 8));
  const lookup = options.lookup ?? defaultHostLookup;
  const allowPrivateHosts = options.allowPrivateHosts ?? false;
  const timeoutMs = positive("timeoutMs", options.timeoutMs, 15_000);
  const maxBytes = positive("maxBytes", options.maxBytes, 5_000_000);
  const perHostDelayMs = positive("perHostDelayMs", options.perHostDelayMs, 500, true);
  const maxAgeMs = positive("maxAgeMs", options.maxAgeMs, DEFAULT_LINKS_MAX_AGE_MS, true);
  // Sockets connect only to the addresses the lookup returned and the SSRF check passed (no DNS rebinding).
  const pinned = options.fetch === undefined ? await createPinnedFetch({ lookup, allowPrivateHosts }) : undefined;
  const fetchOptions: RunContext["fetchOptions"] = {
    fetch: options.fetch ?? pinned!.fetch,
    lookup,
    allowPrivateHosts,
    timeoutMs,
    maxBytes,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    maxRedirects: MAX_REDIRECTS,
    allowedTypes: READABLE_CONTENT_TYPES,
  };
  const scheduler = new HostScheduler(perHost, perHostDelayMs, total);
  const context: RunContext = {
    notesDir,
    maxAgeMs,
    refresh: options.refresh ?? false,
    now: options.now ?? (() => new Date()),
    githubRawBase: options.githubRawBase ?? DEFAULT_GITHUB_RAW_BASE,
    scheduler,
    robots: new RobotsPolicy(scheduler, fetchOptions),
    fetchOptions,
  };
  try {
    return await fetchAll(options, context);
  } finally {
    await pinned?.close();
  }
}

async function fetchAll(options: FetchLinkedNotesOptions, context: RunContext): Promise<LinkFetchSummary> {
  await mkdir(context.notesDir, { recursive: true });

  // Links inside fetched notes are not followed: one level deep, or every re-run would crawl further.
  const links = groupLinkedUrls(options.resources.filter((r) => !r.source.startsWith(`${WEB_NOTES_DIR}/`)));
  let done = 0;
  let failed = 0;
  const outcomes = await Promise.all(
    links.map(async (link) => {
      const outcome = await processLink(link, context);
      done += 1;
      if (outcome.kind === "failed") failed += 1;
      options.onProgress?.({ done, total: links.length, failed, url: link.url });
      return outcome;
    }),
  );
  const count = (kind: LinkOutcome["kind"]) => outcomes.filter((o) => o.kind === kind).length;
  return {
    total: links.length,
    fetched: count("fetched"),
    unchanged: count("unchanged"),
    cached: count("cached"),
    notModified: count("notModified"),
    skipped: count("skipped"),
    failed: count("failed"),
    outcomes,
  };
}

async function processLink(link: LinkedUrl, context: RunContext): Promise<LinkOutcome> {
  const base = { url: link.url, linkedFrom: link.linkedFrom };
  const plan = planLink(link.url, context.githubRawBase);
  if (plan.kind === "skip") return { ...base, kind: "skipped", reason: plan.reason, written: false };

  const fileName = noteFileName(link.url);
  const file = path.join(context.notesDir, fileName);
  const note = `${WEB_NOTES_DIR}/${fileName}`;
  const stored = await readNote(file);
  const existing = stored?.frontMatter.source_url === link.url ? stored : undefined;
  const withNote = existing ? { note } : {};

  try {
    if (existing && !context.refresh && isFresh(existing, context)) {
      const written = await updateLinkedFrom(file, existing, link);
      return { ...base, ...withNote, kind: "cached", written };
    }
    let lastRefusal: LinkRefused | undefined;
    for (const [i, candidate] of plan.candidates.entries()) {
      const isLast = i === plan.candidates.length - 1;
      const url = await assertFetchableUrl(candidate, context.fetchOptions);
      const disallowed = await context.robots.disallowReason(url);
      if (disallowed) {
        lastRefusal = new LinkRefused(disallowed);
        continue;
      }
      const validators = existing && !context.refresh && (existing.frontMatter.fetched_from ?? existing.frontMatter.source_url) === candidate ? existing.frontMatter : undefined;
      let result;
      try {
        result = await context.scheduler.run(url.hostname, () =>
          safeFetch(candidate, {
            ...context.fetchOptions,
            ...(validators?.etag ? { etag: validators.etag } : {}),
            ...(validators?.last_modified ? { lastModified: validators.last_modified } : {}),
          }),
        );
      } catch (error) {
        // A repository without README.md: fall back to the next candidate (the page itself).
        if (!isLast && error instanceof UpstreamFailed && error.upstreamStatus === 404) continue;
        throw error;
      }
      if (result.kind === "notModified") {
        if (!existing) throw new UpstreamFailed(`${candidate} answered 304 to an unconditional request`, 304);
        const written = await updateLinkedFrom(file, existing, link);
        return { ...base, ...withNote, kind: "notModified", written };
      }
      const page = await extractPage(result, link.title);
      if (readableLength(page.markdown) < MIN_READABLE_CHARS) throw new LinkRefused("no readable text on the page");
      const fresh: WebNote = {
        frontMatter: {
          source_url: link.url,
          title: page.title,
          fetched_at: context.now().toISOString(),
          etag: result.etag ?? null,
          last_modified: result.lastModified ?? null,
          content_type: result.mimeType,
          ...(candidate !== link.url ? { fetched_from: candidate } : {}),
          linked_from: link.linkedFrom,
        },
        body: page.markdown,
      };
      if (existing && sameNoteContent(existing, fresh)) return { ...base, note, kind: "unchanged", written: false };
      await writeFileAtomic(file, renderNote(fresh));
      return { ...base, note, kind: "fetched", written: true };
    }
    throw lastRefusal ?? new LinkRefused("nothing to fetch");
  } catch (error) {
    if (error instanceof LinkRefused) return { ...base, ...withNote, kind: "skipped", reason: error.message, written: false };
    const status = error instanceof UpstreamFailed ? error.upstreamStatus : undefined;
    const reason =
      error instanceof UpstreamFailed || error instanceof UpstreamTimeout
        ? error.message
        : `could not extract text (${error instanceof Error ? error.name : "error"})`;
    return { ...base, ...withNote, kind: "failed", reason, ...(status !== undefined ? { status } : {}), written: false };
  }
}

function isFresh(note: WebNote, context: RunContext): boolean {
  const fetchedAt = Date.parse(note.frontMatter.fetched_at);
  if (Number.isNaN(fetchedAt)) return false;
  const age = context.now().getTime() - fetchedAt;
  return age >= 0 && age < context.maxAgeMs;
}

/** Only the "linked from" list changed (a document added or moved the link): rewrite the front matter, keep the rest. */
async function updateLinkedFrom(file: string, note: WebNote, link: LinkedUrl): Promise<boolean> {
  if (JSON.stringify(note.frontMatter.linked_from) === JSON.stringify(link.linkedFrom)) return false;
  await writeFileAtomic(file, renderNote({ ...note, frontMatter: { ...note.frontMatter, linked_from: link.linkedFrom } }));
  return true;
}

function readableLength(markdown: string): number {
  return markdown
    .split("\n")
    .filter((line) => !/^#{1,6}\s/.test(line))
    .join("")
    .replace(/\s+/g, "").length;
}
