import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Resource } from "../../../../src/corpus/types.js";

export const FIXTURES = path.resolve("tests/fixtures/web");

export function fixture(name: string): Promise<string> {
  return readFile(path.join(FIXTURES, name), "utf8");
}

export function resourceFor(url: string, overrides: Partial<Resource> = {}): Resource {
  return {
    title: "Linked page",
    url,
    docId: "roadmaps-001",
    source: "roadmaps/001_roadmap.txt",
    headingPath: ["学习路径", "第三阶段：微调"],
    line: 42,
    ...overrides,
  };
}

export interface TempCorpus {
  dir: string;
  notesDir: string;
  /** Note files (names) currently in notes/web, sorted. */
  noteFiles(): Promise<string[]>;
  readNoteFile(name: string): Promise<string>;
  mtimeMs(name: string): Promise<number>;
  cleanup(): Promise<void>;
}

export async function makeTempCorpus(): Promise<TempCorpus> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "linked-notes-"));
  const notesDir = path.join(dir, "notes", "web");
  return {
    dir,
    notesDir,
    noteFiles: async () => (await readdir(notesDir).catch(() => [] as string[])).sort(),
    readNoteFile: (name) => readFile(path.join(notesDir, name), "utf8"),
    mtimeMs: async (name) => (await stat(path.join(notesDir, name))).mtimeMs,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** A clock the test moves by hand. */
export function manualClock(startIso: string): { now: () => Date; advance(ms: number): void } {
  let current = Date.parse(startIso);
  return { now: () => new Date(current), advance: (ms) => void (current += ms) };
}

export const DAY_MS = 24 * 3_600_000;
