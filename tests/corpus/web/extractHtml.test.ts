import { describe, expect, it } from "vitest";
import { extractHtml } from "../../../src/corpus/web/extractHtml.js";

describe("extractHtml", () => {
  it("falls back to the cleaned body for a page too short for Readability, still dropping furniture", () => {
    const html = `<html><head><title>Glossary</title><script>var x = "SCRIPT-MARKER"</script></head><body>
      <nav>NAV-MARKER Home</nav>
      <div class="gdpr-consent">COOKIE-MARKER accept</div>
      <h2>Tokenizer</h2><p>Splits text into tokens.</p>
      <footer>FOOTER-MARKER</footer></body></html>`;
    const result = extractHtml(html, "https://example.org/glossary");
    expect(result.title).toBe("Glossary");
    expect(result.markdown).toBe("## Tokenizer\n\nSplits text into tokens.");
  });

  it("drops a cookie notice inside the article and keeps code, lists and absolute links", () => {
    const paragraph = "Retrieval-augmented generation retrieves passages from an index and gives them to the model as context, so answers can cite their sources. ";
    const html = `<html><head><title>RAG</title></head><body><article>
      <h1>RAG</h1>
      <div class="cookie-notice">COOKIE-MARKER We use cookies</div>
      <p>${paragraph.repeat(3)}</p>
      <h2>Steps</h2>
      <ul><li>Chunk the documents</li><li>Embed the chunks</li></ul>
      <p>Read <a href="../guide#intro">the guide</a>, <a href="#steps">jump</a> or <a href="javascript:void(0)">click</a>.</p>
      <img src="/diagram.png" alt="diagram">
    </article></body></html>`;
    const result = extractHtml(html, "https://example.org/docs/rag");
    expect(result.markdown).not.toContain("COOKIE-MARKER");
    expect(result.markdown).toContain("## Steps");
    expect(result.markdown).toContain("-   Chunk the documents");
    expect(result.markdown).toContain("Read [the guide](https://example.org/guide#intro), jump or click.");
    expect(result.markdown).not.toContain("diagram.png");
  });
});
