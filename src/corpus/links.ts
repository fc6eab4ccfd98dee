import { decodeHTML } from "entities";
import { fencedLines } from "./headingCandidates.js";
import { scanInlineLinks } from "./markdownLinks.js";
import { sectionAtLine } from "./outline.js";
import type { CorpusDocument, Link, Resource } from "./types.js";

const REFERENCE_DEFINITION = /^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?(?:\s+.*)?$/;
const AUTOLINK = /<((?:https?:\/\/|www\.)[^\s<>]+)>/gi;
// Stops at whitespace, quotes and any CJK character or CJK/fullwidth punctuation: prose around a bare URL is not part of it.
const BARE_URL = /(?<![\w@/.])(?:https?:\/\/|www\.)[^\s<>"'`\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?'"*_~\]}>]+$/;

/** A link dropped at ingest because it could run script or leave the web (javascript:, data:, file:…). */
export interface RefusedLink {
  url: string;
  line: number;
  reason: string;
}

export type LinkTarget = { kind: "web"; url: string } | { kind: "relative"; url: string } | { kind: "refused"; reason: string };

const SCHEME_PREFIX = /^[a-z][a-z0-9+.-]*:/i;
// What the WHATWG parser strips before reading a scheme: C0 controls and space around, tab and newline anywhere.
const PARSER_IGNORED = /[\u0000-\u0020\u007f]/;

/**
 * How a link destination as written will be read by a browser (the WHATWG URL parser, and a
 * markdown renderer's decoding of `&colon;`-style references first): an absolute http(s) URL,
 * a relative path (which can only resolve to the page's own scheme), or anything else — a
 * `javascript:` in disguise (`java<TAB>script:`, `\x01javascript:`), `data:`, `file:`,
 * `mailto:` or a malformed URL — which is refused. Citation and resource URLs keep only the
 * first two. A clean http(s) URL is kept as written; one with characters the parser drops is
 * replaced by the parser's reading.
 */
export function classifyLinkTarget(raw: string): LinkTarget {
  const decoded = /&#?[a-z0-9]+;/i.test(raw) ? decodeHTML(raw) : raw;
  if (decoded !== raw && classifyLinkTarget(decoded).kind === "refused") return { kind: "refused", reason: "its HTML character references spell another scheme" };
  if (/^www\./i.test(raw)) return webUrlOf(`https://${raw}`, raw);
  let parsed: URL | undefined;
  try {
    parsed = new URL(raw);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined) {
    const stripped = raw.replace(/[\t\n\r]/g, "").replace(/^[\u0000-\u0020]+/, "");
    return SCHEME_PREFIX.test(stripped) ? { kind: "refused", reason: "not a valid URL" } : { kind: "relative", url: raw };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { kind: "refused", reason: `scheme ${parsed.protocol} is not http(s)` };
  return webUrlOf(raw, raw, parsed);
}

function webUrlOf(absolute: string, raw: string, parsed?: URL): LinkTarget {
  let url = parsed;
  if (url === undefined) {
    try {
      url = new URL(absolute);
    } catch {
      return { kind: "refused", reason: "not a valid URL" };
    }
  }
  return { kind: "web", url: PARSER_IGNORED.test(raw) ? url.href : raw };
}

/**
 * Every link a reader could follow: inline markdown links, reference definitions, autolinks and
 * bare URLs. Images and in-page anchors (`#section`) are not links to anything new and are left
 * out; fenced code is skipped.
 */
export function extractLinks(text: string): Link[] {
  return extractCheckedLinks(text).links;
}

/** extractLinks, plus the links refused for their scheme (see classifyLinkTarget), for warnings. */
export function extractCheckedLinks(text: string): { links: Link[]; refused: RefusedLink[] } {
  const lines = text.split("\n");
  const inFence = fencedLines(lines);
  const links: Link[] = [];
  const refused: RefusedLink[] = [];
  lines.forEach((line, index) => {
    if (inFence[index] || line.trim() === "") return;
    for (const link of extractLineLinks(line, index + 1)) {
      const target = classifyLinkTarget(link.url);
      if (target.kind === "refused") refused.push({ url: link.url, line: link.line, reason: target.reason });
      else links.push(target.url === link.url ? link : { ...link, url: target.url, text: link.text === link.url ? target.url : link.text });
    }
  });
  return { links, refused };
}

function extractLineLinks(line: string, lineNumber: number): Link[] {
  const definition = REFERENCE_DEFINITION.exec(line);
  if (definition !== null) {
    return isFollowable(definition[2]!) ? [{ text: cleanAnchorText(definition[1]!) || definition[2]!, url: definition[2]!, line: lineNumber }] : [];
  }

  const found: { position: number; link: Link }[] = [];
  let masked = line;
  const mask = (start: number, end: number) => {
    masked = masked.slice(0, start) + " ".repeat(end - start) + masked.slice(end);
  };

  for (const inline of scanInlineLinks(line)) {
    mask(inline.start, inline.end);
    if (inline.isImage || !isFollowable(inline.url)) continue;
    const text = cleanAnchorText(inline.text);
    found.push({ position: inline.start, link: { text: text === "" ? inline.url : text, url: inline.url, line: lineNumber } });
  }
  for (const match of masked.matchAll(AUTOLINK)) {
    found.push({ position: match.index, link: { text: match[1]!, url: match[1]!, line: lineNumber } });
    mask(match.index, match.index + match[0].length);
  }
  for (const match of masked.matchAll(BARE_URL)) {
    const url = trimBareUrl(match[0]);
    if (url.length > "https://".length || url.startsWith("www.")) {
      found.push({ position: match.index, link: { text: url, url, line: lineNumber } });
    }
  }
  return found.sort((a, b) => a.position - b.position).map((entry) => entry.link);
}

/** In-page anchors lead nowhere new; everything else is judged by classifyLinkTarget. */
function isFollowable(url: string): boolean {
  return url !== "" && !url.startsWith("#");
}

function trimBareUrl(raw: string): string {
  let url = raw;
  for (;;) {
    const withoutPunctuation = url.replace(TRAILING_PUNCTUATION, "");
    // A closing parenthesis belongs to the URL only when the URL opened one (Wikipedia-style paths).
    const unbalanced = withoutPunctuation.endsWith(")") && count(withoutPunctuation, "(") < count(withoutPunctuation, ")");
    const next = unbalanced ? withoutPunctuation.slice(0, -1) : withoutPunctuation;
    if (next === url) return url;
    url = next;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function cleanAnchorText(text: string): string {
  return text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function isWebUrl(url: string): boolean {
  return /^(?:https?:\/\/|www\.)/i.test(url);
}

/**
 * The resources catalogue of one document: one entry per web link, with the heading path of the
 * section it sits in. A bare URL is titled by its label on the same line ("视频： https://…"),
 * qualified by the parent list item it hangs under, else by its section heading.
 */
export function buildResources(doc: CorpusDocument): Resource[] {
  const lines = doc.text.split("\n");
  return doc.links
    .filter((link) => isWebUrl(link.url))
    .map((link) => {
      const headingPath = sectionAtLine(doc.outline, link.line)?.headingPath ?? [];
      const isBare = link.text === link.url;
      const title = isBare ? labelForBareUrl(lines, link, headingPath, doc.title) : link.text;
      return {
        title,
        url: link.url.toLowerCase().startsWith("www.") ? `https://${link.url}` : link.url,
        docId: doc.id,
        source: doc.source,
        headingPath,
        line: link.line,
      };
    });
}

function labelForBareUrl(lines: readonly string[], link: Link, headingPath: readonly string[], docTitle: string): string {
  const line = lines[link.line - 1] ?? "";
  const own = labelBefore(line, link.url);
  const fallback = headingPath.at(-1) ?? docTitle;
  if (own === undefined) return fallback;
  const parent = parentListLabel(lines, link.line - 1);
  return parent === undefined ? own : `${parent} – ${own}`;
}

/** The text in front of a URL on its line, up to a colon when there is one ("中文字幕： https://…" → 中文字幕). */
function labelBefore(line: string, url: string): string | undefined {
  const at = line.indexOf(url);
  if (at < 0) return undefined;
  // An autolink's "<" is markup, not label text.
  let prefix = stripListMarker(line.slice(0, at).replace(/<\s*$/, "")).trimEnd();
  // After another link on the same line, only an explicit "label：" names this URL ("[a](…) and https://…" does not).
  const afterLinks = prefix.replace(/^.*(?:\]\([^)]*\)|https?:\/\/\S+)/, "");
  const followsLink = afterLinks !== prefix;
  prefix = afterLinks.trim();
  const colon = Math.max(prefix.lastIndexOf("："), prefix.lastIndexOf(":"));
  const endsWithColon = colon >= 0 && prefix.slice(colon + 1).trim() === "";
  if (followsLink && !endsWithColon) return undefined;
  if (endsWithColon) prefix = prefix.slice(0, colon);
  const label = lastClause(prefix).replace(/\*\*|__|`/g, "").replace(/\s+/g, " ").trim();
  return label === "" || label.length > 60 ? undefined : label;
}

/** The label of the list item an indented line hangs under, if any. */
function parentListLabel(lines: readonly string[], index: number): string | undefined {
  const indent = indentWidth(lines[index] ?? "");
  if (!/^\s*[-*+•]\s/.test(lines[index] ?? "")) return undefined;
  for (let i = index - 1; i >= 0; i--) {
    const candidate = lines[i] ?? "";
    if (candidate.trim() === "") continue;
    if (indentWidth(candidate) >= indent) continue;
    if (!/^\s*[-*+•]\s/.test(candidate)) return undefined;
    const inline = scanInlineLinks(candidate).find((l) => !l.isImage);
    const text = inline !== undefined ? cleanAnchorText(inline.text) : lastClause(stripListMarker(candidate).split(/[:：]/)[0] ?? "").trim();
    return text === "" || text.length > 80 ? undefined : text;
  }
  return undefined;
}

function stripListMarker(text: string): string {
  return text.replace(/^\s*(?:>\s*)*(?:(?:[-*+•]|\d+[.)])\s+)?/, "").trim();
}

/** The last clause of a prefix: label text after the previous sentence ends. */
function lastClause(text: string): string {
  const parts = text.split(/[。！？!?；;，,]/);
  return (parts[parts.length - 1] ?? "").trim();
}

function indentWidth(line: string): number {
  const leading = /^[ \t]*/.exec(line)?.[0] ?? "";
  return leading.replace(/\t/g, "    ").length;
}
