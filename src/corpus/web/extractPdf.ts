import { extractText, getDocumentProxy, getMeta } from "unpdf";

export interface ExtractedPdf {
  title?: string;
  /** Text of each page, in order. */
  pages: string[];
}

function tidyPageText(text: string): string {
  return text
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Text per page with unpdf, so each page can become its own `## Page N` section. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractedPdf> {
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
  // verbosity 0: pdf.js would otherwise print recovery warnings into the ingest output.
  const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const meta = await getMeta(pdf).catch(() => undefined);
    const rawTitle: unknown = meta?.info?.["Title"];
    const title = typeof rawTitle === "string" && rawTitle.trim().length > 0 ? rawTitle.trim() : undefined;
    const pages = text.map(tidyPageText);
    return title ? { title, pages } : { pages };
  } finally {
    await pdf.destroy();
  }
}
