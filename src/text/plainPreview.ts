/**
 * Markdown source as plain text for short previews (the widget's source excerpts, the sources
 * list of /v1 answers): emphasis, inline code, links, heading, list and quote markers removed,
 * whitespace collapsed. Passages keep their markdown everywhere else (citation `text` in the
 * API is the source as the answer saw it). No imports: the widget bundle uses it too.
 */
export function plainPreview(markdown: string): string {
  return markdown
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, "")
    .replace(/^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+/gm, "")
    .replace(/^[ \t]*>[ \t]?/gm, "")
    .replace(/!?\[([^\]\n]*)\]\([^)\n]*\)/g, "$1")
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, "$2")
    .replace(/(?<![\w*])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?![\w*])/g, "$1")
    .replace(/(`+)([^`]+?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .trim();
}
