import type { TestProject } from "vitest/node";
import { buildBundledIndex } from "./bundledIndex.js";

/** Runs once per `vitest run`: ingest the bundled corpus for every suite that reads it (see bundledIndex.ts). */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { bundled, remove } = await buildBundledIndex();
  project.provide("bundledIndex", bundled);
  return remove;
}
