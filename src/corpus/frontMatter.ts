import YAML from "yaml";
import { classifyLinkTarget } from "./links.js";
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
  /** The static-site generator whose scaffold wrote the block (GENERATOR_SCAFFOLDS), e.g. "hexo". */
  generator?: string;
  title?: string;
  metadata: DocumentMetadata;
  linkedFrom: DeclaredLink[];
  /** Set when a block was found but could not be parsed; its lines are then left in the text. */
  error?: string;
  /** Values dropped for being unsafe (a source_url that is not http(s)), with their 1-based line. */
  warnings: { line: number; message: string }[];
}

/**
 * Keys that only a generator's post scaffold writes, beside the title, date and tags every one has:
 * a post whose block has at least MIN_SCAFFOLD_KEYS of them was written with that generator (a
 * learner calls it "the Hexo blog"). Hexo's scaffold (updated, categories, keywords) with its
 * Butterfly theme's (top_img, cover, toc, comments, …).
 */
const GENERATOR_SCAFFOLDS: readonly { generator: string; keys: ReadonlySet<string> }[] = [
  {
    generator: "hexo",
    keys: new Set(["updated", "top_img", "cover", "toc", "toc_number", "toc_style_simple", "comments", "copyright", "aside", "highlight_shrink", "aplayer", "katex", "mathjax"]),
  },
];
const MIN_SCAFFOLD_KEYS = 3;

function generatorOf(data: Record<string, unknown>): string | undefined {
  const keys = Object.keys(data);
  return GENERATOR_SCAFFOLDS.find((scaffold) => keys.filter((key) => scaffold.keys.has(key)).length >= MIN_SCAFFOLD_KEYS)?.generator;
}

const OPENING_DELIMITER = /^---\s*$/;
const CLOSING_DELIMITER = /^(?:---|\.\.\.)\s*$/;

/**
 * Finds and parses a YAML front-matter block at the top of a file. The block is located by
 * lines so the loader knows exactly which lines to blank out. Parsed with `yaml`, the project's
 * one YAML parser (datasets, web notes); its YAML 1.1 timestamp tag keeps Hexo's unquoted
 * `date: 2024-09-05 10:00:00` a UTC Date, as before with gray-matter's js-yaml.
 */
export function parseFrontMatter(lines: readonly string[]): FrontMatter {
  const empty: FrontMatter = { lineCount: 0, metadata: {}, linkedFrom: [], warnings: [] };
  if (lines.length === 0 || !OPENING_DELIMITER.test(lines[0] ?? "")) return empty;
  const closing = lines.findIndex((line, index) => index > 0 && CLOSING_DELIMITER.test(line));
  if (closing < 0) return empty;

  const yamlText = lines.slice(1, closing).join("\n");
  let data: Record<string, unknown>;
  try {
    const parsed: unknown = YAML.parse(yamlText, { customTags: ["timestamp"] });
    data = typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
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
  const warnings: FrontMatter["warnings"] = [];
  const sourceUrl = asText(data.source_url ?? data.sourceUrl);
  if (sourceUrl !== undefined) {
    // It becomes every chunk's citation link: only an absolute http(s) URL may stand there.
    const target = classifyLinkTarget(sourceUrl);
    if (target.kind === "web") metadata.sourceUrl = target.url;
    else {
      const keyLine = lines.findIndex((line, index) => index > 0 && index < closing && /^\s*["']?source_?url["']?\s*:/i.test(line));
      const reason = target.kind === "refused" ? target.reason : "not an absolute http(s) URL";
      warnings.push({ line: keyLine > 0 ? keyLine + 1 : 1, message: `Ignored source_url ${JSON.stringify(sourceUrl)}: ${reason}.` });
    }
  }
  const fetchedAt = asDateString(data.fetched_at ?? data.fetchedAt);
  if (fetchedAt !== undefined) metadata.fetchedAt = fetchedAt;

  const result: FrontMatter = {
    lineCount: closing + 1,
    metadata,
    linkedFrom: asDeclaredLinks(data.linked_from ?? data.linkedFrom),
    warnings,
  };
  const title = asText(data.title);
  if (title !== undefined) result.title = title;
  const generator = generatorOf(data);
  if (generator !== undefined) result.generator = generator;
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
