import { createHash } from "node:crypto";

/** Stable chunk id: first 16 hex of sha256 over source, heading path and text (NUL-separated so parts cannot run together). */
export function chunkIdFor(source: string, headingPath: readonly string[], text: string): string {
  return createHash("sha256")
    .update([source, headingPath.join("\u0001"), text].join("\u0000"), "utf8")
    .digest("hex")
    .slice(0, 16);
}
