import { escapeHtml } from "../escapeHtml.js";
import { openHtmlPage } from "../htmlHead.js";
import type { PageMessages } from "./pageMessages.js";
import { ROADMAP_CSS } from "./roadmapStyle.js";

/** Path of the roadmap pages' script (progress ticks, keyboard moves, theme, export/import). */
export const ROADMAP_SCRIPT_PATH = "/assets/roadmap-page.js";

export function documentHref(docId: string, start: number, end: number): string {
  return `/documents/${encodeURIComponent(docId)}#L${start}-L${end}`;
}

/** Only http(s) resource URLs become links; anything else is shown as text. */
export function safeHttpUrl(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function themeSelect(m: PageMessages): string {
  const option = (value: "auto" | "light" | "dark") => `<option value="${value}">${escapeHtml(m.themeNames[value])}</option>`;
  return `<label class="theme">${escapeHtml(m.theme)} <select id="theme-choice">${option("auto")}${option("light")}${option("dark")}</select></label>`;
}

/** The shared page around a roadmap view: head, header bar with breadcrumb and theme, footer. */
export function renderFrame(params: {
  m: PageMessages;
  title: string;
  crumbs: string;
  header: string;
  main: string;
  mainAttributes?: string;
}): string {
  const { m } = params;
  return `${openHtmlPage({ lang: m.lang, title: params.title, style: ROADMAP_CSS, scriptPath: ROADMAP_SCRIPT_PATH, extra: '<link rel="icon" href="data:,">\n' })}
<a class="skip" href="#main">${m.lang === "en" ? "Skip to content" : "跳到正文"}</a>
<header class="top"><div class="wrap">
<div class="topbar"><nav class="crumbs" aria-label="${m.lang === "en" ? "Breadcrumb" : "导航"}">${params.crumbs}</nav>${themeSelect(m)}</div>
${params.header}
</div></header>
<main id="main" class="wrap"${params.mainAttributes ?? ""}>
${params.main}
</main>
<footer class="wrap">Roadmap Tutor · <a href="/">${m.lang === "en" ? "Ask the tutor" : "向助手提问"}</a></footer>
</body>
</html>
`;
}

export function locateForm(m: PageMessages, action: string, topic: string | undefined): string {
  return `<form class="locate" method="get" action="${escapeHtml(action)}" role="search">
<label for="topic">${escapeHtml(m.topicLabel)}</label>
<input id="topic" name="topic" type="search" maxlength="200" value="${escapeHtml(topic ?? "")}" placeholder="${escapeHtml(m.topicPlaceholder)}">
<button class="btn" type="submit">${escapeHtml(m.locate)}</button>
</form>`;
}

export function progressPanel(m: PageMessages, total: number): string {
  return `<section class="progress" aria-labelledby="progress-title" data-total="${total}" data-count-template="${escapeHtml(m.countTemplate)}" data-imported="${escapeHtml(m.imported)}" data-import-failed="${escapeHtml(m.importFailed)}" data-exported="${escapeHtml(m.exported)}">
<h2 id="progress-title">${escapeHtml(m.progress)}</h2>
<span class="count" id="progress-count" aria-live="polite">${escapeHtml(m.progressCount(0, total))}</span>
<span class="bar" aria-hidden="true"><span id="progress-bar"></span></span>
<button class="btn quiet" type="button" id="progress-export">${escapeHtml(m.exportProgress)}</button>
<button class="btn quiet" type="button" id="progress-import-button">${escapeHtml(m.importProgress)}</button>
<input type="file" id="progress-import" accept="application/json,.json" hidden>
<button class="btn quiet" type="button" id="progress-reset">${escapeHtml(m.resetProgress)}</button>
<p class="status" id="progress-status" role="status"></p>
<p class="note muted">${escapeHtml(m.progressNote)}</p>
</section>`;
}
