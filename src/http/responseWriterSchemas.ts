import type { Schema } from "fast-json-stringify";
import { answerResponseSchema } from "./contract/answers.js";
import { searchResponseSchema } from "./contract/search.js";
import { responseJsonSchema } from "./responseSerializer.js";

/** The scalar writers answerBody.ts and searchBody.ts write a citation's number and role and a result's score with. */
export const INTEGER_SCHEMA: Schema = { type: "integer" };
export const STRING_SCHEMA: Schema = { type: "string" };
export const NUMBER_SCHEMA: Schema = { type: "number" };

/**
 * The schemas whose writers responseWriters.json holds: those compiled when the answer's and the
 * search's body modules load, i.e. on every start (other routes' writers are compiled on their
 * first response; responseSerializer.ts).
 */
export function responseWriterSchemas(): Schema[] {
  return [responseJsonSchema(answerResponseSchema), responseJsonSchema(searchResponseSchema), INTEGER_SCHEMA, STRING_SCHEMA, NUMBER_SCHEMA];
}
