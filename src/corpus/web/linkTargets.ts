import type { Resource } from "../types.js";
import type { LinkReference } from "./types.js";

/** What to do with one linked URL: fetch one of the candidate URLs in order, or skip it. */
export type LinkPlan =
  | { kind: "fetch"; candidates: string[] }
  | { kind: "skip"; reason: string };

/** A unique URL of the catalogue and every place that links to it. */
export interface LinkedUrl {
  url: string;
  title: string;
  linkedFrom: LinkReference[];
}

// Sites whose pages are players or galleries: there is no text to extract.
const VIDEO_HOSTS = ["bilibili.com", "b23.tv", "youtube.com", "youtu.be", "vimeo.com", "ixigua.com", "douyin.com", "tiktok.com"];
const MEDIA_EXTENSIONS = /\.(png|jpe?g|gif|webp|svg|bmp|ico|mp4|webm|mov|avi|mkv|mp3|wav|zip|tar|gz|tgz|rar|7z|exe|dmg)$/i;
const IMAGE_HOSTS = ["s2.loli.net", "i.imgur.com", "imgur.com"];

function hostMatches(hostname: string, domains: string[]): boolean {
  return domains.some((d) => hostname === d || hostname.endsWith(`.${d}`));
}

/** The URL a note is keyed by: fragments never change what the server sends. */
export function normalizeLinkUrl(raw: string): string {
  try {
    const url = new URL(raw.trim());
    url.hash = "";
    return url.href;
  } catch {
    return raw.trim();
  }
}

/** Groups the catalogue by URL, merging every place that links to the same page. */
export function groupLinkedUrls(resources: Resource[]): LinkedUrl[] {
  const byUrl = new Map<string, LinkedUrl>();
  for (const resource of resources) {
    const url = normalizeLinkUrl(resource.url);
    let entry = byUrl.get(url);
    if (!entry) {
      entry = { url, title: resource.title, linkedFrom: [] };
      byUrl.set(url, entry);
    }
    const reference: LinkReference = { doc: resource.source, headingPath: [...resource.headingPath], line: resource.line };
    const seen = entry.linkedFrom.some(
      (r) => r.doc === reference.doc && r.line === reference.line && r.headingPath.join("\u0000") === reference.headingPath.join("\u0000"),
    );
    if (!seen) entry.linkedFrom.push(reference);
  }
  for (const entry of byUrl.values()) {
    entry.linkedFrom.sort((a, b) => (a.doc === b.doc ? a.line - b.line : a.doc < b.doc ? -1 : 1));
  }
  return [...byUrl.values()];
}

/**
 * Decides how to fetch a linked URL. GitHub repository pages are mostly chrome around the
 * README, so the raw README is fetched instead (the page itself stays as a fallback for repos
 * without a README.md); a `blob/<ref>/<file>.md` link becomes that raw file.
 */
export function planLink(raw: string, githubRawBase: string): LinkPlan {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { kind: "skip", reason: "not a valid URL" };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    return { kind: "skip", reason: `scheme ${url.protocol} is never fetched` };
  }
  const host = url.hostname.toLowerCase();
  if (hostMatches(host, VIDEO_HOSTS)) return { kind: "skip", reason: "video site: no readable text" };
  if (MEDIA_EXTENSIONS.test(url.pathname) || hostMatches(host, IMAGE_HOSTS)) {
    return { kind: "skip", reason: "image or media file: no readable text" };
  }
  if (host === "github.com" || host === "www.github.com") {
    const base = githubRawBase.replace(/\/+$/, "");
    const parts = url.pathname.split("/").filter((p) => p.length > 0);
    const [owner, repo] = parts;
    if (owner && repo && parts.length === 2) {
      return { kind: "fetch", candidates: [`${base}/${owner}/${repo.replace(/\.git$/, "")}/HEAD/README.md`, url.href] };
    }
    if (owner && repo && parts[2] === "blob" && parts.length >= 5 && /\.(md|markdown|txt)$/i.test(url.pathname)) {
      return { kind: "fetch", candidates: [`${base}/${owner}/${repo}/${parts.slice(3).join("/")}`, url.href] };
    }
  }
  return { kind: "fetch", candidates: [url.href] };
}
