import type { DocumentKind, LinkedFrom, Link } from "../corpus/types.js";

/** A passage: a piece of one section, never crossing a section boundary. */
export interface Chunk {
  /** Stable: first 16 hex chars of sha256(source + headingPath + text). */
  id: string;
  docId: string;
  source: string;
  title: string;
  kind: DocumentKind;
  headingPath: string[];
  /** Index into the document's outline; -1 for text before the first heading. */
  sectionIndex: number;
  text: string;
  /** 1-based inclusive line range in the source file. */
  startLine: number;
  endLine: number;
  links: Link[];
  linkedFrom: LinkedFrom[];
  /** For web notes: the original page URL. */
  url?: string;
}
