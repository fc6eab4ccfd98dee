import type { CitationResponse as Citation } from "../http/contract/answers.js";

/** Only these schemes may become clickable links; everything else stays text. */
export function isSafeHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** The document view on the endpoint, with the cited lines in the hash. */
export function documentViewUrl(endpoint: string, citation: Pick<Citation, "docId" | "lines">): string {
  return `${endpoint}/documents/${encodeURIComponent(citation.docId)}#L${citation.lines.start}-L${citation.lines.end}`;
}

/**
 * Where clicking a citation goes: the resource itself when the passage is a link (or a web note
 * with its original URL), else the cited lines in the document view.
 */
export function citationHref(endpoint: string, citation: Citation): string {
  if (citation.url && isSafeHttpUrl(citation.url)) return citation.url;
  return documentViewUrl(endpoint, citation);
}

/** "Title › Heading › Subheading", the label of a source in the list under an answer. */
export function citationLabel(citation: Pick<Citation, "title" | "headingPath">): string {
  const parts = [citation.title, ...citation.headingPath].map((p) => p.trim()).filter((p) => p.length > 0);
  // The first heading often repeats the title.
  const deduped = parts.filter((part, i) => i === 0 || part !== parts[i - 1]);
  return deduped.join(" › ");
}

/** Citation numbers referenced in an answer, in order of first appearance. */
export function citedNumbers(answer: string): number[] {
  const seen = new Set<number>();
  for (const match of answer.matchAll(/\[(\d{1,3}(?:\s*[,，]\s*\d{1,3})*)\]/g)) {
    for (const n of (match[1] ?? "").split(/[,，]/)) seen.add(Number(n.trim()));
  }
  return [...seen];
}
