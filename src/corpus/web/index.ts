/** Linked notes from the web: fetch the pages roadmaps link to into `<corpus>/notes/web/*.md`. */
export { DEFAULT_GITHUB_RAW_BASE, DEFAULT_LINKS_MAX_AGE_MS, DEFAULT_USER_AGENT, fetchLinkedNotes } from "./fetchLinkedNotes.js";
export { fetchCorpusLinks } from "./fetchCorpusLinks.js";
export { WEB_NOTES_DIR } from "./noteFile.js";
export { formatLinkFetchSummary, parseLinksMaxAge } from "./summaryReport.js";
export type {
  FetchLinkedNotesOptions,
  HostLookup,
  LinkFetchProgress,
  LinkFetchSummary,
  LinkOutcome,
  LinkOutcomeKind,
  LinkReference,
  ResolvedAddress,
} from "./types.js";
