import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { buildDocument } from "../../src/corpus/buildDocument.js";
import type { CorpusDocument } from "../../src/corpus/types.js";

/** Test helper: the bundled roadmap documents, built the way loadCorpus builds them (source relative to corpus/). */
export const ROADMAPS_DIR = path.resolve("corpus/roadmaps");

export function realDocument(prefix: string): CorpusDocument {
  const file = readdirSync(ROADMAPS_DIR).find((name) => name.startsWith(prefix));
  if (file === undefined) throw new Error(`no corpus file starting with ${prefix}`);
  return buildDocument(`roadmaps/${file}`, readFileSync(path.join(ROADMAPS_DIR, file), "utf8")).document;
}

export function rawLines(prefix: string): string[] {
  const file = readdirSync(ROADMAPS_DIR).find((name) => name.startsWith(prefix))!;
  return readFileSync(path.join(ROADMAPS_DIR, file), "utf8").replace(/\r\n?/g, "\n").split("\n");
}
