import { escapeHtml } from "./escapeHtml.js";

/**
 * The opening every server-rendered page shares, up to and including `<body>`: the document
 * language, the viewport, the page's own styles and its one deferred script. `extra` holds head
 * elements a page adds (robots, icon); it is trusted markup written by the page, never user text.
 */
export function openHtmlPage(params: { lang: string; title: string; style: string; scriptPath: string; extra?: string }): string {
  return `<!doctype html>
<html lang="${params.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${params.extra ?? ""}<title>${escapeHtml(params.title)} · Roadmap Tutor</title>
<style>${params.style}</style>
<script src="${params.scriptPath}" defer></script>
</head>
<body>`;
}
