import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { isTutorError } from "../errors.js";
import { estimateVersionBytes, freeBytes, IndexDiskFull, isDiskFullError } from "./diskSpace.js";
import { readCachedVectors } from "./embeddingCacheFile.js";
import { newVersionName, readPointer, removeOtherVersions, writePointer } from "./indexLayout.js";
import { acquireIngestLock } from "./ingestLock.js";
import type { CachedVectors, VersionContents, VersionSizeHint, VersionWriter, WrittenVersion } from "./VersionWriter.js";
import { writeIndexVersion, type WriteVersionFile } from "./writeIndexVersion.js";

export interface FileVersionWriterOptions {
  /** Clock for version names (tests). */
  now?: () => Date;
  /** Writes the version's files (default: durable writes); tests inject a full disk here. */
  writeFile?: WriteVersionFile;
}

/**
 * The default store's writer: one folder per version under INDEX_DIR, made live by replacing the
 * CURRENT pointer atomically; ingest.lock keeps it to one writer. After a publish the live
 * version and the one before it stay (a server still reading the old one keeps working); older
 * ones and leftovers of interrupted writes go.
 */
export class FileVersionWriter implements VersionWriter {
  private previous: string | undefined;

  constructor(
    private readonly indexDir: string,
    private readonly options: FileVersionWriterOptions = {},
  ) {}

  get location(): string {
    return this.indexDir;
  }

  async lock(): Promise<() => Promise<void>> {
    await mkdir(this.indexDir, { recursive: true });
    return acquireIngestLock(this.indexDir);
  }

  async readCachedVectors(namespace: string): Promise<CachedVectors | undefined> {
    this.previous = await readPointer(this.indexDir);
    return this.previous ? readCachedVectors(path.join(this.indexDir, this.previous), namespace) : undefined;
  }

  async write(contents: VersionContents, step: (label: string) => void): Promise<WrittenVersion> {
    const name = newVersionName((this.options.now ?? (() => new Date()))());
    const location = path.join(this.indexDir, name);
    try {
      const manifest = await writeIndexVersion(location, contents, step, this.options.writeFile);
      return { name, location, manifest };
    } catch (error) {
      await rm(location, { recursive: true, force: true });
      throw error;
    }
  }

  async publish(version: WrittenVersion): Promise<void> {
    await writePointer(this.indexDir, version.name);
    const keep = new Set([version.name, ...(this.previous ? [this.previous] : [])]);
    await removeOtherVersions(this.indexDir, keep).catch(() => []);
  }

  async discard(version: WrittenVersion): Promise<void> {
    if ((await readPointer(this.indexDir)) !== version.name) await rm(version.location, { recursive: true, force: true });
  }

  /**
   * ENOSPC anywhere (or, while writing the version, any untyped failure — hnswlib's native writer
   * does not say why — on a disk with less room than the version needs) becomes IndexDiskFull.
   */
  async explainFailure(error: unknown, size: VersionSizeHint, whileWriting: boolean): Promise<unknown> {
    if (error instanceof IndexDiskFull) return error;
    const needed = estimateVersionBytes({ ...size, dimensions: size.dimensions > 0 ? size.dimensions : 1024 });
    const free = await freeBytes(this.indexDir);
    const coded = isDiskFullError(error);
    const tooSmall = whileWriting && !isTutorError(error) && free !== undefined && free < needed;
    return coded || tooSmall ? new IndexDiskFull(this.indexDir, needed, free, { cause: error }) : error;
  }
}
