/** Linked notes from the web: fetch the pages roadmaps link to into `<corpus>/notes/web/*.md`. */
export { fetchLinkedNotes } from "./fetchLinkedNotes.js";
export { fetchCorpusLinks } from "./fetchCorpusLinks.js";
export { formatLinkFetchSummary, parseLinksMaxAge } from "./summaryReport.js";
