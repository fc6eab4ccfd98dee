import type { FastifyInstance, FastifyServerOptions } from "fastify";
import type { Schema } from "fast-json-stringify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { jsonWriter } from "./responseWriters.js";

/**
 * Responses are written by fast-json-stringify from each route's response schema (src/http/contract),
 * compiled once per schema (the answer's and the search's read from a table written ahead of time:
 * responseWriters.ts). fastify-type-provider-zod's own serializer re-validates every response
 * with zod and then calls JSON.stringify: correct, but it walks each answer twice. Here the schema
 * is turned into JSON Schema and compiled to a function that writes only the declared fields, so
 * an internal field can never leave by accident. The contract tests (tests/http/contract) check
 * the other half: that what the routes return validates against the zod schema.
 */

type SchemaLike = z.ZodType | { properties: z.ZodType };

/** JSON Schema of a response, as written (zod's "output" side). */
export function responseJsonSchema(schema: z.ZodType): Schema {
  return z.toJSONSchema(schema, { target: "draft-7", io: "output", unrepresentable: "any" }) as Schema;
}

const compiled = new WeakMap<z.ZodType, (data: unknown) => string>();

export function compileResponseSerializer(schema: z.ZodType): (data: unknown) => string {
  let serialize = compiled.get(schema);
  if (!serialize) {
    serialize = jsonWriter(responseJsonSchema(schema));
    compiled.set(schema, serialize);
  }
  return serialize;
}

/** Fastify's serializerCompiler option: one compiled writer per route, status and media type. */
export function contractSerializerCompiler({ schema }: { schema: unknown }): (data: unknown) => string {
  const candidate = schema as SchemaLike;
  const zodSchema = candidate instanceof z.ZodType ? candidate : candidate.properties;
  if (!(zodSchema instanceof z.ZodType)) throw new TypeError("Response schemas must be zod schemas (src/http/contract).");
  // Compiled on the first response it writes, not when the route is registered: compiling a writer
  // for every route and status (errors, pages' JSON, /v1, admin) took ~40 ms of every server's
  // start, for responses most processes send late or never. The answer's and the search's writers
  // are compiled when their modules load (answerBody.ts, searchBody.ts), so the first question does
  // not wait for them; a first error or probe response waits ~1–5 ms for its writer.
  let serialize: ((data: unknown) => string) | undefined;
  return (data) => (serialize ??= compileResponseSerializer(zodSchema))(data);
}

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions["schemaController"]>["compilersFactory"]>;

/**
 * Zod validates requests; contract schemas write responses: the app's compilers, given to Fastify
 * as the builders it would otherwise make from its defaults (what setValidatorCompiler and
 * setSerializerCompiler install, for every route alike). Given at construction, Fastify does not
 * load its default compilers, ajv's ~90 modules and fast-json-stringify's compiler (~40 ms of
 * every start), for routes that never use them. The casts: Fastify types the builders by ajv's
 * and fast-json-stringify's own compilers.
 */
export const contractCompilersFactory = {
  buildValidator: () => validatorCompiler,
  buildSerializer: () => contractSerializerCompiler,
} as unknown as CompilersFactory;

/** Zod validates requests; contract schemas write responses. For tests that mount one plugin. */
export function useContractCompilers(app: FastifyInstance) {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(contractSerializerCompiler);
  return app.withTypeProvider<ZodTypeProvider>();
}
