/**
 * A small scanner for inline markdown links on one line. Regexes cannot balance the brackets and
 * parentheses real documents contain (`[a[1].png](…)`, `(https://x/Foo_(bar))`), so this walks
 * the characters.
 */

export interface InlineLink {
  text: string;
  /** Destination as written, trimmed, without `<…>` wrapping or a title. */
  url: string;
  isImage: boolean;
  /** [start, end) character offsets of the whole construct in the line. */
  start: number;
  end: number;
}

export function scanInlineLinks(line: string): InlineLink[] {
  const links: InlineLink[] = [];
  let position = 0;
  while (position < line.length) {
    const open = line.indexOf("[", position);
    if (open < 0) break;
    if (line[open - 1] === "\\" || line[open + 1] === "[") {
      // Escaped bracket, or a [[wiki link]] (handled elsewhere).
      position = line[open + 1] === "[" ? skipWikiLink(line, open) : open + 1;
      continue;
    }
    const close = matchingBracket(line, open, "[", "]");
    if (close < 0 || line[close + 1] !== "(") {
      position = open + 1;
      continue;
    }
    const destinationEnd = matchingBracket(line, close + 1, "(", ")");
    if (destinationEnd < 0) {
      position = open + 1;
      continue;
    }
    const isImage = line[open - 1] === "!";
    links.push({
      text: line.slice(open + 1, close),
      url: parseDestination(line.slice(close + 2, destinationEnd)),
      isImage,
      start: isImage ? open - 1 : open,
      end: destinationEnd + 1,
    });
    position = destinationEnd + 1;
  }
  return links;
}

function skipWikiLink(line: string, open: number): number {
  const close = line.indexOf("]]", open + 2);
  return close < 0 ? open + 2 : close + 2;
}

/** Index of the bracket closing the one at `open`, honouring nesting and backslash escapes; -1 if unbalanced. */
function matchingBracket(line: string, open: number, opening: string, closing: string): number {
  let depth = 0;
  for (let i = open; i < line.length; i++) {
    const char = line[i];
    if (char === "\\") {
      i++;
      continue;
    }
    if (char === opening) depth++;
    else if (char === closing && --depth === 0) return i;
  }
  return -1;
}

function parseDestination(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith("<")) {
    const close = trimmed.indexOf(">");
    if (close > 0) return trimmed.slice(1, close).trim();
  }
  // A title follows the destination after whitespace: [t](url "title").
  const titled = /^(\S+)\s+(?:"[^"]*"|'[^']*'|\([^)]*\))$/.exec(trimmed);
  return (titled?.[1] ?? trimmed).trim();
}
