import { reciprocalRankFusion } from "./fusion.js";
import type { Passage, QueryAnalysis, RetrievalResult, RetrieveOptions, Retriever } from "./types.js";

/**
 * Multi-query retrieval (LLM mode, QUERY_REWRITE): the question's own retrieval, plus a plain
 * search for each rewrite of it, fused by reciprocal rank. The question's result keeps its
 * analysis, roadmap context and evidence; only its matched passages are re-ranked with those the
 * rewrites found. `rewrite` returns no queries when the model is unavailable, and then this is
 * the inner retriever exactly.
 */
export class MultiQueryRetriever implements Retriever {
  constructor(
    private readonly inner: Retriever,
    private readonly rewrite: (question: string) => Promise<string[]>,
  ) {}

  analyzeQuestion(question: string): QueryAnalysis {
    return this.inner.analyzeQuestion(question);
  }

  topicOf(question: string): string | undefined {
    return this.inner.topicOf(question);
  }

  namesStage(phrase: string): boolean {
    return this.inner.namesStage?.(phrase) ?? false;
  }

  neighbourStage(phrase: string, direction: "next" | "previous"): string | undefined {
    return this.inner.neighbourStage?.(phrase, direction);
  }

  roadmapNamedIn(question: string): string | undefined {
    return this.inner.roadmapNamedIn(question);
  }

  search(query: string, options?: RetrieveOptions): Promise<Passage[]> {
    return this.inner.search(query, options);
  }

  async retrieve(query: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const [result, rewrites] = await Promise.all([this.inner.retrieve(query, options), this.rewrite(query)]);
    if (rewrites.length === 0) return result;
    const extra = await Promise.all(rewrites.map((q) => this.inner.search(q, options)));
    const context = result.passages.filter((p) => p.role !== "match" || p.roleLabel !== undefined);
    const matches = result.passages.filter((p) => !context.includes(p));
    const byId = new Map<string, Passage>();
    for (const passage of [...matches, ...extra.flat()]) if (!byId.has(passage.chunk.id)) byId.set(passage.chunk.id, passage);
    const inContext = new Set(context.map((p) => p.chunk.id));
    const fused = reciprocalRankFusion([matches, ...extra].map((list) => list.map((p) => p.chunk.id)))
      .filter((f) => !inContext.has(f.id))
      .map((f) => ({ ...byId.get(f.id)!, score: f.score }));
    const k = Math.max(result.passages.length, options.k ?? 0);
    return { ...result, passages: [...context, ...fused].slice(0, k), rewrites };
  }
}
