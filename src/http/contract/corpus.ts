import { z } from "zod";
import { headingPathSchema, lineRangeSchema } from "./common.js";

/**
 * The read-only corpus routes: documents, roadmaps, what comes next, resources. Every range of
 * lines is a LineRange; a single line (where a link sits) is `line`.
 */

const kindSchema = z.enum(["roadmap", "note", "web"]);

const metadataSchema = z
  .object({
    date: z.string().optional(),
    tags: z.array(z.string()).optional(),
    categories: z.array(z.string()).optional(),
    description: z.string().optional(),
    sourceUrl: z.string().optional().describe("For notes fetched from the web: the page they came from."),
    fetchedAt: z.string().optional(),
    platform: z
      .string()
      .optional()
      .describe(
        "The platform the post was written on, told by the marks its editor left (e.g. csdn) or its generator's front-matter keys (e.g. hexo).",
      ),
  })
  .meta({ id: "DocumentMetadata", description: "Front matter, where the document had it, and the platform its editor's marks tell." });

const linkedFromSchema = z
  .object({ docId: z.string(), source: z.string(), title: z.string(), headingPath: headingPathSchema, line: z.int().min(1) })
  .meta({ id: "LinkedFrom", description: "A roadmap line that links to this note." });

export const resourceSchema = z
  .object({
    title: z.string(),
    url: z.string(),
    docId: z.string(),
    source: z.string(),
    headingPath: headingPathSchema,
    line: z.int().min(1).describe("The line the link is on."),
  })
  .meta({ id: "Resource", description: "A link a roadmap recommends, with the section it sits in." });

export const outlineSectionSchema = z
  .object({
    index: z.int().min(0),
    heading: z.string(),
    level: z.int().min(1),
    headingPath: headingPathSchema,
    lines: lineRangeSchema.describe("The heading's line to the last line of the section's own body."),
    parent: z.int().min(0).optional().describe("Index of the parent section."),
  })
  .meta({ id: "OutlineSection" });

export const documentListSchema = z.object({
  documents: z.array(
    z.object({
      id: z.string(),
      source: z.string(),
      title: z.string(),
      kind: kindSchema,
      metadata: metadataSchema,
      lineCount: z.int(),
      sections: z.int().describe("How many sections the outline has."),
      linkedFrom: z.array(linkedFromSchema),
    }),
  ),
});

export const documentSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    title: z.string(),
    kind: kindSchema,
    metadata: metadataSchema,
    text: z.string().describe("Cleaned text, with as many lines as the file: removed lines are empty."),
    lineCount: z.int(),
    outline: z.array(outlineSectionSchema),
    resources: z.array(resourceSchema),
    linkedFrom: z.array(linkedFromSchema),
  })
  .meta({ id: "Document" });

export const roadmapListSchema = z.object({
  roadmaps: z.array(z.object({ id: z.string(), source: z.string(), title: z.string(), outline: z.array(outlineSectionSchema) })),
});

const sectionRefSchema = z
  .object({
    sectionIndex: z.int(),
    heading: z.string(),
    headingPath: headingPathSchema,
    lines: lineRangeSchema.describe("The section including its sub-sections."),
  })
  .meta({ id: "SectionRef" });

export const topicPositionsSchema = z.object({
  topic: z.string(),
  positions: z.array(
    z
      .object({
        docId: z.string(),
        source: z.string(),
        title: z.string(),
        topic: z.string(),
        at: sectionRefSchema,
        next: sectionRefSchema.optional(),
        previous: sectionRefSchema.optional(),
        path: z
          .object({ steps: z.array(z.string()), step: z.int().min(0) })
          .optional()
          .describe("The stage headings in order and the stage's 1-based place (0: not one of them)."),
      })
      .meta({ id: "TopicPosition" }),
  ),
});

const stageSectionSchema = z
  .object({ sectionIndex: z.int(), heading: z.string(), outline: z.string(), lines: lineRangeSchema })
  .meta({ id: "StageSection" });

const statedDurationSchema = z
  .object({
    text: z.string().describe("The duration phrases as written."),
    source: z.enum(["heading", "diagram", "label", "plan"]),
    lines: lineRangeSchema,
    quote: z.string().describe("The cited line(s)."),
  })
  .meta({ id: "StatedDuration" });

export const roadmapDescriptionSchema = z
  .object({
    id: z.string(),
    source: z.string(),
    title: z.string(),
    arrangement: z.enum(["single", "merged", "parallel", "reading-order"]),
    paths: z.array(
      z.object({
        outlines: z.array(z.string()),
        stages: z.array(
          z.object({
            step: z.int().min(1),
            heading: z.string(),
            sections: z.array(stageSectionSchema),
            parts: z.array(z.string()),
            durations: z.array(statedDurationSchema),
            resources: z.array(z.object({ title: z.string(), url: z.string(), line: z.int().min(1) })),
          }),
        ),
      }),
    ),
    overviews: z.array(stageSectionSchema),
    totalDuration: statedDurationSchema.optional(),
    topic: z.string().optional().describe("The ?topic= asked about."),
    marks: z
      .object({
        topic: z.string(),
        path: z.int().min(0),
        current: z.int(),
        next: z.int().optional(),
        previous: z.int().optional(),
      })
      .nullable()
      .optional()
      .describe("Where ?topic= sits, as path index and step numbers; null when it is not on this roadmap."),
  })
  .meta({ id: "RoadmapDescription" });

export const resourceListSchema = z.object({ resources: z.array(resourceSchema) });

export type DocumentResponse = z.infer<typeof documentSchema>;
export type RoadmapDescriptionResponse = z.infer<typeof roadmapDescriptionSchema>;
export type TopicPositionsResponse = z.infer<typeof topicPositionsSchema>;
