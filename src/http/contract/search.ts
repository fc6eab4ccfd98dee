import { z } from "zod";
import { headingPathSchema, lineRangeSchema } from "./common.js";

/** POST /api/search: ranked passages without an answer. */

export const searchResultSchema = z
  .object({
    id: z.string().describe("Passage id."),
    score: z.number().describe("Fused score, higher is better; comparable only within one result list."),
    docId: z.string(),
    source: z.string(),
    title: z.string(),
    headingPath: headingPathSchema,
    lines: lineRangeSchema,
    text: z.string(),
    links: z.array(z.object({ text: z.string(), url: z.string(), line: z.int().min(1) })),
  })
  .meta({ id: "SearchResult" });

export const searchResponseSchema = z.object({ results: z.array(searchResultSchema) });
