import { isSafeHttpUrl } from "./citationLinks.js";

/**
 * A small, safe markdown renderer for answers. It only ever creates elements and text nodes
 * (never parses HTML), so `<img onerror>` or `<script>` in an answer or a passage shows up as
 * literal text. Supported: paragraphs, line breaks, headings, lists (nested by indent), block
 * quotes, fenced code, bold, italic, inline code, http(s) links, bare URLs and [n] citations.
 */

export interface CitationLinker {
  /** href for citation n, or undefined when the answer has no such citation (left as text). */
  href(n: number): string | undefined;
  /** Tooltip for citation n (the source's label). */
  title?(n: number): string | undefined;
}

export interface MarkdownOptions {
  citations?: CitationLinker;
}

const INLINE =
  /(`+)([^`][\s\S]*?)\1(?!`)|\*\*(?=\S)((?:(?!\*\*)[\s\S])*?\S)\*\*|(?<![A-Za-z0-9_])__(?=\S)((?:(?!__)[\s\S])*?\S)__(?![A-Za-z0-9_])|\*(?=[^\s*])([^*\n]*?[^\s*])\*|\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)|\[(\d{1,3}(?:\s*[,，]\s*\d{1,3})*)\]|<(https?:\/\/[^\s>]+)>|(https?:\/\/[A-Za-z0-9\-._~:/?#@!$&*+,;=%]+)/g;

const TRAILING_PUNCTUATION = /[.,;:!?。，；：！？、]+$/;

function link(doc: Document, href: string, text: string): HTMLAnchorElement {
  const a = doc.createElement("a");
  a.setAttribute("href", href);
  a.setAttribute("target", "_blank");
  a.setAttribute("rel", "noopener noreferrer");
  a.textContent = text;
  return a;
}

function citationMarkers(doc: Document, parent: Node, numbers: string, raw: string, options: MarkdownOptions): void {
  const ns = numbers.split(/[,，]/).map((n) => Number(n.trim()));
  const linker = options.citations;
  if (!linker || ns.some((n) => linker.href(n) === undefined)) {
    parent.appendChild(doc.createTextNode(raw));
    return;
  }
  for (const n of ns) {
    const a = link(doc, linker.href(n) ?? "", `[${n}]`);
    a.setAttribute("class", "rt-cite");
    a.setAttribute("data-citation", String(n));
    const title = linker.title?.(n);
    if (title) {
      a.setAttribute("title", title);
      a.setAttribute("aria-label", `[${n}] ${title}`);
    }
    parent.appendChild(a);
  }
}

/** Append inline markdown `text` to `parent`. */
export function renderInline(doc: Document, parent: Node, text: string, options: MarkdownOptions = {}): void {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const start = match.index;
    if (start > last) parent.appendChild(doc.createTextNode(text.slice(last, start)));
    last = start + match[0].length;
    const [raw, , code, strong1, strong2, em, linkText, linkUrl, citations, angleUrl, bareUrl] = match;
    if (code !== undefined) {
      const el = doc.createElement("code");
      el.textContent = code.trim() === "" ? code : code.replace(/^ (.*) $/s, "$1");
      parent.appendChild(el);
    } else if (strong1 !== undefined || strong2 !== undefined) {
      const el = doc.createElement("strong");
      renderInline(doc, el, strong1 ?? strong2 ?? "", options);
      parent.appendChild(el);
    } else if (em !== undefined) {
      const el = doc.createElement("em");
      renderInline(doc, el, em, options);
      parent.appendChild(el);
    } else if (linkText !== undefined && linkUrl !== undefined) {
      if (isSafeHttpUrl(linkUrl)) parent.appendChild(link(doc, linkUrl, linkText));
      else parent.appendChild(doc.createTextNode(linkText));
    } else if (citations !== undefined) {
      citationMarkers(doc, parent, citations, raw, options);
    } else if (angleUrl !== undefined) {
      parent.appendChild(isSafeHttpUrl(angleUrl) ? link(doc, angleUrl, angleUrl) : doc.createTextNode(raw));
    } else if (bareUrl !== undefined) {
      const trailing = TRAILING_PUNCTUATION.exec(bareUrl)?.[0] ?? "";
      const url = bareUrl.slice(0, bareUrl.length - trailing.length);
      parent.appendChild(isSafeHttpUrl(url) ? link(doc, url, url) : doc.createTextNode(url));
      if (trailing) parent.appendChild(doc.createTextNode(trailing));
    }
  }
  if (last < text.length) parent.appendChild(doc.createTextNode(text.slice(last)));
}

interface OpenList {
  element: HTMLElement;
  ordered: boolean;
  indent: number;
  lastItem: HTMLElement | undefined;
}

const LIST_ITEM = /^(\s*)([-*+•]\s+|\d{1,3}[.)]\s+|\d{1,3}、\s*)(.*)$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s*(```|~~~)/;

/** Render a whole answer into a fragment of block elements. */
export function renderMarkdown(doc: Document, source: string, options: MarkdownOptions = {}): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let paragraph: HTMLElement | undefined;
  let lists: OpenList[] = [];
  let quote: HTMLElement | undefined;

  const closeBlocks = () => {
    paragraph = undefined;
    lists = [];
    quote = undefined;
  };
  const appendLine = (block: HTMLElement, text: string) => {
    if (block.childNodes.length > 0) block.appendChild(doc.createElement("br"));
    renderInline(doc, block, text, options);
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fence = FENCE.exec(line);
    if (fence) {
      closeBlocks();
      const body: string[] = [];
      for (i++; i < lines.length && !(lines[i] ?? "").trim().startsWith(fence[1] ?? "```"); i++) body.push(lines[i] ?? "");
      const pre = doc.createElement("pre");
      const code = doc.createElement("code");
      code.textContent = body.join("\n");
      pre.appendChild(code);
      fragment.appendChild(pre);
      continue;
    }
    if (line.trim() === "") {
      closeBlocks();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      closeBlocks();
      const level = Math.min(6, (heading[1]?.length ?? 1) + 2);
      const el = doc.createElement(`h${level}`);
      renderInline(doc, el, heading[2] ?? "", options);
      fragment.appendChild(el);
      continue;
    }
    if (/^\s*>/.test(line)) {
      paragraph = undefined;
      lists = [];
      if (!quote) {
        quote = doc.createElement("blockquote");
        fragment.appendChild(quote);
      }
      appendLine(quote, line.replace(/^\s*>\s?/, ""));
      continue;
    }
    quote = undefined;
    const item = LIST_ITEM.exec(line);
    if (item) {
      paragraph = undefined;
      const indent = (item[1] ?? "").replace(/\t/g, "    ").length;
      const ordered = /\d/.test(item[2] ?? "");
      while (lists.length > 0 && (lists[lists.length - 1]?.indent ?? 0) > indent) lists.pop();
      let current = lists[lists.length - 1];
      if (current && current.indent === indent && current.ordered !== ordered) {
        lists.pop();
        current = lists[lists.length - 1];
      }
      if (!current || current.indent < indent) {
        const element = doc.createElement(ordered ? "ol" : "ul");
        if (ordered) {
          const startAt = Number.parseInt(item[2] ?? "1", 10);
          if (startAt > 1) element.setAttribute("start", String(startAt));
        }
        (current?.lastItem ?? fragment).appendChild(element);
        current = { element, ordered, indent, lastItem: undefined };
        lists.push(current);
      }
      const li = doc.createElement("li");
      renderInline(doc, li, item[3] ?? "", options);
      current.element.appendChild(li);
      current.lastItem = li;
      continue;
    }
    const openItem = lists[lists.length - 1]?.lastItem;
    if (openItem && /^\s+/.test(line)) {
      appendLine(openItem, line.trim());
      continue;
    }
    lists = [];
    if (!paragraph) {
      paragraph = doc.createElement("p");
      fragment.appendChild(paragraph);
    }
    appendLine(paragraph, line.trim());
  }
  return fragment;
}
