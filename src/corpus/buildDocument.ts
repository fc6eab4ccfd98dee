import { createHash } from "node:crypto";
import { cleanLines, publishingPlatform } from "./cleaning.js";
import { documentCardOf } from "./documentCard.js";
import { documentIdFor } from "./documentId.js";
import { parseFrontMatter, type DeclaredLink } from "./frontMatter.js";
import { findHeadingCandidates } from "./headingCandidates.js";
import { extractCheckedLinks } from "./links.js";
import { recoverOutline } from "./outline.js";
import type { CorpusDocument, CorpusWarning, DocumentKind, DocumentMetadata } from "./types.js";

export interface BuiltDocument {
  document: CorpusDocument;
  /** `linked_from` front matter, resolved against the other documents by resolveLinkedNotes. */
  declaredLinks: DeclaredLink[];
  warnings: CorpusWarning[];
}

/** Where a document sits decides what it is: fetched web pages under notes/web/, own notes under notes/, the rest are roadmaps. */
export function documentKindFor(source: string): DocumentKind {
  if (source.startsWith("notes/web/")) return "web";
  if (source.startsWith("notes/")) return "note";
  return "roadmap";
}

/**
 * Turns one file's text into a document: front matter → metadata, cleaning (line count kept),
 * outline, links. `linkedFrom` starts empty; resolveLinkedNotes fills it once all files are read.
 */
export function buildDocument(source: string, rawText: string, contentHash?: string): BuiltDocument {
  const lines = splitLines(rawText);
  const frontMatter = parseFrontMatter(lines);
  const warnings: CorpusWarning[] = [];
  if (frontMatter.error !== undefined) warnings.push({ source, line: 1, message: frontMatter.error });
  for (const warning of frontMatter.warnings) warnings.push({ source, ...warning });
  const cleaned = cleanLines(lines, { frontMatterLines: frontMatter.lineCount });
  const text = cleaned.lines.join("\n");
  const links = extractCheckedLinks(text);
  for (const refused of links.refused) {
    warnings.push({ source, line: refused.line, message: `Ignored link ${JSON.stringify(refused.url)}: ${refused.reason}.` });
  }

  const document: CorpusDocument = {
    id: documentIdFor(source),
    source,
    kind: documentKindFor(source),
    title: frontMatter.title ?? fallbackTitle(cleaned.lines, source),
    metadata: withPlatform(frontMatter.metadata, publishingPlatform(lines) ?? frontMatter.generator),
    text,
    lineCount: cleaned.lines.length,
    contentHash: contentHash ?? createHash("sha256").update(rawText, "utf8").digest("hex"),
    outline: recoverOutline(cleaned.lines),
    links: links.links,
    linkedFrom: [],
  };
  const card = documentCardOf(lines, frontMatter.error === undefined ? frontMatter.lineCount : 0, cleaned.lines);
  if (card !== undefined) document.card = card;
  return { document, declaredLinks: frontMatter.linkedFrom, warnings };
}

function withPlatform(metadata: DocumentMetadata, platform: string | undefined): DocumentMetadata {
  return platform === undefined ? metadata : { ...metadata, platform };
}

/**
 * Lines as an editor counts them: "\r\n" and "\r" normalised, and a final newline does not start
 * another line, so line N here is line N on disk.
 */
export function splitLines(rawText: string): string[] {
  const lines = rawText.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function fallbackTitle(lines: readonly string[], source: string): string {
  const heading = findHeadingCandidates(lines).find((candidate) => candidate.kind === "markdown");
  if (heading !== undefined) return heading.text;
  const firstLine = lines.find((line) => line.trim() !== "");
  if (firstLine === undefined) return source;
  const title = firstLine.trim().replace(/^#+\s*|^\*\*|\*\*$/g, "").trim();
  return title.length > 120 ? `${title.slice(0, 119)}…` : title;
}
