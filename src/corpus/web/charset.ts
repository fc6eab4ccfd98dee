import iconv from "iconv-lite";

// WHATWG maps these labels to its GBK decoder, which is really GB18030: decode with the superset.
const CHARSET_ALIASES: Record<string, string> = {
  gb2312: "gb18030",
  gbk: "gb18030",
  "x-gbk": "gb18030",
  "iso-8859-1": "windows-1252",
  "us-ascii": "windows-1252",
  ascii: "windows-1252",
};

function normalizeCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const lower = label.trim().toLowerCase();
  const name = CHARSET_ALIASES[lower] ?? lower;
  return iconv.encodingExists(name) ? name : undefined;
}

function charsetFromBom(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * The HTML prescan, simplified: look at the first 1024 bytes (read as latin1, which keeps every
 * ASCII byte in place) for `<meta charset=…>` or `<meta http-equiv="Content-Type" content="…charset=…">`.
 */
export function sniffMetaCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1");
  for (const meta of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const match = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta);
    if (match?.[1]) return match[1];
  }
  return undefined;
}

/**
 * Decode a response body: BOM first, then the Content-Type charset, then (HTML only) the meta
 * tag, else UTF-8. Unknown labels fall through to the next source rather than failing.
 */
export function decodeBody(bytes: Uint8Array, options: { headerCharset?: string; isHtml: boolean }): string {
  const charset =
    charsetFromBom(bytes) ??
    normalizeCharset(options.headerCharset) ??
    (options.isHtml ? normalizeCharset(sniffMetaCharset(bytes)) : undefined) ??
    "utf-8";
  return iconv.decode(Buffer.from(bytes), charset, { stripBOM: true });
}
