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

const isString = (value: unknown): value is string => typeof value === "string";
const isFilled = (value: unknown): value is string => typeof value === "string" && value.length > 0;
/** zod's int(): a safe integer (zod 4), with the bound each schema sets. */
const isInt = (value: unknown, least: number): boolean => Number.isSafeInteger(value) && (value as number) >= least;
const isCount = (value: unknown) => isInt(value, 0);
const isLine = (value: unknown) => isInt(value, 1);
const KINDS: ReadonlySet<unknown> = new Set(kind.options);
const CARD_FACTS: ReadonlySet<unknown> = new Set(["author", "date", "tags", "title", "link"]);
const isListOf = (value: unknown, isItem: (item: unknown) => boolean): boolean => Array.isArray(value) && value.every(isItem);
const isOptional = (value: unknown, isValue: (item: unknown) => boolean): boolean => value === undefined || isValue(value);
const isLink = (value: unknown) => isRecord(value) && isString(value.text) && isString(value.url) && isLine(value.line);
const isLinkedFrom = (value: unknown) =>
  isRecord(value) &&
  isString(value.docId) &&
  isString(value.source) &&
  isString(value.title) &&
  isStrings(value.headingPath) &&
  isLine(value.line);

/**
 * Whether a parsed chunks.json item, documents.json item or resources.json item has chunkSchema's,
 * documentSchema's or resourceSchema's shape, checked by hand: loadIndex keeps the parsed items
 * themselves, and zod walked every one of them at every start (~20–30 ms of Node 20's CPU on the
 * bundled corpus, more with the index). They accept what the schemas accept
 * (tests/index/indexShape.test.ts compares them); a file they refuse is parsed by the schema,
 * which names the problem.
 */
export function hasChunkShape(value: unknown): value is z.infer<typeof chunkSchema> {
  return (
    isRecord(value) &&
    isFilled(value.id) &&
    isFilled(value.docId) &&
    isString(value.source) &&
    isString(value.title) &&
    KINDS.has(value.kind) &&
    isStrings(value.headingPath) &&
    isInt(value.sectionIndex, -1) &&
    isString(value.text) &&
    isLine(value.startLine) &&
    isLine(value.endLine) &&
    isListOf(value.links, isLink) &&
    isListOf(value.linkedFrom, isLinkedFrom) &&
    isOptional(value.url, isString)
  );
}

const isSection = (value: unknown) =>
  isRecord(value) &&
  isCount(value.index) &&
  isString(value.heading) &&
  isInt(value.level, 1) &&
  isStrings(value.headingPath) &&
  isLine(value.startLine) &&
  isLine(value.endLine) &&
  isOptional(value.parent, isCount);
const isMetadata = (value: unknown) =>
  isRecord(value) &&
  isOptional(value.date, isString) &&
  isOptional(value.tags, isStrings) &&
  isOptional(value.categories, isStrings) &&
  isOptional(value.description, isString) &&
  isOptional(value.sourceUrl, isString) &&
  isOptional(value.fetchedAt, isString);
const isCardLine = (value: unknown) => isRecord(value) && isLine(value.line) && isString(value.text) && CARD_FACTS.has(value.fact);
const isCard = (value: unknown) =>
  isRecord(value) && isLine(value.startLine) && isLine(value.endLine) && isString(value.text) && isListOf(value.lines, isCardLine);

/** documentSchema checked by hand (see hasChunkShape). */
export function hasDocumentShape(value: unknown): value is z.infer<typeof documentSchema> {
  return (
    isRecord(value) &&
    isFilled(value.id) &&
    isString(value.source) &&
    KINDS.has(value.kind) &&
    isString(value.title) &&
    isMetadata(value.metadata) &&
    isString(value.text) &&
    isCount(value.lineCount) &&
    isString(value.contentHash) &&
    isListOf(value.outline, isSection) &&
    isListOf(value.links, isLink) &&
    isListOf(value.linkedFrom, isLinkedFrom) &&
    isOptional(value.card, isCard)
  );
}

/** resourceSchema checked by hand (see hasChunkShape). */
export function hasResourceShape(value: unknown): value is z.infer<typeof resourceSchema> {
  return (
    isRecord(value) &&
    isString(value.title) &&
    isString(value.url) &&
    isString(value.docId) &&
    isString(value.source) &&
    isStrings(value.headingPath) &&
    isLine(value.line)
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
