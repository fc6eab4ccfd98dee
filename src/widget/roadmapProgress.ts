import type { KeyValueStorage } from "./conversationStore.js";

/**
 * A learner's ticked stages, kept in the browser only (localStorage): one entry per roadmap and
 * index version, the stages named by heading. Shared by the roadmap pages and the widget's strip.
 * A new index version starts from the newest older entry of the same roadmap, so a re-ingest
 * keeps the ticks of stages whose headings did not change.
 */

export const PROGRESS_PREFIX = "roadmap-tutor:progress:";
export const EXPORT_FORMAT = "roadmap-tutor-progress";

export interface ProgressEntry {
  roadmapId: string;
  indexVersion: string;
  /** Headings of the stages ticked as done. */
  done: string[];
  updatedAt: string;
}

export interface ProgressExport {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  entries: ProgressEntry[];
}

/** localStorage with key enumeration (Storage has both). */
export interface EnumerableStorage extends KeyValueStorage {
  readonly length: number;
  key(index: number): string | null;
}

function keyOf(roadmapId: string, indexVersion: string): string {
  return `${PROGRESS_PREFIX}${roadmapId}|${indexVersion}`;
}

function isEntry(value: unknown): value is ProgressEntry {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.roadmapId === "string" &&
    v.roadmapId.length > 0 &&
    v.roadmapId.length <= 200 &&
    typeof v.indexVersion === "string" &&
    v.indexVersion.length <= 200 &&
    Array.isArray(v.done) &&
    v.done.length <= 500 &&
    v.done.every((d) => typeof d === "string" && d.length <= 500) &&
    typeof v.updatedAt === "string"
  );
}

/** Every stored entry (unreadable ones are skipped). */
export function allEntries(storage: EnumerableStorage): ProgressEntry[] {
  const entries: ProgressEntry[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(PROGRESS_PREFIX)) continue;
      try {
        const parsed = JSON.parse(storage.getItem(key) ?? "") as unknown;
        if (isEntry(parsed)) entries.push(parsed);
      } catch {
        // a damaged entry is ignored, not fatal
      }
    }
  } catch {
    // storage blocked
  }
  return entries;
}

/** The ticked headings for a roadmap: this version's entry, else the newest of any version (or of all when no version is known). */
export function loadProgress(storage: EnumerableStorage, roadmapId: string, indexVersion?: string): Set<string> {
  const mine = allEntries(storage).filter((e) => e.roadmapId === roadmapId);
  const exact = indexVersion === undefined ? undefined : mine.find((e) => e.indexVersion === indexVersion);
  const chosen = exact ?? mine.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
  return new Set(chosen?.done ?? []);
}

export function saveProgress(
  storage: KeyValueStorage,
  roadmapId: string,
  indexVersion: string,
  done: Iterable<string>,
  now = new Date(),
): void {
  const entry: ProgressEntry = { roadmapId, indexVersion, done: [...done], updatedAt: now.toISOString() };
  try {
    storage.setItem(keyOf(roadmapId, indexVersion), JSON.stringify(entry));
  } catch {
    // storage full or blocked: ticks last until the page is left
  }
}

/** Forget a roadmap's progress in every index version. */
export function clearProgress(storage: EnumerableStorage, roadmapId: string): void {
  for (const entry of allEntries(storage))
    if (entry.roadmapId === roadmapId) storage.removeItem(keyOf(entry.roadmapId, entry.indexVersion));
}

export function exportProgress(storage: EnumerableStorage, now = new Date()): ProgressExport {
  return { format: EXPORT_FORMAT, version: 1, exportedAt: now.toISOString(), entries: allEntries(storage) };
}

/** Store the entries of an export; throws with a plain reason when the data is not one. Returns how many were stored. */
export function importProgress(storage: KeyValueStorage, data: unknown): number {
  if (typeof data !== "object" || data === null) throw new Error("not a JSON object");
  const d = data as Record<string, unknown>;
  if (d.format !== EXPORT_FORMAT) throw new Error(`"format" is not "${EXPORT_FORMAT}"`);
  if (d.version !== 1) throw new Error('"version" is not 1');
  if (!Array.isArray(d.entries)) throw new Error('"entries" is not a list');
  const entries = d.entries.filter(isEntry);
  if (entries.length !== d.entries.length) throw new Error("some entries are malformed");
  for (const entry of entries) {
    const when = new Date(entry.updatedAt);
    saveProgress(storage, entry.roadmapId, entry.indexVersion, entry.done, Number.isNaN(when.getTime()) ? new Date() : when);
  }
  return entries.length;
}
