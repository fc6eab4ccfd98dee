import ms, { type StringValue } from "ms";
import { BadInput } from "../../errors.js";
import type { LinkFetchSummary } from "./types.js";

/**
 * `--links-max-age` values: a number with a unit (`7d`, `12h`, `30m`, `45s`, `500ms`) or plain
 * milliseconds, parsed by `ms`. Returns milliseconds.
 */
export function parseLinksMaxAge(text: string): number {
  const milliseconds = ms(text.trim() as StringValue) as number | undefined;
  if (typeof milliseconds !== "number" || !Number.isFinite(milliseconds) || milliseconds < 0) {
    throw new BadInput(`--links-max-age: expected a duration such as 7d, 12h or 30m, got "${text}"`);
  }
  return Math.round(milliseconds);
}

/** Human-readable lines for the ingest output: the counts, then every skipped or failed link and who links to it. */
export function formatLinkFetchSummary(summary: LinkFetchSummary): string[] {
  const lines = [
    `linked pages: ${summary.total} — fetched ${summary.fetched}, unchanged ${summary.unchanged}, cached ${summary.cached}, ` +
      `not modified ${summary.notModified}, skipped ${summary.skipped}, failed ${summary.failed}`,
  ];
  for (const outcome of summary.outcomes) {
    if (outcome.kind !== "skipped" && outcome.kind !== "failed") continue;
    const where = outcome.linkedFrom.map((r) => `${r.doc}:${r.line}`).join(", ");
    const kept = outcome.kind === "failed" && outcome.note ? " (previous note kept)" : "";
    lines.push(`  ${outcome.kind} ${outcome.url} — ${outcome.reason ?? "unknown reason"}${kept}${where ? ` [linked from ${where}]` : ""}`);
  }
  return lines;
}
