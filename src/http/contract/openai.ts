import { z } from "zod";
import { citationSchema } from "./answers.js";

/** /v1: the tutor as an OpenAI-compatible "model" (the fields OpenAI's clients read, plus ours). */

export const modelSchema = z
  .object({ id: z.string(), object: z.literal("model"), created: z.int(), owned_by: z.string() })
  .meta({ id: "Model" });

export const modelListSchema = z.object({ object: z.literal("list"), data: z.array(modelSchema) });

const usageSchema = z.object({ prompt_tokens: z.int(), completion_tokens: z.int(), total_tokens: z.int() }).meta({ id: "ChatUsage" });

/** A citation with the link it opens: the original page, else the document view at the cited lines. */
const linkedCitationSchema = citationSchema.extend({ url: z.string() }).meta({ id: "LinkedCitation" });

export const chatCompletionSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion"),
    created: z.int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.int(),
        message: z.object({ role: z.literal("assistant"), content: z.string().describe("The answer, then a Sources list.") }),
        finish_reason: z.enum(["stop", "length"]),
      }),
    ),
    usage: usageSchema.optional().describe("Token counts, when a model answered."),
    citations: z.array(linkedCitationSchema),
    abstained: z.boolean(),
    confidence: z.enum(["high", "low", "none"]),
    mode: z.enum(["llm", "extractive"]),
  })
  .meta({ id: "ChatCompletion" });

/** One `data:` chunk of a streamed completion (documented; the stream is written by hand). */
export const chatCompletionChunkSchema = z
  .object({
    id: z.string(),
    object: z.literal("chat.completion.chunk"),
    created: z.int(),
    model: z.string(),
    choices: z.array(
      z.object({
        index: z.int(),
        delta: z.object({ role: z.literal("assistant").optional(), content: z.string().optional() }),
        finish_reason: z.enum(["stop", "length"]).nullable(),
      }),
    ),
    usage: usageSchema.optional(),
    citations: z.array(linkedCitationSchema).optional().describe("On the chunk that carries finish_reason."),
    confidence: z.enum(["high", "low", "none"]).optional(),
  })
  .meta({ id: "ChatCompletionChunk" });

export type ChatCompletionResponse = z.infer<typeof chatCompletionSchema>;
