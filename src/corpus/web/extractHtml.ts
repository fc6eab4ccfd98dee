import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import TurndownService from "turndown";

export interface ExtractedHtml {
  /** Title from Readability (which reads <title>, og:title and the main heading), if any. */
  title?: string;
  /** Main content as markdown, headings kept as ATX headings. */
  markdown: string;
}

// Page furniture that is never the article, removed before Readability scores the page.
const FURNITURE_SELECTORS = [
  "script",
  "style",
  "noscript",
  "template",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "form",
  "nav",
  "footer",
  "aside",
  "[role=navigation]",
  "[role=contentinfo]",
  "[role=banner]",
  "[role=dialog]",
  "[aria-hidden=true]",
  "[hidden]",
];
// Cookie/consent banners and newsletter pop-ups carry no stable tag, only telling ids/classes.
const FURNITURE_NAME = /cookie|consent|gdpr|newsletter|subscribe|popup|modal|share-?bar|breadcrumb/i;

function removeFurniture(document: Document): void {
  for (const element of [...document.querySelectorAll(FURNITURE_SELECTORS.join(","))]) element.remove();
  for (const element of [...document.querySelectorAll("[id],[class]")]) {
    const name = `${element.getAttribute("id") ?? ""} ${element.getAttribute("class") ?? ""}`;
    if (FURNITURE_NAME.test(name) && element.tagName !== "BODY" && element.tagName !== "HTML") element.remove();
  }
}

function createTurndown(pageUrl: string): TurndownService {
  const turndown = new TurndownService({ headingStyle: "atx", codeBlockStyle: "fenced", bulletListMarker: "-", emDelimiter: "*" });
  // Images carry no text to retrieve; keeping them only adds URLs to the chunks. (A rule, not
  // remove(): turndown's built-in image rule would win over remove().)
  turndown.addRule("dropMedia", { filter: ["img", "picture", "video", "audio", "button", "input", "select"], replacement: () => "" });
  turndown.addRule("absoluteLinks", {
    filter: (node) => node.nodeName === "A" && Boolean(node.getAttribute("href")),
    replacement: (content, node) => {
      const text = content.trim();
      const href = (node as Element).getAttribute("href") ?? "";
      let absolute: URL;
      try {
        absolute = new URL(href, pageUrl);
      } catch {
        return text;
      }
      if (!text) return "";
      if (absolute.protocol !== "http:" && absolute.protocol !== "https:") return text;
      if (absolute.href.split("#")[0] === pageUrl.split("#")[0]) return text; // in-page anchors
      return `[${text}](${absolute.href})`;
    },
  });
  return turndown;
}

function tidyMarkdown(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) => line.replace(/[ \t]+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/**
 * Main content of an HTML page as markdown: furniture removed on a linkedom DOM, Readability
 * picks the article, turndown converts it. Pages Readability cannot score (short docs, landing
 * pages) fall back to the cleaned <body>.
 */
export function extractHtml(html: string, pageUrl: string): ExtractedHtml {
  const { document } = parseHTML(html);
  const documentTitle = document.querySelector("title")?.textContent?.trim();
  removeFurniture(document);
  const fallbackHtml = document.body?.innerHTML ?? "";
  const article = new Readability(document, { charThreshold: 200 }).parse();
  const turndown = createTurndown(pageUrl);
  const articleMarkdown = article?.content ? tidyMarkdown(turndown.turndown(article.content)) : "";
  const markdown = articleMarkdown.length > 0 ? articleMarkdown : tidyMarkdown(turndown.turndown(fallbackHtml));
  const title = article?.title?.trim() || documentTitle;
  return title ? { title, markdown } : { markdown };
}
