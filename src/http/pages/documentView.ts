import type { CorpusDocument } from "../../corpus/types.js";
import { escapeHtml } from "./escapeHtml.js";
import { openHtmlPage } from "./htmlHead.js";

/** Path of the small script that highlights the lines named in the hash (#L10-L20). */
export const DOCUMENT_VIEW_SCRIPT_PATH = "/assets/document-view.js";

/**
 * Highlights the cited range on load and on hashchange. Served as a file because the pages'
 * CSP allows no inline script. Plain ES2017 so it needs no build step.
 */
export const DOCUMENT_VIEW_SCRIPT = `(function () {
  "use strict";
  function highlight() {
    var marked = document.querySelectorAll(".line.hl");
    for (var i = 0; i < marked.length; i++) marked[i].classList.remove("hl");
    var match = /^#L(\\d+)(?:-L?(\\d+))?$/.exec(location.hash);
    if (!match) return;
    var start = Number(match[1]);
    var end = match[2] ? Number(match[2]) : start;
    if (end < start) { var t = start; start = end; end = t; }
    var first = null;
    for (var n = start; n <= end && n - start < 5000; n++) {
      var line = document.getElementById("L" + n);
      if (!line) continue;
      line.classList.add("hl");
      if (!first) first = line;
    }
    var status = document.getElementById("range");
    if (status) status.textContent = first ? (start === end ? "Line " + start : "Lines " + start + "–" + end) : "";
    if (first) first.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", highlight);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", highlight);
  else highlight();
})();
`;

// Every text colour, line numbers included, keeps 4.5:1 on white and on the highlight (axe, tests/browser).
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Zen Hei",sans-serif;color:#1f2937;background:#fff}
header{padding:16px 24px;border-bottom:1px solid #e5e7eb;position:sticky;top:0;background:#fff;z-index:1}
h1{font-size:20px;margin:0 0 4px}
.meta{margin:0;color:#6b7280;font-size:13px}
#range{color:#92400e;font-weight:600;margin-left:8px}
.layout{display:flex;gap:24px;padding:16px 24px}
nav{flex:0 0 240px;font-size:13px;position:sticky;top:90px;align-self:flex-start;max-height:calc(100vh - 110px);overflow:auto}
nav ul{list-style:none;margin:0;padding:0}
nav a{color:#374151;text-decoration:none;display:block;padding:2px 0}
nav a:hover{color:#2563eb}
main{flex:1;min-width:0}
.line{display:flex;white-space:pre-wrap;overflow-wrap:anywhere;scroll-margin-top:120px}
.line.hl{background:#fef3c7;box-shadow:inset 3px 0 #f59e0b}
.ln{flex:0 0 4em;text-align:right;padding-right:12px;color:#4b5563;text-decoration:none;user-select:none;font:12px/1.6 ui-monospace,Menlo,Consolas,monospace;padding-top:2px}
.ln:hover{color:#2563eb}
.text{flex:1;min-height:1.6em}
.line:target{background:#fef9c3}
@media (max-width:800px){nav{display:none}.layout{padding:8px}}
`;

function looksChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text.slice(0, 2000));
}

/** The cleaned document with numbered lines; every piece of document text is escaped. */
export function renderDocumentView(doc: CorpusDocument): string {
  const lines = doc.text.split("\n");
  const body = lines
    .map((line, i) => {
      const n = i + 1;
      return `<div class="line" id="L${n}"><a class="ln" href="#L${n}" aria-label="line ${n}">${n}</a><span class="text">${escapeHtml(line)}</span></div>`;
    })
    .join("\n");
  const outline = doc.outline
    .map(
      (s) => `<li style="padding-left:${(Math.max(1, s.level) - 1) * 12}px"><a href="#L${s.startLine}">${escapeHtml(s.heading)}</a></li>`,
    )
    .join("");
  const lang = looksChinese(doc.text) ? "zh-CN" : "en";
  return `${openHtmlPage({ lang, title: doc.title, style: STYLE, scriptPath: DOCUMENT_VIEW_SCRIPT_PATH, extra: '<meta name="robots" content="noindex">\n' })}
<header>
<h1>${escapeHtml(doc.title)}</h1>
<p class="meta">${escapeHtml(doc.source)} · ${doc.lineCount} lines${doc.metadata.sourceUrl && /^https?:\/\//i.test(doc.metadata.sourceUrl) ? ` · <a href="${escapeHtml(doc.metadata.sourceUrl)}" rel="noopener noreferrer">original</a>` : ""}<span id="range" role="status"></span></p>
</header>
<div class="layout">
${outline ? `<nav aria-label="Outline"><ul>${outline}</ul></nav>` : ""}
<main>
${body}
</main>
</div>
</body>
</html>
`;
}

/** A small HTML page for 404/503 on the document view. */
export function renderMessagePage(title: string, message: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:40em;margin:10vh auto;padding:0 16px;color:#1f2937}</style></head>
<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><p><a href="/">Roadmap Tutor</a></p></body></html>
`;
}
