import { z } from "zod";

/** Probes and operator routes: /healthz, /readyz, /admin/reindex. */

export const livenessSchema = z.object({ status: z.literal("ok") });

export const readySchema = z
  .object({
    status: z.literal("ready"),
    mode: z.enum(["llm", "extractive"]),
    index: z.object({
      version: z.string().describe("The index version this process serves: its folder name (file store) or version id (Postgres)."),
      store: z.enum(["file", "postgres"]).describe("Where the index lives (STORE)."),
      createdAt: z.string(),
      embedder: z.object({ provider: z.enum(["local", "openai"]), model: z.string(), dimensions: z.int() }),
      counts: z.object({ documents: z.int(), sections: z.int(), chunks: z.int(), resources: z.int(), notes: z.int() }),
    }),
  })
  .meta({ id: "Ready" });

export const notReadySchema = z
  .object({ status: z.literal("not_ready"), reason: z.string(), hint: z.string() })
  .meta({ id: "NotReady", description: "No index is loaded: why, and how to build one." });

/** One object rather than a union per state: fields appear as the state has them. */
export const reindexStatusSchema = z
  .object({
    state: z.enum(["idle", "running", "succeeded", "failed"]),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
    summary: z
      .object({
        documents: z.int(),
        chunks: z.int(),
        embeddedChunks: z.int(),
        cachedChunks: z.int(),
        seconds: z.number(),
        skipped: z.int(),
        warnings: z.int(),
      })
      .optional()
      .describe("When succeeded: what the rebuild produced."),
    error: z.string().optional().describe("When failed: why."),
  })
  .meta({ id: "ReindexStatus" });

export const reindexStartedSchema = reindexStatusSchema
  .extend({ started: z.boolean().describe("False when a rebuild was already running (409).") })
  .meta({ id: "ReindexStarted" });
