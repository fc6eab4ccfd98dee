import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { BadInput } from "../errors.js";
import { buildDocument } from "./buildDocument.js";
import type { DeclaredLink } from "./frontMatter.js";
import { resolveLinkedNotes } from "./linkedNotes.js";
import { listCorpusFiles } from "./listCorpusFiles.js";
import type { CorpusDocument, CorpusWarning, LoadedCorpus, SkippedFile } from "./types.js";

export interface LoadCorpusOptions {
  /** Files larger than this are skipped (default 2 MB). */
  maxFileBytes?: number;
  onProgress?: (done: number, total: number, source: string) => void;
}

const DEFAULT_MAX_FILE_BYTES = 2_000_000;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Reads every .md/.markdown/.txt file under corpusDir (sorted, so ids and order are
 * deterministic) into cleaned documents. A bad file is skipped with a reason, never fatal; a
 * missing or empty corpus is the caller's mistake and throws BadInput.
 */
export async function loadCorpus(corpusDir: string, options: LoadCorpusOptions = {}): Promise<LoadedCorpus> {
  const maxFileBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const listing = await listCorpusFiles(corpusDir);
  const skipped: SkippedFile[] = [...listing.skipped];
  const warnings: CorpusWarning[] = [];
  const documents: CorpusDocument[] = [];
  const declaredLinks = new Map<string, DeclaredLink[]>();
  const firstSourceByHash = new Map<string, string>();

  for (const [position, file] of listing.files.entries()) {
    const result = await readTextFile(file.absolutePath, file.size, maxFileBytes);
    if ("reason" in result) {
      skipped.push({ source: file.source, reason: result.reason });
    } else {
      const duplicateOf = firstSourceByHash.get(result.contentHash);
      if (duplicateOf !== undefined) {
        skipped.push({ source: file.source, reason: `duplicate of ${duplicateOf}` });
      } else if (result.text.trim() === "") {
        skipped.push({ source: file.source, reason: "empty file" });
      } else {
        firstSourceByHash.set(result.contentHash, file.source);
        const built = buildDocument(file.source, result.text, result.contentHash);
        documents.push(built.document);
        warnings.push(...built.warnings);
        if (built.declaredLinks.length > 0) declaredLinks.set(built.document.id, built.declaredLinks);
      }
    }
    options.onProgress?.(position + 1, listing.files.length, file.source);
  }

  if (documents.length === 0) {
    const why = listing.files.length === 0 ? "no .md, .markdown or .txt files" : "no readable documents (all files were skipped)";
    throw new BadInput(`The corpus folder ${corpusDir} has ${why}.`);
  }
  const linked = resolveLinkedNotes(documents, declaredLinks);
  return { documents: linked.documents, skipped, warnings: [...warnings, ...linked.warnings] };
}

type ReadResult = { text: string; contentHash: string } | { reason: string };

async function readTextFile(absolutePath: string, size: number, maxFileBytes: number): Promise<ReadResult> {
  if (size > maxFileBytes) return { reason: `too large: ${size} bytes (limit ${maxFileBytes})` };
  let bytes: Buffer;
  try {
    bytes = await readFile(absolutePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    return { reason: `unreadable (${code})` };
  }
  if (bytes.length > maxFileBytes) return { reason: `too large: ${bytes.length} bytes (limit ${maxFileBytes})` };
  if (bytes.includes(0)) return { reason: "binary file (contains NUL bytes)" };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reason: "not valid UTF-8 text" };
  }
  return { text, contentHash: createHash("sha256").update(bytes).digest("hex") };
}
