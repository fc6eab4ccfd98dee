/** A text as a regular expression that matches it literally (names, titles, topics built into patterns). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
