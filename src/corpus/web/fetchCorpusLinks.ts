import { buildResources } from "../links.js";
import { loadCorpus } from "../loadCorpus.js";
import { fetchLinkedNotes } from "./fetchLinkedNotes.js";
import type { FetchLinkedNotesOptions, LinkFetchSummary } from "./types.js";

/**
 * The `--fetch-links` step of ingest: collect the http(s) links of every document in the
 * corpus and fetch them into notes/web/. Links inside already fetched notes are not followed,
 * so the crawl stays one level deep and a page cannot pull in the web behind it.
 */
export async function fetchCorpusLinks(
  options: Omit<FetchLinkedNotesOptions, "resources"> & { maxFileBytes?: number },
): Promise<LinkFetchSummary> {
  const { maxFileBytes, ...fetchOptions } = options;
  const corpus = await loadCorpus(options.corpusDir, maxFileBytes !== undefined ? { maxFileBytes } : {});
  const resources = corpus.documents.filter((doc) => doc.kind !== "web").flatMap((doc) => buildResources(doc));
  return fetchLinkedNotes({ ...fetchOptions, resources });
}
