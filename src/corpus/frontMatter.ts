import matter from "gray-matter";
import type { DocumentMetadata } from "./types.js";

/** A `linked_from` entry as written by the web-notes fetcher: which document (source path or id) and section linked here. */
export interface DeclaredLink {
  doc: string;
  headingPath: string[];
  line?: number;
}

export interface FrontMatter {
  /** Number of leading lines (1-based count) that belong to the front-matter block, 0 when there is none. */
  lineCount: number;
  title?: string;
  metadata: DocumentMetadata;
  linkedFrom: DeclaredLink[];
  /** Set when a block was found but could not be parsed; its lines are then left in the text. */
  error?: string;
}

const OPENING_DELIMITER = /^---\s*$/;
const CLOSING_DELIMITER = /^(?:---|\.\.\.)\s*$/;

/**
 * Finds and parses a YAML front-matter block at the top of a file. The block is located by
 * lines (not by gray-matter) so the loader knows exactly which lines to blank out.
 */
export function parseFrontMatter(lines: readonly string[]): FrontMatter {
  const empty: FrontMatter = { lineCount: 0, metadata: {}, linkedFrom: [] };
  if (lines.length === 0 || !OPENING_DELIMITER.test(lines[0] ?? "")) return empty;
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_DELIMITER.test(line));
  if (closing < 0) return empty;

  const yamlText = lines.slice(1, closing).join("\n");
  let data: Record<string, unknown>;
  try {
    // Passing options (even empty) turns off gray-matter's module-level cache, whose shared objects we would otherwise mutate.
    data = matter(`---\n${yamlText}\n---\n`, {}).data;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { ...empty, error: `invalid YAML front matter: ${reason}` };
  }

  const metadata: DocumentMetadata = {};
  const date = asDateString(data.date);
  if (date !== undefined) metadata.date = date;
  const tags = asStringList(data.tags);
  if (tags !== undefined) metadata.tags = tags;
  const categories = asStringList(data.categories);
  if (categories !== undefined) metadata.categories = categories;
  const description = asText(data.description);
  if (description !== undefined) metadata.description = description;
  const sourceUrl = asText(data.source_url ?? data.sourceUrl);
  if (sourceUrl !== undefined) metadata.sourceUrl = sourceUrl;
  const fetchedAt = asDateString(data.fetched_at ?? data.fetchedAt);
  if (fetchedAt !== undefined) metadata.fetchedAt = fetchedAt;

  const result: FrontMatter = {
    lineCount: closing + 1,
    metadata,
    linkedFrom: asDeclaredLinks(data.linked_from ?? data.linkedFrom),
  };
  const title = asText(data.title);
  if (title !== undefined) result.title = title;
  return result;
}

function asText(value: unknown): string | undefined {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value !== "string") return undefined;
  const trimmed = value.trim();
  return trimmed === "" ? undefined : trimmed;
}

/** YAML turns `2024-09-05` into a Date at UTC midnight: show that as a plain date, anything else as full ISO. */
function asDateString(value: unknown): string | undefined {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return undefined;
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  const text = asText(value);
  if (text === undefined) return undefined;
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) return text;
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : parsed.toISOString();
}

function asStringList(value: unknown): string[] | undefined {
  const items = Array.isArray(value) ? value : [value];
  const list = items.map(asText).filter((item): item is string => item !== undefined);
  return list.length === 0 ? undefined : list;
}

function asDeclaredLinks(value: unknown): DeclaredLink[] {
  if (!Array.isArray(value)) return [];
  const links: DeclaredLink[] = [];
  for (const entry of value) {
    if (typeof entry !== "object" || entry === null) continue;
    const record = entry as Record<string, unknown>;
    const doc = asText(record.doc ?? record.source);
    if (doc === undefined) continue;
    const rawPath = record.headingPath ?? record.heading_path;
    const headingPath = Array.isArray(rawPath) ? rawPath.map(asText).filter((h): h is string => h !== undefined) : [];
    const link: DeclaredLink = { doc, headingPath };
    if (typeof record.line === "number" && Number.isInteger(record.line) && record.line > 0) link.line = record.line;
    links.push(link);
  }
  return links;
}
