import type { Schema } from "fast-json-stringify";
import { answerResponseSchema } from "./contract/answers.js";
import { apiErrors, openAiErrors } from "./contract/common.js";
import { documentListSchema, documentSchema, resourceListSchema, roadmapListSchema, topicPositionsSchema } from "./contract/corpus.js";
import { chatCompletionSchema, modelListSchema, modelSchema } from "./contract/openai.js";
import { livenessSchema, readySchema, reindexStatusSchema } from "./contract/operations.js";
import { searchResponseSchema } from "./contract/search.js";
import { responseJsonSchema } from "./responseSerializer.js";
import { INTEGER_SCHEMA, NUMBER_SCHEMA, STRING_SCHEMA } from "./responseWriters.js";

/**
 * The schemas whose writers responseWriters.json holds: those compiled when the answer's and the
 * search's body modules load, i.e. on every start; the probes' (the first /readyz is what start to
 * ready waits for); the JSON API's other answers and errors, but for a roadmap's description, whose
 * `anyOf` needs a validator. A writer the table lacks (that one, a route's schema described
 * differently, pages' JSON, a new route) is compiled on its first response
 * (responseSerializer.ts), which first loads fast-json-stringify's compiler (~40 ms, once).
 * Only the script and the test import this module: importing the contracts from the body modules
 * would change the order the contracts' named schemas are registered in, and so /docs/json.
 */
export function responseWriterSchemas(): Schema[] {
  return [
    responseJsonSchema(answerResponseSchema),
    responseJsonSchema(searchResponseSchema),
    INTEGER_SCHEMA,
    STRING_SCHEMA,
    NUMBER_SCHEMA,
    responseJsonSchema(readySchema),
    responseJsonSchema(livenessSchema),
    ...Object.values(apiErrors).map((schema) => responseJsonSchema(schema)),
    ...Object.values(openAiErrors).map((schema) => responseJsonSchema(schema)),
    ...[documentListSchema, documentSchema, resourceListSchema, roadmapListSchema, topicPositionsSchema].map((schema) =>
      responseJsonSchema(schema),
    ),
    ...[modelListSchema, modelSchema, chatCompletionSchema, reindexStatusSchema].map((schema) => responseJsonSchema(schema)),
  ];
}
