import { UpstreamFailed } from "../../errors.js";
import { decodeBody } from "./charset.js";
import { extractHtml } from "./extractHtml.js";
import { extractPdf } from "./extractPdf.js";

export interface ExtractedPage {
  title: string;
  /** The note's markdown body, starting with its `# title` heading. */
  markdown: string;
}

export interface FetchedBody {
  url: string;
  mimeType: string;
  charset?: string;
  body: Uint8Array;
}

// A PDF line or plain-text line starting with "#" would turn into a bogus heading in the outline.
function escapeHeadingMarks(text: string): string {
  return text.replace(/^(\s*)#/gm, "$1\\#");
}

function firstMarkdownHeading(markdown: string): string | undefined {
  const match = /^#{1,2}[ \t]+(.+?)[ \t#]*$/m.exec(markdown);
  return match?.[1]?.trim() || undefined;
}

function withTitleHeading(title: string, markdown: string): string {
  const body = markdown.trim();
  if (/^#[ \t]/.test(body)) return `${body}\n`;
  return body.length > 0 ? `# ${title}\n\n${body}\n` : `# ${title}\n`;
}

/**
 * Turns a fetched body into a note: HTML through Readability + turndown, PDF into one
 * `## Page N` section per page, markdown/plain text kept as written. `fallbackTitle` (the
 * link's anchor text) is used when the page names nothing better.
 */
export async function extractPage(fetched: FetchedBody, fallbackTitle: string): Promise<ExtractedPage> {
  const { mimeType } = fetched;
  if (mimeType === "application/pdf") {
    const pdf = await extractPdf(fetched.body).catch((error: unknown) => {
      throw new UpstreamFailed(`${fetched.url}: not a readable PDF`, undefined, { cause: error });
    });
    const title = pdf.title ?? fallbackTitle;
    const sections = pdf.pages.map((text, i) => `## Page ${i + 1}\n\n${escapeHeadingMarks(text)}`.trim());
    return { title, markdown: `# ${title}\n\n${sections.join("\n\n")}\n` };
  }
  const isHtml = mimeType === "text/html" || mimeType === "application/xhtml+xml";
  const text = decodeBody(fetched.body, { ...(fetched.charset ? { headerCharset: fetched.charset } : {}), isHtml });
  if (isHtml) {
    const html = extractHtml(text, fetched.url);
    const title = html.title ?? fallbackTitle;
    return { title, markdown: withTitleHeading(title, html.markdown) };
  }
  const isMarkdown = mimeType === "text/markdown" || /\.(md|markdown)$/i.test(new URL(fetched.url).pathname);
  const body = text.replace(/\r\n?/g, "\n");
  if (isMarkdown) {
    const title = firstMarkdownHeading(body) ?? fallbackTitle;
    return { title, markdown: withTitleHeading(title, body) };
  }
  return { title: fallbackTitle, markdown: withTitleHeading(fallbackTitle, escapeHeadingMarks(body)) };
}
