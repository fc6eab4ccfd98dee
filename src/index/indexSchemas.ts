import { z } from "zod";

/**
 * The shapes of an index version's JSON files. A file that parses as JSON but has the wrong
 * shape (an older format, a bug, a hand edit) is refused at load, where it can be named, instead
 * of loading as "ready" and failing every request later with a 500.
 */

const count = z.number().int().nonnegative();
const line = z.number().int().positive();
const kind = z.enum(["roadmap", "note", "web"]);
const headingPath = z.array(z.string());

const link = z.object({ text: z.string(), url: z.string(), line });
const linkedFrom = z.object({ docId: z.string(), source: z.string(), title: z.string(), headingPath, line });

export const chunkSchema = z.object({
  id: z.string().min(1),
  docId: z.string().min(1),
  source: z.string(),
  title: z.string(),
  kind,
  headingPath,
  sectionIndex: z.number().int().min(-1),
  text: z.string(),
  startLine: line,
  endLine: line,
  links: z.array(link),
  linkedFrom: z.array(linkedFrom),
  url: z.string().optional(),
});

const section = z.object({
  index: count,
  heading: z.string(),
  level: z.number().int().positive(),
  headingPath,
  startLine: line,
  endLine: line,
  parent: count.optional(),
});

export const documentSchema = z.object({
  id: z.string().min(1),
  source: z.string(),
  kind,
  title: z.string(),
  metadata: z.object({
    date: z.string().optional(),
    tags: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    description: z.string().optional(),
    sourceUrl: z.string().optional(),
    fetchedAt: z.string().optional(),
  }),
  text: z.string(),
  lineCount: count,
  contentHash: z.string(),
  outline: z.array(section),
  links: z.array(link),
  linkedFrom: z.array(linkedFrom),
  card: z
    .object({
      startLine: line,
      endLine: line,
      text: z.string(),
      lines: z.array(z.object({ line, text: z.string(), fact: z.enum(["author", "date", "tags", "title", "link"]) })),
    })
    .optional(),
});

export const lexiconSchema = z.object({
  glosses: z.record(z.string(), z.array(z.string())),
  englishWords: z.array(z.string()),
  looked: z.array(z.string()).optional(),
  generalIdf: z.object({ median: z.number(), idf: z.record(z.string(), z.number()) }).optional(),
  sounds: z.record(z.string(), z.array(z.string())).optional(),
});

export const resourceSchema = z.object({
  title: z.string(),
  url: z.string(),
  docId: z.string(),
  source: z.string(),
  headingPath,
  line,
});

export const manifestSchema = z.object({
  formatVersion: z.literal(8),
  createdAt: z.string(),
  embedder: z.object({ provider: z.enum(["local", "openai"]), model: z.string().min(1), dimensions: z.number().int().positive() }),
  chunkerVersion: z.string(),
  files: z.record(z.string(), z.object({ contentHash: z.string(), chunks: count })),
  counts: z.object({ documents: count, sections: count, chunks: count, resources: count, notes: count }),
  vectors: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("sparse"), dimensions: count, count, nonZeros: count, littleEndian: z.boolean() }),
    z.object({ kind: z.literal("hnsw"), m: count, efConstruction: count }),
  ]),
  artifacts: z.record(z.string(), count).optional(),
});

/** The first problem of a failed parse, short enough for a log line or /readyz: "item 3: text: expected string…". */
export function describeShapeError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "unexpected shape";
  const [first, ...rest] = issue.path;
  const where = typeof first === "number" ? [`item ${first}`, rest.join(".")] : [issue.path.join(".")];
  const location = where.filter((part) => part !== "").join(": ");
  return location === "" ? issue.message : `${location}: ${issue.message}`;
}
