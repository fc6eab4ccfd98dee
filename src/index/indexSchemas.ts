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

type Lexicon = z.infer<typeof lexiconSchema>;

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
const isRecordOf = <T>(value: unknown, isItem: (item: unknown) => item is T): value is Record<string, T> =>
  isRecord(value) && Object.values(value).every(isItem);
const isNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/**
 * Whether a parsed lexicon.json has lexiconSchema's shape, checked by hand: zod walked its ~20k
 * entries in ~30 ms of every start (Node 20), this in a few. It accepts what the schema accepts
 * (tests/index/indexShape.test.ts compares them); a file it refuses is parsed by the schema, which
 * names the problem.
 */
export function hasLexiconShape(value: unknown): value is Lexicon {
  if (!isRecord(value)) return false;
  const { glosses, englishWords, looked, generalIdf, sounds } = value;
  return (
    isRecordOf(glosses, isStrings) &&
    isStrings(englishWords) &&
    (looked === undefined || isStrings(looked)) &&
    (generalIdf === undefined || (isRecord(generalIdf) && isNumber(generalIdf.median) && isRecordOf(generalIdf.idf, isNumber))) &&
    (sounds === undefined || isRecordOf(sounds, isStrings))
  );
}

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
