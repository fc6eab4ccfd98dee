import { link, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { Overloaded } from "../errors.js";
import { LOCK_FILE } from "./indexLayout.js";
import { currentBootId, isRunning, processStartTicks, processStartedAtMs } from "./processIdentity.js";

/** What ingest.lock records about its owner. Older locks hold only pid and startedAt. */
export interface LockOwner {
  pid: number;
  startedAt: string;
  /** /proc/sys/kernel/random/boot_id when the lock was taken (Linux). */
  bootId?: string;
  /** The owner's start time in clock ticks since boot (Linux). */
  processStart?: string;
}

/** Lock files this process holds right now: the exact answer when a lock names our own pid. */
const heldHere = new Set<string>();

/** `ps` reports elapsed time in whole seconds: allow that much (and some) before calling a pid reused. */
const START_TIME_SLACK_MS = 2_000;

/**
 * One ingest at a time per index directory, across processes (a CLI ingest while the server
 * rebuilds in the background). A lock is honoured only while its owner still runs: a lock whose
 * pid is gone, was taken in an earlier boot, or now belongs to a process that started later
 * (pid reuse after kill -9; pid 1 again after a container restart) is taken over.
 */
export async function acquireIngestLock(indexDir: string): Promise<() => Promise<void>> {
  const file = path.join(indexDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written aside then hard-linked into place: the lock appears complete (with its pid) or not at all.
    const draft = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await writeFile(draft, JSON.stringify(ownLockRecord()));
    try {
      await link(draft, file);
      heldHere.add(file);
      return async () => {
        heldHere.delete(file);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await rm(draft, { force: true });
    }
    const owner = await lockOwner(file);
    if (owner !== undefined && (await ownerStillHoldsLock(file, owner))) {
      throw new Overloaded(`Another ingest (process ${owner.pid}) is already writing to ${indexDir}; try again when it has finished.`, 5);
    }
    await rm(file, { force: true });
  }
  throw new Overloaded(`Could not take the ingest lock in ${indexDir}; try again.`, 1);
}

function ownLockRecord(): LockOwner {
  const bootId = currentBootId();
  const processStart = processStartTicks(process.pid);
  return {
    pid: process.pid,
    startedAt: new Date().toISOString(),
    ...(bootId !== undefined ? { bootId } : {}),
    ...(processStart !== undefined ? { processStart } : {}),
  };
}

async function lockOwner(file: string): Promise<LockOwner | undefined> {
  try {
    const record = JSON.parse(await readFile(file, "utf8")) as Partial<LockOwner>;
    const { pid } = record;
    if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0) return undefined;
    return {
      pid,
      startedAt: typeof record.startedAt === "string" ? record.startedAt : "",
      ...(typeof record.bootId === "string" ? { bootId: record.bootId } : {}),
      ...(typeof record.processStart === "string" ? { processStart: record.processStart } : {}),
    };
  } catch {
    return undefined;
  }
}

/** Whether the process that wrote the lock is still the one running under its pid. */
export async function ownerStillHoldsLock(file: string, owner: LockOwner): Promise<boolean> {
  if (!isRunning(owner.pid)) return false;
  const bootId = currentBootId();
  if (owner.bootId !== undefined && bootId !== undefined && owner.bootId !== bootId) return false;
  if (owner.pid === process.pid) return heldHere.has(file);
  if (owner.processStart !== undefined) {
    const ticks = processStartTicks(owner.pid);
    if (ticks !== undefined) return ticks === owner.processStart;
  }
  // Without procfs: the owner must have started before it wrote the lock.
  const lockedAt = Date.parse(owner.startedAt);
  const started = Number.isNaN(lockedAt) ? undefined : await processStartedAtMs(owner.pid);
  if (started !== undefined && started > lockedAt + START_TIME_SLACK_MS) return false;
  // Nothing says otherwise: a live process under that pid may be the ingest, so keep out.
  return true;
}
