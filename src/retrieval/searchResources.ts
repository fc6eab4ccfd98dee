import type { Resource } from "../corpus/types.js";
import { tokenizeForSearch } from "../text/tokenize.js";
import { expandQuery } from "./expandQuery.js";

/**
 * Rank the links catalogue for a query: a resource matches on its anchor text, its URL words
 * (so "LLMSurvey" finds github.com/RUCAIBox/LLMSurvey) and the section it sits in; glossary
 * expansion lets "book" find 书籍 sections. Ties keep catalogue (reading) order.
 */
export function searchResources(resources: Resource[], query: string, limit: number): Resource[] {
  const terms = new Set(tokenizeForSearch([query, ...expandQuery(query)].join(" ")));
  if (terms.size === 0) return [];
  const scored = resources.map((resource, position) => {
    const own = new Set(tokenizeForSearch(`${resource.title} ${resource.url}`));
    const context = new Set(tokenizeForSearch(resource.headingPath.join(" ")));
    let score = 0;
    for (const term of terms) {
      if (own.has(term)) score += 2;
      else if (context.has(term)) score += 1;
    }
    return { resource, score, position };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.position - b.position)
    .slice(0, limit)
    .map((s) => s.resource);
}
