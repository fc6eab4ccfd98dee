/** What the corpus stage produces: one cleaned document with its outline, links and provenance. */

export type DocumentKind = "roadmap" | "note" | "web";

/** A heading recovered from markdown (`#`) or from plain-text stage lines (`第一阶段：…`, `一、…`, `0x31 …`). */
export interface Section {
  /** Position in the document's outline, 0-based, in reading order. */
  index: number;
  heading: string;
  /** 1 = top level. Plain-text stages get levels relative to the headings around them. */
  level: number;
  /** Ancestors' headings then this one: ["学习路径", "第七阶段：前沿技术探索"]. */
  headingPath: string[];
  /** 1-based line of the heading in the source file. */
  startLine: number;
  /** 1-based inclusive last line of this section's own body (before the next heading of any level). */
  endLine: number;
  /** Index of the parent section, absent for top-level sections. */
  parent?: number;
}

/** A markdown link, autolink or bare URL as written in a document. */
export interface Link {
  /** Anchor text; for a bare URL, the URL itself. */
  text: string;
  url: string;
  /** 1-based source line. */
  line: number;
}

/** One entry of the resources catalogue: a link with the section it sits in. */
export interface Resource {
  title: string;
  url: string;
  docId: string;
  source: string;
  headingPath: string[];
  line: number;
}

/** Where a linked note was linked from. */
export interface LinkedFrom {
  docId: string;
  source: string;
  title: string;
  headingPath: string[];
  line: number;
}

export interface DocumentMetadata {
  date?: string;
  tags?: string[];
  categories?: string[];
  description?: string;
  /** For notes fetched from the web: the page they came from. */
  sourceUrl?: string;
  fetchedAt?: string;
  /**
   * The platform the post was written on, told by the marks its editor left (cleaningRules.ts
   * EDITOR_TRACES), e.g. "csdn", or else by the keys its generator's scaffold wrote in the front
   * matter (frontMatter.ts), e.g. "hexo".
   */
  platform?: string;
}

/** A fact a document states of itself (documentCard.ts). */
export type DocumentFact = "author" | "date" | "tags" | "title" | "link";

/**
 * The lines where a document states its own facts (front matter, a byline block), as one passage:
 * the front matter's lines are blanked in `text`, so no other passage holds them.
 */
export interface DocumentCard {
  /** 1-based inclusive line range in the source file. */
  startLine: number;
  endLine: number;
  /** The stating lines, trimmed, joined by "\n" (the front matter's empty or layout keys left out). */
  text: string;
  /** Each stating line (1-based) with the fact it states. */
  lines: { line: number; text: string; fact: DocumentFact }[];
}

export interface CorpusDocument {
  /** Stable id derived from `source` (see documentIdFor). URL-safe. */
  id: string;
  /** Posix path relative to the corpus root, e.g. "roadmaps/001_8e5e9a45eaf284ba.txt". */
  source: string;
  kind: DocumentKind;
  title: string;
  metadata: DocumentMetadata;
  /**
   * Cleaned text with exactly as many lines as the file on disk: removed lines (front matter,
   * image placeholders, the promotional tail) become empty lines, so line numbers stay true.
   */
  text: string;
  lineCount: number;
  /** sha256 hex of the raw file bytes. */
  contentHash: string;
  outline: Section[];
  links: Link[];
  linkedFrom: LinkedFrom[];
  /** Its own facts where it states them (documentCard.ts); absent when it states none. */
  card?: DocumentCard;
}

export interface SkippedFile {
  source: string;
  reason: string;
}

export interface CorpusWarning {
  source: string;
  line?: number;
  message: string;
}

export interface LoadedCorpus {
  documents: CorpusDocument[];
  skipped: SkippedFile[];
  warnings: CorpusWarning[];
}
