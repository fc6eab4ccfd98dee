import { createRequire } from "node:module";
import type { Schema } from "fast-json-stringify";
import table from "./responseWriters.json" with { type: "json" };

/**
 * JSON writers compiled by fast-json-stringify, the JSON API's (answers, search, probes, errors and
 * the other routes') read from a table written ahead of time (responseWriters.json, by
 * scripts/build-response-writers.ts; the list is responseWriterSchemas.ts). Compiling the answer's
 * writer at every start took ~15 ms, and loading fast-json-stringify's compiler (with ajv,
 * ajv-formats and its schema tools; Fastify itself loads only its serializer) ~20–40 ms more: both
 * only to produce the same code each time. The compiler is loaded only for a writer the table
 * lacks. A stored writer is that code, run as fast-json-stringify runs it (a function of
 * `validator` and `serializer`, given a `Serializer` with the default options), so it writes the
 * same bytes.
 *
 * The generated code depends on the schema, on fast-json-stringify's version and on whether Node is
 * 22 or later (the array lengths from which it hands an array to JSON.stringify): an entry is read
 * only when all three are the running ones, and anything else is compiled as before. So an edited
 * contract or an upgrade makes a stale table slower, never wrong; tests/http/responseWriters.test.ts
 * fails until the script is rerun (under each Node line whose entries are wanted).
 */
export type JsonWriter = (data: unknown) => string;

/** The scalar writers answerBody.ts and searchBody.ts write a citation's number and role and a result's score with. */
export const INTEGER_SCHEMA: Schema = { type: "integer" };
export const STRING_SCHEMA: Schema = { type: "string" };
export const NUMBER_SCHEMA: Schema = { type: "number" };

type Build = (schema: Schema, options?: { mode: "debug" }) => JsonWriter | { code: string };
interface SerializerClass {
  new (options: object): unknown;
}

const load = createRequire(import.meta.url);

/** What the generated code depends on besides the schema: fast-json-stringify's version and the Node line. */
export function writerRuntime(): string {
  const { version } = load("fast-json-stringify/package.json") as { version: string };
  return `fast-json-stringify@${version} node${Number.parseInt(process.versions.node, 10) >= 22 ? ">=22" : "<22"}`;
}

type StoredCode = Record<string, string>;
let storedCode: StoredCode | undefined;

/** The table's code for this runtime, by the schema's JSON text. */
function stored(): StoredCode {
  return (storedCode ??= (table.runtimes as Record<string, StoredCode | undefined>)[writerRuntime()] ?? {});
}

const compiledSchemas: string[] = [];

/** fast-json-stringify's writer of `schema`: from the table when it holds the schema for this runtime, else compiled. */
export function jsonWriter(schema: Schema): JsonWriter {
  const text = JSON.stringify(schema);
  const code = stored()[text];
  if (code !== undefined) return writerFromCode(code);
  compiledSchemas.push(text);
  return (load("fast-json-stringify") as Build)(schema) as JsonWriter;
}

/** The schemas (as JSON text) whose writers were compiled in this process, not read from the table. */
export function writersCompiled(): readonly string[] {
  return compiledSchemas;
}

/** What fast-json-stringify's build does with its generated code (no validator: the table holds none that needs one). */
function writerFromCode(code: string): JsonWriter {
  const Serializer = load("fast-json-stringify/lib/serializer") as SerializerClass;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code fast-json-stringify generated for this schema, as it runs it
  const context = new Function("validator", "serializer", code) as (validator: null, serializer: unknown) => JsonWriter;
  return context(null, new Serializer({}));
}

/**
 * The code fast-json-stringify generates for `schema` (its debug mode gives it with two lines
 * naming the function's parameters first). A schema whose code needs a validator (anyOf, oneOf,
 * if/then) is refused: the stored writers are run without one.
 */
export function generatedWriterCode(schema: Schema): string {
  const { code } = (load("fast-json-stringify") as Build)(schema, { mode: "debug" }) as { code: string };
  const body = code.replace(/^validator\nserializer\n/, "");
  if (body === code || /\bvalidator\./.test(body))
    throw new Error(`no stored writer for a schema that needs a validator: ${JSON.stringify(schema)}`);
  return body;
}

/** The table with this runtime's entries for `schemas` (another Node line's entries kept for those schemas only). */
export function responseWritersTable(
  schemas: readonly Schema[],
  previous: { runtimes: Record<string, StoredCode> } = table,
): { runtimes: Record<string, StoredCode> } {
  const texts = new Set(schemas.map((schema) => JSON.stringify(schema)));
  const runtime = writerRuntime();
  // Another Node line's entries are kept for the same version and schemas: they cannot be checked here, and are never read elsewhere.
  const sameVersion = runtime.slice(0, runtime.indexOf(" ") + 1);
  const runtimes: Record<string, StoredCode> = {};
  for (const [other, code] of Object.entries(previous.runtimes))
    if (other.startsWith(sameVersion)) runtimes[other] = Object.fromEntries(Object.entries(code).filter(([text]) => texts.has(text)));
  runtimes[runtime] = Object.fromEntries(schemas.map((schema) => [JSON.stringify(schema), generatedWriterCode(schema)]));
  return {
    runtimes: Object.fromEntries(
      Object.entries(runtimes)
        .filter(([, code]) => Object.keys(code).length > 0)
        .sort(),
    ),
  };
}
