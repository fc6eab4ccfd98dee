import type { CorpusDocument } from "../../src/corpus/types.js";

/** A roadmap document with a title, a text and front matter, and nothing recovered (no outline, no links): what a profile reads. */
export const roadmapDocument = (id: string, title: string, text: string, metadata: Record<string, unknown> = {}) =>
  ({
    id,
    source: `roadmaps/${id}.md`,
    kind: "roadmap",
    title,
    text,
    metadata,
    outline: [],
    links: [],
    linkedFrom: [],
  }) as unknown as CorpusDocument;
