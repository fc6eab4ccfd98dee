import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { BadInput } from "../errors.js";
import type { SkippedFile } from "./types.js";

export const CORPUS_EXTENSIONS = [".md", ".markdown", ".txt"] as const;

export interface CorpusFile {
  /** Posix path relative to the corpus root. */
  source: string;
  absolutePath: string;
  size: number;
}

export interface CorpusListing {
  files: CorpusFile[];
  skipped: SkippedFile[];
}

/**
 * Every corpus file under root, sorted by source path with a plain code-unit comparison (not
 * locale-dependent, so the order is the same on every machine). Hidden entries are ignored;
 * symbolic links to files are read, links to folders are not followed (no cycles).
 */
export async function listCorpusFiles(root: string): Promise<CorpusListing> {
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch {
    throw new BadInput(`The corpus folder ${root} does not exist.`);
  }
  if (!rootStat.isDirectory()) throw new BadInput(`The corpus path ${root} is not a folder.`);

  const files: CorpusFile[] = [];
  const skipped: SkippedFile[] = [];
  await walk(root, "", files, skipped);
  files.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  return { files, skipped };
}

async function walk(root: string, relativeDir: string, files: CorpusFile[], skipped: SkippedFile[]): Promise<void> {
  const absoluteDir = path.join(root, relativeDir);
  let entries;
  try {
    entries = await readdir(absoluteDir, { withFileTypes: true });
  } catch (error) {
    skipped.push({ source: relativeDir || ".", reason: `unreadable folder (${(error as NodeJS.ErrnoException).code ?? "unknown error"})` });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const source = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
    const absolutePath = path.join(absoluteDir, entry.name);
    if (entry.isDirectory()) {
      await walk(root, source, files, skipped);
      continue;
    }
    if (!CORPUS_EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) continue;
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    try {
      const info = await stat(absolutePath);
      if (info.isFile()) files.push({ source, absolutePath, size: info.size });
    } catch (error) {
      skipped.push({ source, reason: `unreadable (${(error as NodeJS.ErrnoException).code ?? "unknown error"})` });
    }
  }
}
