import type { Chunk } from "../chunking/types.js";
import { recentByChunk } from "../retrieval/recentByChunk.js";
import type { Passage } from "../retrieval/types.js";
import type { Citation } from "./types.js";

/** Text left beyond the link itself under which a chunk counts as "just a link". */
const LINK_ONLY_SLACK_CHARS = 40;

/**
 * The URL as a link target, or undefined unless it is http(s). Parsed the way browsers parse it
 * (WHATWG), so "java\tscript:", "\x01javascript:" or " JAVASCRIPT:" are seen as the scheme a
 * browser would run, not as text that merely fails a prefix check.
 */
export function safeLinkUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
}

/** The URL a citation should open: the web note's page, or the sole link of a link-only chunk. */
export function citationUrl(chunk: Chunk): string | undefined {
  if (chunk.url) return chunk.url;
  const urls = [...new Set(chunk.links.map((link) => link.url))];
  if (urls.length !== 1) return undefined;
  const url = urls[0]!;
  let rest = chunk.text;
  for (const link of chunk.links) {
    rest = rest.split(`[${link.text}](${link.url})`).join(" ");
    rest = rest.split(link.url).join(" ");
    rest = rest.split(link.text).join(" ");
  }
  for (const heading of chunk.headingPath) rest = rest.split(heading).join(" ");
  const leftover = rest.replace(/[\s#>*_`<>()[\]【】:：\-–—]+/g, "");
  return leftover.length <= LINK_ONLY_SLACK_CHARS ? url : undefined;
}

/**
 * A chunk's citation link, checked again at output whatever ingest let through (a link is only
 * ever http(s)). It depends on the chunk alone, and the same top chunks are cited question after
 * question: kept for recently cited chunks instead of re-splitting their text and re-parsing the URL.
 */
const citedUrl = recentByChunk(4096, (chunk: Chunk) => ({ url: safeLinkUrl(citationUrl(chunk)) }));

export function buildCitations(passages: Passage[]): Citation[] {
  return passages.map((passage, i) => {
    const { chunk } = passage;
    const { url } = citedUrl(chunk);
    const citation: Citation = {
      n: i + 1,
      id: chunk.id,
      docId: chunk.docId,
      source: chunk.source,
      title: chunk.title,
      headingPath: [...chunk.headingPath],
      lines: { start: chunk.startLine, end: chunk.endLine },
      text: chunk.text,
      role: passage.role,
      ...(url ? { url } : {}),
      ...(chunk.linkedFrom.length > 0
        ? { linkedFrom: chunk.linkedFrom.map((from) => ({ title: from.title, headingPath: [...from.headingPath] })) }
        : {}),
    };
    return citation;
  });
}

export interface CitationCheck {
  /** The answer with invalid markers removed and valid groups written as [1][2]. */
  answer: string;
  /** How many references pointed to no passage. */
  removed: number;
  /** Valid passage numbers the answer cites, ascending. */
  used: number[];
}

/**
 * A run of citation markers: [3], [1][2], [1, 2], [1-3], 【1】, ［2］ and runs of them. Square
 * brackets that hold anything but numbers (markdown links, [0x31]) are left alone, as is a
 * bracket followed by "(" (a markdown link whose text is a number).
 */
const MARKER_RUN = /[ \t]?(?:(?:\[|【|［)\s*\d+(?:\s*(?:[,，、;]|-|–|~)\s*\d+)*\s*(?:\]|】|］)(?!\())+/g;
const ONE_MARKER = /(?:\[|【|［)([^\]】］]*)(?:\]|】|］)/g;

function referencesIn(group: string): number[] {
  const numbers: number[] = [];
  for (const part of group.split(/\s*[,，、;]\s*/)) {
    const range = /^(\d+)\s*(?:-|–|~)\s*(\d+)$/.exec(part.trim());
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      // A range only makes sense small and ascending; anything else counts as one bad reference.
      if (to >= from && to - from < 20) for (let n = from; n <= to; n++) numbers.push(n);
      else numbers.push(-1);
    } else if (/^\d+$/.test(part.trim())) {
      numbers.push(Number(part.trim()));
    }
  }
  return numbers;
}

export function checkCitationMarkers(answer: string, citationCount: number): CitationCheck {
  let removed = 0;
  const used = new Set<number>();
  const checked = answer.replace(MARKER_RUN, (run) => {
    const leadingSpace = /^[ \t]/.test(run) ? run[0]! : "";
    const valid: number[] = [];
    for (const match of run.matchAll(ONE_MARKER)) {
      for (const n of referencesIn(match[1] ?? "")) {
        if (Number.isInteger(n) && n >= 1 && n <= citationCount) {
          if (!valid.includes(n)) valid.push(n);
        } else {
          removed++;
        }
      }
    }
    for (const n of valid) used.add(n);
    return valid.length > 0 ? `${leadingSpace}${valid.map((n) => `[${n}]`).join("")}` : "";
  });
  return { answer: checked, removed, used: [...used].sort((a, b) => a - b) };
}
