import { open, rename } from "node:fs/promises";

/**
 * Writes that survive a crash or power cut in the order they were made: the data is flushed
 * before anything points at it. Used for every file of an index version and for the pointer.
 */

export async function writeFileDurably(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, "w");
  try {
    await handle.writeFile(data);
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
