import { open, rename } from "node:fs/promises";

/**
 * Writes that survive a crash or power cut in the order they were made: the data is flushed
 * before anything points at it. Used for every file of an index version and for the pointer.
 */

/** What a version file is written from: text, bytes, or text in pieces (a large JSON array, never one string). */
export type FileData = string | Uint8Array | Iterable<string | Uint8Array>;

export async function writeFileDurably(file: string, data: FileData): Promise<void> {
  const handle = await open(file, "w");
  try {
    if (typeof data === "string" || data instanceof Uint8Array) await handle.writeFile(data);
    // writeFile on a handle writes all of it from the current position: the pieces follow one another.
    else for (const piece of data) await handle.writeFile(piece);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flush a file written by someone else (hnswlib's native writer). */
export async function syncFile(file: string): Promise<void> {
  const handle = await open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flush a directory's entries (new files, renames) on platforms that allow it. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Windows cannot open or fsync directories; its renames are durable enough for us.
  } finally {
    await handle?.close();
  }
}

/** Replace `file` atomically: readers see the old content or the new one, never a mix. */
export async function replaceFileAtomically(file: string, data: string, directory: string): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFileDurably(temporary, data);
  await rename(temporary, file);
  await syncDirectory(directory);
}

/**
 * JSON.stringify(items) in pieces of about `pieceChars` characters: the same bytes, without one
 * string of the whole array. Pieces are cut by size, not by count: documents.json holds whole
 * files, and 200 of them in one piece (100k chunks) was a ~100 MB string plus its UTF-8 copy at
 * the ingest's peak, the largest single cause of its peak RSS.
 */
export function* jsonArrayPieces(items: readonly unknown[], pieceChars = 1 << 20): Generator<string> {
  if (items.length === 0) {
    yield "[]";
    return;
  }
  let piece: string[] = [];
  let chars = 0;
  for (const [i, item] of items.entries()) {
    const json = JSON.stringify(item) ?? "null";
    piece.push(json);
    chars += json.length;
    const last = i === items.length - 1;
    if (chars >= pieceChars || last) {
      const first = i + 1 === piece.length;
      yield `${first ? "[" : ","}${piece.join(",")}${last ? "]" : ""}`;
      piece = [];
      chars = 0;
    }
  }
}
