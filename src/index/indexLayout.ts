import { randomBytes } from "node:crypto";
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { IndexNotReady } from "../errors.js";
import { replaceFileAtomically } from "./durableFiles.js";

/**
 * The on-disk layout of INDEX_DIR:
 *
 *   CURRENT                      name of the live version (replaced atomically)
 *   ingest.lock                  held while an ingest writes (pid, boot id and start time inside)
 *   v-<timestamp>-<random>/      one complete, immutable index version:
 *     manifest.json              written last: a version without it is unfinished
 *     vectors.bin                sparse vectors (local embedder) by dimension, searched exactly; or
 *     hnswlib/                   args.json, docstore.json (label → chunk id only), hnswlib.index
 *                                (LangChain HNSWLib) for dense vectors. The only copy of the vectors
 *     chunks.json                the only copy of the chunk text
 *     documents.json resources.json
 *     lexical.json lexical.bin   BM25 vocabulary + postings (uint32 arrays)
 *     embeddings.json            the embedding cache: text key → label of its vector
 *     lexicon.json               CC-CEDICT glosses of the corpus's words + English gloss words,
 *                                jieba's general-language idf and the pinyin readings of its words (optional)
 *
 * A version is never modified after CURRENT points at it, so a server can keep reading the old
 * one while an ingest writes the next.
 */
export const POINTER_FILE = "CURRENT";
export const LOCK_FILE = "ingest.lock";

export const VERSION_FILES = {
  manifest: "manifest.json",
  hnswlib: "hnswlib",
  chunks: "chunks.json",
  documents: "documents.json",
  resources: "resources.json",
  lexical: "lexical.json",
  lexicalPostings: "lexical.bin",
  cacheKeys: "embeddings.json",
  vectors: "vectors.bin",
  lexicon: "lexicon.json",
  terms: "terms.json",
  termsBin: "terms.bin",
} as const;

/** Files inside hnswlib/ (what HNSWLib.save writes). */
export const HNSWLIB_FILES = ["args.json", "docstore.json", "hnswlib.index"] as const;

const VERSION_NAME = /^v-[0-9TZ]+-[0-9a-f]+$/;

export function newVersionName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `v-${stamp}-${randomBytes(4).toString("hex")}`;
}

export function isVersionName(name: string): boolean {
  return VERSION_NAME.test(name);
}

/** The live version's name, or undefined when there is no (valid) pointer. */
export async function readPointer(indexDir: string): Promise<string | undefined> {
  let content: string;
  try {
    content = await readFile(path.join(indexDir, POINTER_FILE), "utf8");
  } catch {
    return undefined;
  }
  const name = content.trim();
  return isVersionName(name) ? name : undefined;
}

/** The live version's directory; IndexNotReady when there is none. */
export async function currentVersionDir(indexDir: string): Promise<string> {
  const name = await readPointer(indexDir);
  if (name === undefined) {
    throw new IndexNotReady(`No index at ${indexDir}. Run \`npm run ingest\` to build it.`);
  }
  return path.join(indexDir, name);
}

export async function writePointer(indexDir: string, versionName: string): Promise<void> {
  await replaceFileAtomically(path.join(indexDir, POINTER_FILE), `${versionName}\n`, indexDir);
}

/**
 * Remove every version except those to keep, and leftovers of interrupted writes. Only call
 * while holding the ingest lock: otherwise another process's unfinished version could go.
 */
export async function removeOtherVersions(indexDir: string, keep: ReadonlySet<string>): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(indexDir, { withFileTypes: true })) {
    if (entry.isDirectory() && isVersionName(entry.name) && !keep.has(entry.name)) {
      await rm(path.join(indexDir, entry.name), { recursive: true, force: true });
      removed.push(entry.name);
    }
  }
  await rm(path.join(indexDir, `${POINTER_FILE}.tmp`), { force: true });
  return removed;
}
