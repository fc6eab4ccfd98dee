import { readFile } from "node:fs/promises";
import { isMap, isNode, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document as YamlDocument } from "yaml";
import { z } from "zod";
import type { Turn } from "../answering/types.js";
import { BadInput } from "../errors.js";

/**
 * Evaluation datasets: JSONL (one question per line) or YAML (a list of questions, or
 * `questions:` holding one). Every problem is reported as `file:line: field: message`, so a
 * typo in a 50-question file points at the line to fix.
 */

/** A short identifier; the regression set uses sequence, resource, fact, definition and unanswerable, a blind set may name its own. */
export type QuestionKind = string;

/** The language a question is written in, as its author labelled it. */
export const QUESTION_LANGS = ["zh-Hans", "zh-Hant", "en", "mixed"] as const;
export type QuestionLang = (typeof QUESTION_LANGS)[number];

/**
 * Failure classes a question exercises (issue 14); a question may have several. Metrics are
 * also reported per class, so a weakness of one class is not averaged away.
 */
export const QUESTION_CLASSES = [
  "plain",
  "corpus_words_unanswerable",
  "off_topic",
  "colloquial",
  "typo",
  "paraphrase",
  "roadmap_by_shape",
  "ordinal",
  "before",
  "after",
  "followup",
] as const;
export type QuestionClass = (typeof QUESTION_CLASSES)[number];

const goldSchema = z.object({
  /** Source path relative to the corpus root, as in Chunk.source. */
  document: z.string().min(1, "must not be empty"),
  /** An exact (whitespace-insensitive) substring of that document. */
  quote: z.string().min(1, "must not be empty"),
});

export const evalQuestionSchema = z
  .object({
    id: z.string().min(1, "must not be empty"),
    question: z.string().trim().min(1, "must not be empty"),
    kind: z
      .string()
      .regex(/^[a-z][a-z0-9_-]{0,39}$/, "must be a short lowercase identifier (e.g. sequence, fact)")
      .optional(),
    lang: z.enum(QUESTION_LANGS).optional(),
    classes: z.array(z.enum(QUESTION_CLASSES)).default([]),
    /** Earlier user questions of the same conversation, oldest first: asked as prior user turns. */
    history: z.array(z.string().trim().min(1, "must not be empty")).default([]),
    gold: z.array(goldSchema).default([]),
    must_mention: z.array(z.string().min(1, "must not be empty")).default([]),
    unanswerable: z.boolean().default(false),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.unanswerable && q.gold.length > 0) {
      ctx.addIssue({ code: "custom", path: ["gold"], message: "an unanswerable question cannot have gold passages" });
    }
    if (q.unanswerable && q.must_mention.length > 0) {
      ctx.addIssue({ code: "custom", path: ["must_mention"], message: "an unanswerable question cannot require mentions" });
    }
    if (!q.unanswerable && q.kind === "unanswerable") {
      ctx.addIssue({ code: "custom", path: ["unanswerable"], message: 'must be true when kind is "unanswerable"' });
    }
    if (!q.unanswerable && q.gold.length === 0 && q.must_mention.length === 0) {
      ctx.addIssue({ code: "custom", path: ["gold"], message: "an answerable question needs gold passages or must_mention" });
    }
  });

export type GoldQuote = z.infer<typeof goldSchema>;
export interface EvalQuestion {
  id: string;
  question: string;
  kind: QuestionKind | undefined;
  lang: QuestionLang | undefined;
  classes: QuestionClass[];
  history: string[];
  gold: GoldQuote[];
  must_mention: string[];
  unanswerable: boolean;
  /** 1-based line of the question in the dataset file (for error messages and reports). */
  line: number;
}

/**
 * A question's history as the answerer's conversation: the earlier questions become prior user
 * turns (the blind sets record no answers, and the product must not need them to follow up).
 */
export function historyTurns(history: readonly string[]): Turn[] {
  return history.map((content) => ({ role: "user", content }));
}

export interface Dataset {
  file: string;
  questions: EvalQuestion[];
}

/** One problem in a dataset file. */
export interface DatasetIssue {
  line: number;
  field: string;
  message: string;
}

export class DatasetError extends BadInput {
  constructor(
    readonly file: string,
    readonly issues: DatasetIssue[],
  ) {
    super(issues.map((issue) => `${file}:${issue.line}: ${issue.field ? `${issue.field}: ` : ""}${issue.message}`).join("\n"));
  }
}

/** zod path ["gold", 0, "quote"] → "gold[0].quote". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

export async function loadDataset(file: string): Promise<Dataset> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInput(code === "ENOENT" ? `Dataset ${file} does not exist.` : `Dataset ${file} cannot be read (${code ?? "error"}).`);
  }
  return parseDataset(file, text);
}

/** Parse dataset text; the format follows the file extension (.yaml/.yml → YAML, else JSONL). */
export function parseDataset(file: string, text: string): Dataset {
  const issues: DatasetIssue[] = [];
  const raw = /\.ya?ml$/i.test(file) ? yamlRecords(file, text) : jsonlRecords(text, issues);
  const questions: EvalQuestion[] = [];
  const seen = new Map<string, number>();
  for (const record of raw) {
    const parsed = evalQuestionSchema.safeParse(record.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        issues.push({ line: record.lineOf(issue.path), field: formatPath(issue.path), message: issue.message });
      }
      continue;
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) {
      issues.push({ line: record.lineOf(["id"]), field: "id", message: `duplicate id "${parsed.data.id}" (first on line ${first})` });
      continue;
    }
    seen.set(parsed.data.id, record.line);
    questions.push({ ...parsed.data, kind: parsed.data.kind, lang: parsed.data.lang, line: record.line });
  }
  issues.sort((a, b) => a.line - b.line);
  if (raw.length === 0 && issues.length === 0) issues.push({ line: 1, field: "", message: "the dataset has no questions" });
  if (issues.length > 0) throw new DatasetError(file, issues);
  return { file, questions };
}

interface RawRecord {
  value: unknown;
  line: number;
  /** Best line for a field path (the field's own line in YAML, the record's line in JSONL). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** JSONL records; lines that are not JSON are added to `issues` so one run reports every problem. */
function jsonlRecords(text: string, issues: DatasetIssue[]): RawRecord[] {
  const records: RawRecord[] = [];
  text.split(/\r?\n/).forEach((content, i) => {
    const line = i + 1;
    if (content.trim() === "" || content.trimStart().startsWith("//")) return;
    try {
      const value: unknown = JSON.parse(content);
      records.push({ value, line, lineOf: () => line });
    } catch (error) {
      issues.push({ line, field: "", message: `not valid JSON (${(error as Error).message})` });
    }
  });
  return records;
}

function yamlRecords(file: string, text: string): RawRecord[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new DatasetError(
      file,
      doc.errors.map((e) => ({
        line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line,
        field: "",
        message: e.message.split("\n")[0] ?? "YAML error",
      })),
    );
  }
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  let listPath: string[] = [];
  let list = doc.contents;
  if (isMap(list)) {
    listPath = ["questions"];
    list = doc.getIn(listPath, true) as typeof list;
  }
  if (!isSeq(list)) {
    throw new DatasetError(file, [
      { line: lineAt(doc.contents?.range?.[0]), field: "", message: "expected a list of questions (or a `questions:` list)" },
    ]);
  }
  return list.items.map((item, index) => {
    const base = [...listPath, index];
    const line = lineAt((item as { range?: [number, number, number] } | null)?.range?.[0]);
    return {
      value: doc.getIn(base, false) === undefined ? null : toJs(doc, base),
      line,
      lineOf: (path) => nearestLine(doc, base, path, lineAt) ?? line,
    };
  });
}

function toJs(doc: YamlDocument, path: (string | number)[]): unknown {
  const node = doc.getIn(path, true);
  return isNode(node) ? (node.toJSON() as unknown) : node;
}

/** The line of the deepest node of `path` that exists (a missing field points at its parent). */
function nearestLine(
  doc: YamlDocument,
  base: (string | number)[],
  path: readonly PropertyKey[],
  lineAt: (offset: number | undefined) => number,
): number | undefined {
  const keys = path.filter((p): p is string | number => typeof p === "string" || typeof p === "number");
  for (let depth = keys.length; depth >= 0; depth--) {
    const node = doc.getIn([...base, ...keys.slice(0, depth)], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return lineAt(node.range[0]);
  }
  return undefined;
}
