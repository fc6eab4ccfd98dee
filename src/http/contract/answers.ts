import { z } from "zod";
import { errorResponseSchema, headingPathSchema, lineRangeSchema } from "./common.js";

/**
 * What /api/ask answers, as JSON or as Server-Sent Events. This is the public shape: internal
 * fields of the answerer (timings, the condensed question, removed markers) are not part of it.
 * The widget reads these types and nothing else of the server.
 */

export const turnSchema = z.object({ role: z.enum(["user", "assistant"]), content: z.string() });

export const citationSchema = z
  .object({
    n: z.int().min(1).describe("The number the answer cites it by: [n]."),
    id: z.string().describe("Passage id."),
    docId: z.string(),
    source: z.string().describe("Path of the source file in the corpus."),
    title: z.string(),
    headingPath: headingPathSchema,
    lines: lineRangeSchema,
    text: z.string().describe("The passage text."),
    url: z.string().optional().describe("The original page for web notes, or the link when the passage is one."),
    role: z.enum(["match", "next-section", "previous-section", "linked-note"]).describe("Why the passage was included."),
    linkedFrom: z
      .array(z.object({ title: z.string(), headingPath: headingPathSchema }))
      .optional()
      .describe("For linked notes: where a roadmap links to them."),
  })
  .meta({ id: "Citation" });

const stageMarkSchema = z
  .object({
    step: z.int().min(0).describe("1-based place on the roadmap page; 0 when the section is not a numbered step."),
    heading: z.string(),
    lines: lineRangeSchema,
  })
  .meta({ id: "RoadmapStageMark" });

export const roadmapPositionsSchema = z
  .object({
    direction: z.enum(["next", "previous"]),
    topic: z.string(),
    positions: z.array(
      z.object({
        roadmapId: z.string(),
        title: z.string(),
        stage: stageMarkSchema,
        next: stageMarkSchema.optional(),
        previous: stageMarkSchema.optional(),
        steps: z.array(z.string()).describe("Every stage heading in order."),
        page: z.string().describe("The roadmap page with the topic marked, relative to the server."),
      }),
    ),
  })
  .meta({ id: "RoadmapPositions", description: "Where the topic of a what-next / what-before question sits, per roadmap." });

export const answerResponseSchema = z
  .object({
    answer: z.string().describe("Markdown with [n] markers pointing at citations."),
    citations: z.array(citationSchema),
    abstained: z.boolean().describe("True exactly when the materials do not answer the question."),
    confidence: z.enum(["high", "low", "none"]).describe('"none" exactly when abstained; "low": the closest passages, with a notice.'),
    mode: z.enum(["llm", "extractive"]),
    language: z.enum(["zh", "en", "mixed"]).describe("The language detected in the question."),
    fallback: z.boolean().optional().describe("A model failure fell back to the extractive answer."),
    truncated: z.boolean().optional().describe("The model's reply was cut at the operator's length limit."),
    usage: z
      .object({ promptTokens: z.int(), completionTokens: z.int(), totalTokens: z.int() })
      .optional()
      .describe("Token counts, when a model answered."),
    roadmap: roadmapPositionsSchema.optional(),
  })
  .meta({ id: "Answer" });

/** The data of each Server-Sent Event of a streamed answer (`event: <name>`). */
export const answerEventSchemas = {
  citations: z.object({ citations: z.array(citationSchema) }).meta({ id: "CitationsEvent" }),
  token: z.object({ text: z.string() }).meta({ id: "TokenEvent" }),
  done: answerResponseSchema,
  error: errorResponseSchema,
} as const;

/** What the `text/event-stream` reply of /api/ask documents: each event's `data`. */
export const answerEventDataSchema = z
  .union([answerEventSchemas.citations, answerEventSchemas.token, answerEventSchemas.done, answerEventSchemas.error])
  .describe("`event: citations|token|done|error`, each with `data: <JSON>` of the matching shape.");

export type Turn = z.infer<typeof turnSchema>;
export type CitationResponse = z.infer<typeof citationSchema>;
export type RoadmapPositionsResponse = z.infer<typeof roadmapPositionsSchema>;
export type RoadmapPlacementResponse = RoadmapPositionsResponse["positions"][number];
export type AnswerResponse = z.infer<typeof answerResponseSchema>;
export type AnswerEventName = keyof typeof answerEventSchemas;
export type AnswerEventData<E extends AnswerEventName> = z.infer<(typeof answerEventSchemas)[E]>;

/** What the widget sends to POST /api/ask (the server's own schema also accepts k and filters). */
export interface AskRequestBody {
  question: string;
  history?: Turn[];
  stream?: boolean;
}
