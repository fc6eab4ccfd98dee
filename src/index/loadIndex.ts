import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { open, readFile, readdir, stat, type FileHandle } from "node:fs/promises";
import path from "node:path";
import type { Chunk } from "../chunking/types.js";
import type { CorpusDocument, Resource } from "../corpus/types.js";
import { IndexMismatch, IndexNotReady } from "../errors.js";
import { describeEmbedder, sameEmbedder } from "./describeEmbedder.js";
import { IndexEmbeddings } from "./IndexEmbeddings.js";
import { currentVersionDir, isVersionName, VERSION_FILES } from "./indexLayout.js";
import {
  chunkSchema,
  describeShapeError,
  documentSchema,
  hasChunkShape,
  hasDocumentShape,
  hasLexiconShape,
  hasResourceShape,
  lexiconSchema,
  manifestSchema,
  resourceSchema,
} from "./indexSchemas.js";
import type { LexicalIndex } from "./LexicalIndex.js";
import { readLexicalIndexFiles } from "./lexicalIndexFiles.js";
import { termTableFromFiles } from "./termTableFiles.js";
import type { TermTable } from "../text/termTable.js";
import { loadVectorIndex, VectorIndexDamaged } from "./vectorIndexFiles.js";
import type { EmbedderIdentity } from "../embeddings/types.js";
import { INDEX_FORMAT_VERSION, type DenseVectorSearch, type IndexLexicon, type IndexManifest, type LoadedIndex } from "./types.js";
import type { z } from "zod";

const REBUILD = "rebuild it with `npm run ingest`";

/**
 * Load and validate the live index version of `indexDir` for the configured embedder.
 * - no index → IndexNotReady ("No index at …. Run `npm run ingest` …")
 * - a missing, truncated or corrupt file (bad JSON, or JSON of the wrong shape) → the newest
 *   older version that is intact is loaded instead, with `fallbackFrom` saying why; when there
 *   is none, IndexNotReady naming the file
 * - built by another embedder or vector size → IndexMismatch naming both
 */
export async function loadIndex(indexDir: string, embeddings: EmbeddingsInterface, expected: EmbedderIdentity): Promise<LoadedIndex> {
  const dir = await currentVersionDir(indexDir);
  try {
    return await loadVersion(indexDir, dir, embeddings, expected);
  } catch (error) {
    if (!(error instanceof IndexNotReady)) throw error;
    for (const older of await olderVersions(indexDir, path.basename(dir))) {
      try {
        return { ...(await loadVersion(indexDir, older, embeddings, expected)), fallbackFrom: error.message };
      } catch {
        // Not intact either (or built by another embedder): try the one before.
      }
    }
    throw error;
  }
}

/** Finished versions older than `current`, newest first (names sort by creation time). */
async function olderVersions(indexDir: string, current: string): Promise<string[]> {
  const entries = await readdir(indexDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isDirectory() && isVersionName(entry.name) && entry.name < current)
    .map((entry) => entry.name)
    .sort()
    .reverse()
    .map((name) => path.join(indexDir, name));
}

async function loadVersion(
  indexDir: string,
  dir: string,
  embeddings: EmbeddingsInterface,
  expected: EmbedderIdentity,
): Promise<LoadedIndex> {
  const manifest = parseManifest(await readText(dir, VERSION_FILES.manifest), path.join(dir, VERSION_FILES.manifest));
  if (!sameEmbedder(manifest.embedder, expected)) {
    throw new IndexMismatch(
      `The index at ${indexDir} was built with ${describeEmbedder(manifest.embedder)} but the configured embedder is ${describeEmbedder(expected)}; rebuild with npm run ingest.`,
    );
  }
  await checkSizes(dir, manifest);

  const chunksRead = readText(dir, VERSION_FILES.chunks).then((t) =>
    parseArray<Chunk>(t, dir, VERSION_FILES.chunks, chunkSchema, hasChunkShape),
  );
  const [chunks, documents, resources, lexical, termsJson, termsBin] = await Promise.all([
    chunksRead,
    readText(dir, VERSION_FILES.documents).then((t) =>
      parseArray<CorpusDocument>(t, dir, VERSION_FILES.documents, documentSchema, hasDocumentShape),
    ),
    readText(dir, VERSION_FILES.resources).then((t) =>
      parseArray<Resource>(t, dir, VERSION_FILES.resources, resourceSchema, hasResourceShape),
    ),
    // lexical.bin's Buffer lives only in here: its postings move into the BM25 kernel's memory, and
    // the Buffer is let go before vectors.bin is read (at 100k chunks, 72 MB less at the load's peak).
    Promise.all([readText(dir, VERSION_FILES.lexical), chunksRead]).then(([json, read]) => lexicalFromFiles(dir, json, read)),
    readText(dir, VERSION_FILES.terms),
    readBytes(dir, VERSION_FILES.termsBin),
  ]);

  let termTable: TermTable;
  try {
    termTable = termTableFromFiles(termsJson, termsBin, chunks.length);
  } catch (error) {
    throw corrupt(dir, VERSION_FILES.terms, `not a saved term table: ${(error as Error).message}`);
  }

  const indexEmbeddings = new IndexEmbeddings(embeddings, manifest.embedder);
  checkConsistency(dir, manifest, chunks, documents);
  let vectorStore: DenseVectorSearch;
  try {
    vectorStore = await loadVectorIndex(dir, manifest.vectors, indexEmbeddings, chunks, manifest.embedder.dimensions);
  } catch (error) {
    if (!(error instanceof VectorIndexDamaged)) throw error;
    if (error.why === "missing or corrupt" || error.why === "missing or unreadable")
      throw new IndexNotReady(`The index file ${path.join(dir, error.file)} is ${error.why}; ${REBUILD}.`);
    throw corrupt(dir, error.file, error.why);
  }

  return {
    dir,
    manifest,
    documents,
    chunks,
    chunkById: new Map(chunks.map((chunk) => [chunk.id, chunk])),
    resources,
    vectorStore,
    lexical,
    termTable,
    embeddings: indexEmbeddings,
    ...(await readLexicon(dir, manifest)),
  };
}

/** lexicon.json when the version has one (it is optional: without it retrieval reads CC-CEDICT itself). */
async function readLexicon(dir: string, manifest: IndexManifest): Promise<{ lexicon?: IndexLexicon }> {
  if (manifest.artifacts?.[VERSION_FILES.lexicon] === undefined) return {};
  const json = parseJson(await readText(dir, VERSION_FILES.lexicon), dir, VERSION_FILES.lexicon);
  const parsed = hasLexiconShape(json) ? { success: true as const, data: json } : lexiconSchema.safeParse(json);
  if (!parsed.success) throw corrupt(dir, VERSION_FILES.lexicon, describeShapeError(parsed.error));
  const { glosses, englishWords, generalIdf, sounds } = parsed.data;
  return {
    lexicon: {
      glosses: new Map(Object.entries(glosses)),
      englishWords: new Set(englishWords),
      ...(generalIdf ? { generalIdf: { median: generalIdf.median, idf: new Map(Object.entries(generalIdf.idf)) } } : {}),
      ...(sounds ? { sounds: new Map(Object.entries(sounds)) } : {}),
    },
  };
}

async function readText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(path.join(dir, file), "utf8");
  } catch {
    throw new IndexNotReady(`The index file ${path.join(dir, file)} is missing or unreadable; ${REBUILD}.`);
  }
}

async function readBytes(dir: string, file: string): Promise<Buffer> {
  try {
    return await readFile(path.join(dir, file));
  } catch {
    throw new IndexNotReady(`The index file ${path.join(dir, file)} is missing or unreadable; ${REBUILD}.`);
  }
}

function corrupt(dir: string, file: string, why: string): IndexNotReady {
  return new IndexNotReady(`The index file ${path.join(dir, file)} is corrupt (${why}); ${REBUILD}.`);
}

function parseJson(text: string, dir: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw corrupt(dir, file, "invalid JSON");
  }
}

/**
 * Validated against `item`, which mirrors T; the parsed value itself is returned (no copy of a
 * large file). `hasShape` is `item` checked by hand (indexSchemas.ts): a list whose every item it
 * accepts is returned without zod; the schema parses one it refuses, to name the problem.
 */
function parseArray<T>(text: string, dir: string, file: string, item: z.ZodType, hasShape: (value: unknown) => boolean): T[] {
  const value = parseJson(text, dir, file);
  if (!Array.isArray(value)) throw corrupt(dir, file, "expected a list");
  if (value.every(hasShape)) return value as T[];
  const parsed = item.array().safeParse(value);
  if (!parsed.success) throw corrupt(dir, file, describeShapeError(parsed.error));
  return value as T[];
}

function parseManifest(text: string, file: string): IndexManifest {
  const dir = path.dirname(file);
  const name = path.basename(file);
  const json = parseJson(text, dir, name);
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === "number" && version < INDEX_FORMAT_VERSION) {
    throw new IndexNotReady(
      `The index at ${dir} is of format ${version}, older than this version's ${INDEX_FORMAT_VERSION} (exact sparse vectors, binary postings, stored term statistics, documents' platforms, leading lists in outlines, documents' cards); ${REBUILD}.`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success)
    throw corrupt(dir, name, `not an index manifest of format ${INDEX_FORMAT_VERSION}: ${describeShapeError(parsed.error)}`);
  return parsed.data as IndexManifest;
}

/** Files that are each well formed but do not belong together: what a request would trip over. */
function checkConsistency(dir: string, manifest: IndexManifest, chunks: Chunk[], documents: CorpusDocument[]): void {
  if (manifest.counts.chunks !== chunks.length) {
    throw corrupt(dir, VERSION_FILES.chunks, `${chunks.length} chunks, the manifest says ${manifest.counts.chunks}`);
  }
  const documentIds = new Set(documents.map((doc) => doc.id));
  const orphan = chunks.find((chunk) => !documentIds.has(chunk.docId));
  if (orphan !== undefined) throw corrupt(dir, VERSION_FILES.chunks, `chunk ${orphan.id} belongs to no document`);
}

/** A file shorter or longer than when it was written was truncated or replaced: refuse it before a parser or hnswlib sees it. */
async function checkSizes(dir: string, manifest: IndexManifest): Promise<void> {
  for (const [file, bytes] of Object.entries(manifest.artifacts ?? {})) {
    let size: number;
    try {
      size = (await stat(path.join(dir, file))).size;
    } catch {
      throw new IndexNotReady(`The index file ${path.join(dir, file)} is missing; ${REBUILD}.`);
    }
    if (size !== bytes) throw corrupt(dir, file, `${size} bytes, expected ${bytes}`);
  }
}

/** lexical.bin is read into the BM25 kernel's memory, where its postings are searched (readLexicalIndexFiles). */
async function lexicalFromFiles(dir: string, json: string, chunks: readonly Chunk[]): Promise<LexicalIndex> {
  const file = path.join(dir, VERSION_FILES.lexicalPostings);
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch {
    throw new IndexNotReady(`The index file ${file} is missing or unreadable; ${REBUILD}.`);
  }
  try {
    const { size } = await handle.stat();
    return await readLexicalIndexFiles(
      json,
      size,
      (target) => readWhole(handle, target),
      chunks.map((chunk) => chunk.id),
    );
  } catch (error) {
    throw corrupt(dir, VERSION_FILES.lexical, `not a saved lexical index: ${(error as Error).message}`);
  } finally {
    await handle.close();
  }
}

/** Bytes per read call (one read is capped at 2 GB, and smaller reads keep the event loop turning). */
const READ_BLOCK = 16 * 1024 * 1024;

/** Fills `target` from the start of the file; throws when the file ends first. */
async function readWhole(handle: FileHandle, target: Uint8Array): Promise<void> {
  for (let at = 0; at < target.byteLength;) {
    const { bytesRead } = await handle.read(target, at, Math.min(READ_BLOCK, target.byteLength - at), at);
    if (bytesRead === 0) throw new Error(`lexical.bin ends after ${at} bytes`);
    at += bytesRead;
  }
}
