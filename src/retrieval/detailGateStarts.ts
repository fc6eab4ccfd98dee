import { matchStarts, startsFromStored, storedStarts, type MatchStarts, type StoredStarts } from "../text/patternStarts.js";
import table from "./detailGateStarts.json" with { type: "json" };

/**
 * How the detail rules' `asked` patterns can start a match (patternStarts.ts), for the gate
 * detailKinds.ts builds on a server's first question: read from detailGateStarts.json, written
 * ahead of time by scripts/build-detail-gate-starts.ts, instead of reading ~24 pattern sources
 * there (~30 ms of the first ask, code run once and cold). A pattern the table lacks (edited or
 * added since) is read as before, so an edited rule makes the table slower, never wrong;
 * tests/retrieval/detailGateStarts.test.ts fails until the script is rerun.
 */
export function detailGateStarts(pattern: RegExp): MatchStarts | "any" {
  const stored = (table.starts as unknown as Record<string, StoredStarts>)[patternKey(pattern)];
  return stored !== undefined ? startsFromStored(stored) : matchStarts(pattern);
}

/** The table of `patterns`' starts, as the script writes it. */
export function detailGateTable(patterns: readonly RegExp[]): { starts: Record<string, StoredStarts> } {
  return { starts: Object.fromEntries(patterns.map((pattern) => [patternKey(pattern), storedStarts(matchStarts(pattern))])) };
}

/** A pattern's key in the table: its source and flags, as a literal writes them. */
function patternKey(pattern: RegExp): string {
  return `/${pattern.source}/${pattern.flags}`;
}
