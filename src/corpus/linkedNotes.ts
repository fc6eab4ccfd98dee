import path from "node:path";
import type { DeclaredLink } from "./frontMatter.js";
import { fencedLines } from "./headingCandidates.js";
import { classifyLinkTarget, isWebUrl } from "./links.js";
import { scanInlineLinks } from "./markdownLinks.js";
import { sectionAtLine } from "./outline.js";
import type { CorpusDocument, CorpusWarning, LinkedFrom } from "./types.js";

/** A link from one corpus document to another file of the corpus, as written. */
export interface NoteReference {
  target: string;
  label: string;
  /** 1-based line of the link. */
  line: number;
  syntax: "markdown" | "wiki";
}

const NOTE_EXTENSIONS = [".md", ".markdown", ".txt"] as const;
const WIKI_LINK = /\[\[([^\]|#\n]+)(?:#[^\]|\n]*)?(?:\|([^\]\n]+))?\]\]/g;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

export function extractNoteReferences(text: string): NoteReference[] {
  const lines = text.split("\n");
  const inFence = fencedLines(lines);
  const references: NoteReference[] = [];
  lines.forEach((line, index) => {
    if (inFence[index]) return;
    for (const link of scanInlineLinks(line)) {
      const target = relativeTarget(link.url);
      if (link.isImage || target === undefined) continue;
      references.push({ target, label: link.text.trim(), line: index + 1, syntax: "markdown" });
    }
    for (const match of line.matchAll(WIKI_LINK)) {
      const target = match[1]!.trim();
      references.push({ target, label: (match[2] ?? target).trim(), line: index + 1, syntax: "wiki" });
    }
  });
  return references;
}

/** The file path of a relative markdown link to a note, or undefined when it points elsewhere (web, anchor, image, PDF…). */
function relativeTarget(url: string): string | undefined {
  if (url === "" || url.startsWith("#") || url.startsWith("//") || URL_SCHEME.test(url) || isWebUrl(url)) return undefined;
  // What a browser reads as a scheme (`java<TAB>script:`, `\x01javascript:`) is no note either.
  if (classifyLinkTarget(url).kind !== "relative") return undefined;
  let target = url.replace(/[?#].*$/, "");
  try {
    target = decodeURIComponent(target);
  } catch {
    // Keep the raw text: a stray % is more likely part of a file name than an encoding.
  }
  const extension = path.posix.extname(target).toLowerCase();
  if (extension !== "" && !(NOTE_EXTENSIONS as readonly string[]).includes(extension)) return undefined;
  return target === "" ? undefined : target;
}

export interface LinkedNotesResult {
  documents: CorpusDocument[];
  warnings: CorpusWarning[];
}

/**
 * Fills every document's `linkedFrom` from the links other documents make to it (relative
 * markdown links, `[[wiki links]]`) and from `linked_from` front matter (notes fetched from the
 * web record where they were linked from). Targets are resolved only against the loaded
 * documents, never the filesystem, so a link cannot reach outside the corpus.
 */
export function resolveLinkedNotes(
  documents: readonly CorpusDocument[],
  declaredLinks: ReadonlyMap<string, readonly DeclaredLink[]> = new Map(),
): LinkedNotesResult {
  const bySource = new Map(documents.map((doc) => [doc.source, doc]));
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  const incoming = new Map<string, LinkedFrom[]>();
  const warnings: CorpusWarning[] = [];
  const addIncoming = (targetId: string, entry: LinkedFrom) => {
    const list = incoming.get(targetId) ?? [];
    const duplicate = list.some((e) => e.docId === entry.docId && e.line === entry.line && e.headingPath.join("\u0000") === entry.headingPath.join("\u0000"));
    if (!duplicate) list.push(entry);
    incoming.set(targetId, list);
  };

  for (const doc of documents) {
    for (const reference of extractNoteReferences(doc.text)) {
      const resolution = resolveTarget(doc.source, reference, bySource);
      if (resolution.kind === "outside") {
        warnings.push({ source: doc.source, line: reference.line, message: `Ignored link to "${reference.target}": it points outside the corpus folder.` });
        continue;
      }
      if (resolution.kind === "missing") {
        warnings.push({ source: doc.source, line: reference.line, message: `Linked note "${reference.target}" was not found in the corpus.` });
        continue;
      }
      if (resolution.doc.id === doc.id) continue;
      addIncoming(resolution.doc.id, {
        docId: doc.id,
        source: doc.source,
        title: doc.title,
        headingPath: sectionAtLine(doc.outline, reference.line)?.headingPath ?? [],
        line: reference.line,
      });
    }
  }

  // A link to a web page that was fetched into the corpus links to that note too, front matter or not.
  const bySourceUrl = new Map(documents.flatMap((doc) => (doc.metadata.sourceUrl === undefined ? [] : [[doc.metadata.sourceUrl, doc] as const])));
  for (const doc of documents) {
    for (const link of doc.links) {
      const note = bySourceUrl.get(link.url);
      if (note === undefined || note.id === doc.id) continue;
      addIncoming(note.id, { docId: doc.id, source: doc.source, title: doc.title, headingPath: sectionAtLine(doc.outline, link.line)?.headingPath ?? [], line: link.line });
    }
  }

  for (const [targetId, declared] of declaredLinks) {
    const target = byId.get(targetId);
    if (target === undefined) continue;
    for (const link of declared) {
      const from = bySource.get(link.doc) ?? byId.get(link.doc);
      if (from === undefined) {
        warnings.push({ source: target.source, message: `Front matter says this note is linked from "${link.doc}", which is not in the corpus.` });
        continue;
      }
      const section = from.outline.find((s) => s.headingPath.join("\u0000") === link.headingPath.join("\u0000"));
      addIncoming(targetId, { docId: from.id, source: from.source, title: from.title, headingPath: [...link.headingPath], line: link.line ?? section?.startLine ?? 1 });
    }
  }

  return {
    documents: documents.map((doc) => {
      const added = incoming.get(doc.id);
      return added === undefined ? doc : { ...doc, linkedFrom: [...doc.linkedFrom, ...added] };
    }),
    warnings,
  };
}

type Resolution = { kind: "found"; doc: CorpusDocument } | { kind: "missing" } | { kind: "outside" };

function resolveTarget(fromSource: string, reference: NoteReference, bySource: ReadonlyMap<string, CorpusDocument>): Resolution {
  const bases = reference.target.startsWith("/")
    ? [path.posix.normalize(reference.target.slice(1))]
    : [path.posix.normalize(path.posix.join(path.posix.dirname(fromSource), reference.target)), path.posix.normalize(reference.target)];
  const inside = bases.filter((base) => !(base === ".." || base.startsWith("../")));
  if (inside.length === 0) return { kind: "outside" };

  const withExtensions = (base: string) => {
    const hasNoteExtension = NOTE_EXTENSIONS.some((ext) => base.toLowerCase().endsWith(ext));
    return hasNoteExtension ? [base] : [base, ...NOTE_EXTENSIONS.map((ext) => base + ext)];
  };
  for (const base of inside) {
    for (const candidate of withExtensions(base)) {
      const doc = bySource.get(candidate);
      if (doc !== undefined) return { kind: "found", doc };
    }
  }
  if (reference.syntax === "wiki") {
    // Wiki links usually name a note, not a path: accept a unique match on the file name anywhere in the corpus.
    const name = path.posix.basename(reference.target).toLowerCase();
    const matches = [...bySource.values()].filter((doc) => {
      const base = path.posix.basename(doc.source).toLowerCase();
      return base === name || NOTE_EXTENSIONS.some((ext) => base === name + ext);
    });
    if (matches.length === 1) return { kind: "found", doc: matches[0]! };
  }
  return { kind: "missing" };
}
