import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBody, sniffMetaCharset } from "../../../src/corpus/web/charset.js";

const TEXT = "大语言模型学习路线：先学 Transformer";

describe("decodeBody", () => {
  it("honours the header charset, GB2312 and GB18030 labels included", () => {
    for (const label of ["gbk", "GB2312", "gb18030"]) {
      expect(decodeBody(iconv.encode(TEXT, "gbk"), { headerCharset: label, isHtml: false })).toBe(TEXT);
    }
    expect(decodeBody(iconv.encode("café", "latin1"), { headerCharset: "ISO-8859-1", isHtml: false })).toBe("café");
  });

  it("sniffs <meta charset> in HTML when the header has none, but not in plain text", () => {
    const html = `<html><head><meta charset="gb2312"><title>${TEXT}</title></head></html>`;
    expect(decodeBody(iconv.encode(html, "gbk"), { isHtml: true })).toBe(html);
    expect(decodeBody(iconv.encode(html, "gbk"), { isHtml: false })).not.toBe(html);
    expect(sniffMetaCharset(new TextEncoder().encode(`<meta http-equiv="Content-Type" content="text/html; charset=GBK">`))).toBe("GBK");
  });

  it("lets a BOM win, ignores unknown labels and defaults to UTF-8", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeBody(bom, { headerCharset: "gbk", isHtml: false })).toBe(TEXT);
    expect(decodeBody(new TextEncoder().encode(TEXT), { headerCharset: "x-made-up", isHtml: true })).toBe(TEXT);
  });
});
