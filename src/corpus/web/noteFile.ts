import { createHash, randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import matter from "gray-matter";
import YAML from "yaml";
import type { LinkReference } from "./types.js";

/** Where fetched notes live, relative to the corpus root. */
export const WEB_NOTES_DIR = "notes/web";

/** Front matter of a fetched note, in the snake_case the corpus loader reads. */
export interface WebNoteFrontMatter {
  source_url: string;
  title: string;
  fetched_at: string;
  etag: string | null;
  last_modified: string | null;
  content_type: string;
  /** The URL actually read when it differs from source_url (GitHub README, redirects). */
  fetched_from?: string;
  linked_from: LinkReference[];
}

export interface WebNote {
  frontMatter: WebNoteFrontMatter;
  body: string;
}

/**
 * Stable, readable file name for a URL: a slug of host + path (ASCII, ≤ 60 chars) and the first
 * 10 hex digits of the URL's sha256, so two URLs never share a file even when their slugs do.
 */
export function noteFileName(url: string): string {
  const hash = createHash("sha256").update(url).digest("hex").slice(0, 10);
  let readable = url;
  try {
    const parsed = new URL(url);
    readable = `${parsed.hostname.replace(/^www\./, "")}${parsed.pathname}`;
  } catch {
    // keep the raw string
  }
  const slug = readable
    .toLowerCase()
    .replace(/%[0-9a-f]{2}/g, "-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "page"}-${hash}.md`;
}

export function renderNote(note: WebNote): string {
  const { fetched_from, ...rest } = note.frontMatter;
  const ordered = { ...rest, ...(fetched_from ? { fetched_from } : {}) };
  // Quoted strings keep YAML readers from turning fetched_at into a Date or "null"-like titles into null.
  const yaml = YAML.stringify(ordered, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });
  return `---\n${yaml}---\n\n${note.body.trim()}\n`;
}

function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : value instanceof Date ? value.toISOString() : undefined;
}

function asReferences(value: unknown): LinkReference[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown) => {
    if (typeof item !== "object" || item === null) return [];
    const record = item as Record<string, unknown>;
    const doc = asString(record["doc"]);
    if (!doc) return [];
    const headingPath = Array.isArray(record["headingPath"]) ? record["headingPath"].filter((h): h is string => typeof h === "string") : [];
    const line = typeof record["line"] === "number" ? record["line"] : 0;
    return [{ doc, headingPath, line }];
  });
}

/** Reads a note written by renderNote; undefined when missing or not one of ours. */
export async function readNote(file: string): Promise<WebNote | undefined> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    return undefined;
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(text, { engines: { yaml: (source: string) => YAML.parse(source) as object } });
  } catch {
    return undefined;
  }
  const data = parsed.data as Record<string, unknown>;
  const sourceUrl = asString(data["source_url"]);
  if (!sourceUrl) return undefined;
  const fetchedFrom = asString(data["fetched_from"]);
  return {
    frontMatter: {
      source_url: sourceUrl,
      title: asString(data["title"]) ?? "",
      fetched_at: asString(data["fetched_at"]) ?? "",
      etag: asString(data["etag"]) ?? null,
      last_modified: asString(data["last_modified"]) ?? null,
      content_type: asString(data["content_type"]) ?? "",
      ...(fetchedFrom ? { fetched_from: fetchedFrom } : {}),
      linked_from: asReferences(data["linked_from"]),
    },
    body: parsed.content.trim(),
  };
}

/**
 * Whether two notes say the same thing. Fetch bookkeeping (fetched_at, etag, last_modified) is
 * ignored: a page served again with identical content must not rewrite the file.
 */
export function sameNoteContent(a: WebNote, b: WebNote): boolean {
  return (
    a.body.trim() === b.body.trim() &&
    a.frontMatter.title === b.frontMatter.title &&
    a.frontMatter.source_url === b.frontMatter.source_url &&
    a.frontMatter.content_type === b.frontMatter.content_type &&
    (a.frontMatter.fetched_from ?? "") === (b.frontMatter.fetched_from ?? "") &&
    JSON.stringify(a.frontMatter.linked_from) === JSON.stringify(b.frontMatter.linked_from)
  );
}

/** Write to a temp file beside the target, then rename: readers never see half a note. */
export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, content, "utf8");
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
