import { link, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Overloaded } from "../errors.js";
import { LOCK_FILE } from "./indexLayout.js";

/**
 * One ingest at a time per index directory, across processes (a CLI ingest while the server
 * rebuilds in the background). A lock left by a process that died (SIGKILL, power cut) is
 * recognised by its pid no longer running and taken over.
 */
export async function acquireIngestLock(indexDir: string): Promise<() => Promise<void>> {
  const file = path.join(indexDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written aside then hard-linked into place: the lock appears complete (with its pid) or not at all.
    const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(draft, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
    try {
      await link(draft, file);
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await rm(draft, { force: true });
    }
    const holder = await lockHolder(file);
    if (holder !== undefined && isRunning(holder)) {
      throw new Overloaded(`Another ingest (process ${holder}) is already writing to ${indexDir}; try again when it has finished.`, 5);
    }
    await rm(file, { force: true });
  }
  throw new Overloaded(`Could not take the ingest lock in ${indexDir}; try again.`, 1);
}

async function lockHolder(file: string): Promise<number | undefined> {
  try {
    const pid: unknown = (JSON.parse(await readFile(file, "utf8")) as { pid?: unknown }).pid;
    return typeof pid === "number" && Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
