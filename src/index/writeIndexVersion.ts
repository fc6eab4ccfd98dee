import { mkdir, stat } from "node:fs/promises";
import path from "node:path";
import { jsonArrayPieces, syncDirectory, writeFileDurably, type FileData } from "./durableFiles.js";
import { writeEmbeddingCache } from "./embeddingCacheFile.js";
import { VERSION_FILES } from "./indexLayout.js";
import { LexicalIndex } from "./LexicalIndex.js";
import { lexicalIndexToFiles } from "./lexicalIndexFiles.js";
import { termTableOfChunks, termTableToFiles } from "./termTableFiles.js";
import type { IndexManifest } from "./types.js";
import { writeVectorIndex } from "./vectorIndexFiles.js";
import type { VersionContents } from "./VersionWriter.js";

/** Writes one file of the version durably; a parameter so tests can make the disk "full". */
export type WriteVersionFile = (file: string, data: FileData) => Promise<void>;

/**
 * Write one complete index version into a directory that must not exist yet. manifest.json goes
 * last, after every other file is flushed, and records their sizes: a version with a manifest is
 * whole. `step` is called between files so the caller can abort and report progress.
 */
export async function writeIndexVersion(
  versionDir: string,
  contents: VersionContents,
  step: (label: string) => void,
  writeFile: WriteVersionFile = writeFileDurably,
): Promise<IndexManifest> {
  await mkdir(versionDir);
  const { chunks, chunkVectors, manifest } = contents;
  const dimensions = manifest.embedder.dimensions;

  step("chunks and documents");
  // In pieces: the two largest JSON files, never built as one string (peak RSS of a large ingest).
  await writeFile(path.join(versionDir, VERSION_FILES.chunks), jsonArrayPieces(chunks));
  await writeFile(path.join(versionDir, VERSION_FILES.documents), jsonArrayPieces(contents.documents));
  await writeFile(path.join(versionDir, VERSION_FILES.resources), JSON.stringify(contents.resources));

  step("lexical index");
  const lexical = lexicalIndexToFiles(contents.lexical ?? LexicalIndex.fromChunks(chunks));
  await writeFile(path.join(versionDir, VERSION_FILES.lexical), lexical.json);
  await writeFile(path.join(versionDir, VERSION_FILES.lexicalPostings), lexical.bin);

  step("term table");
  const terms = termTableToFiles(contents.termTable ?? termTableOfChunks(chunks));
  await writeFile(path.join(versionDir, VERSION_FILES.terms), terms.json);
  await writeFile(path.join(versionDir, VERSION_FILES.termsBin), terms.bin);

  if (contents.lexicon) await writeFile(path.join(versionDir, VERSION_FILES.lexicon), JSON.stringify(contents.lexicon));

  // After the JSON files, so the vector file's buffer (~190 MB at 100k chunks) and their
  // serialisation are never alive at once: the peak RSS of a large ingest.
  step("vector index");
  const vectorIndex = await writeVectorIndex(versionDir, chunks, chunkVectors, dimensions, contents.embeddings, writeFile);

  step("embedding cache");
  await writeEmbeddingCache(versionDir, contents.cache.namespace, dimensions, contents.cache.entries, chunkVectors);

  step("manifest");
  const artifacts: Record<string, number> = {};
  const files = [
    ...vectorIndex.files,
    VERSION_FILES.chunks,
    VERSION_FILES.documents,
    VERSION_FILES.resources,
    VERSION_FILES.lexical,
    VERSION_FILES.lexicalPostings,
    VERSION_FILES.terms,
    VERSION_FILES.termsBin,
    VERSION_FILES.cacheKeys,
    ...(contents.lexicon ? [VERSION_FILES.lexicon] : []),
  ];
  for (const file of files) artifacts[file] = (await stat(path.join(versionDir, file))).size;
  const complete: IndexManifest = { ...manifest, vectors: vectorIndex.descriptor, artifacts };
  await writeFile(path.join(versionDir, VERSION_FILES.manifest), JSON.stringify(complete, null, 2));
  await syncDirectory(versionDir);
  return complete;
}
