import { clearProgress, exportProgress, importProgress, loadProgress, saveProgress } from "../../../../widget/roadmapProgress.js";

/**
 * The roadmap pages' behaviour in the browser (bundled to /assets/roadmap-page.js): progress
 * ticks kept in localStorage (never sent anywhere), export/import as a JSON file, arrow-key moves
 * between the stages of the graph, and the theme choice.
 */

const THEME_KEY = "roadmap-tutor:theme";

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function setupTheme(store: Storage | undefined): void {
  const select = document.getElementById("theme-choice") as HTMLSelectElement | null;
  const apply = (value: string) => {
    if (value === "light" || value === "dark") document.documentElement.dataset.theme = value;
    else delete document.documentElement.dataset.theme;
  };
  const saved = store?.getItem(THEME_KEY) ?? "auto";
  apply(saved);
  if (!select) return;
  select.value = saved === "light" || saved === "dark" ? saved : "auto";
  select.addEventListener("change", () => {
    apply(select.value);
    try {
      store?.setItem(THEME_KEY, select.value);
    } catch {
      // the choice lasts for this page only
    }
  });
}

/** Arrow keys move between a graph's stages in path order; Home/End jump to the ends. */
function setupGraphKeys(): void {
  for (const svg of document.querySelectorAll<SVGSVGElement>("svg.graph")) {
    svg.addEventListener("keydown", (event) => {
      const nodes = [...svg.querySelectorAll<SVGAElement>("a.stage-node")];
      const at = nodes.indexOf((event.target as Element).closest("a.stage-node") as SVGAElement);
      if (at < 0) return;
      const target =
        event.key === "ArrowRight" || event.key === "ArrowDown"
          ? at + 1
          : event.key === "ArrowLeft" || event.key === "ArrowUp"
            ? at - 1
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? nodes.length - 1
                : -1;
      const node = nodes[target];
      if (target < 0 || !node) return;
      event.preventDefault();
      node.focus();
    });
  }
}

/** Mark done stages on the detail page (list, graph nodes, edges between done stages) and count them. */
function showDetail(main: HTMLElement, done: Set<string>): void {
  let count = 0;
  for (const path of main.querySelectorAll<HTMLElement>("section.path")) {
    const doneSteps = new Set<string>();
    for (const item of path.querySelectorAll<HTMLLIElement>("li.stage")) {
      const isDone = done.has(item.dataset.heading ?? "");
      item.classList.toggle("done", isDone);
      const box = item.querySelector<HTMLInputElement>("input[type=checkbox]");
      if (box) box.checked = isDone;
      if (isDone) {
        doneSteps.add(item.dataset.step ?? "");
        count++;
      }
    }
    for (const node of path.querySelectorAll<SVGElement>("a.stage-node"))
      node.classList.toggle("done", doneSteps.has(node.dataset.step ?? ""));
    for (const edge of path.querySelectorAll<SVGElement>("path.edge")) {
      const from = Number(edge.dataset.from);
      edge.classList.toggle("done", doneSteps.has(String(from)) && doneSteps.has(String(from + 1)));
    }
  }
  const panel = main.querySelector<HTMLElement>("section.progress");
  if (!panel) return;
  const total = Number(panel.dataset.total) || 0;
  const counter = panel.querySelector("#progress-count");
  if (counter) counter.textContent = fill(panel.dataset.countTemplate ?? "{done} / {total}", { done: count, total });
  const bar = panel.querySelector<HTMLElement>("#progress-bar");
  if (bar) bar.style.width = total > 0 ? `${Math.round((count / total) * 100)}%` : "0";
}

/** On the index: each card's strip and count. */
function showCards(store: Storage): void {
  for (const card of document.querySelectorAll<HTMLElement>("[data-card-roadmap]")) {
    const done = loadProgress(store, card.dataset.cardRoadmap ?? "", card.dataset.indexVersion);
    let count = 0;
    for (const item of card.querySelectorAll<HTMLElement>("li[data-heading]")) {
      const isDone = done.has(item.dataset.heading ?? "");
      item.classList.toggle("done", isDone);
      if (isDone) count++;
    }
    const counter = card.querySelector<HTMLElement>("[data-progress-count]");
    if (counter)
      counter.textContent = fill(counter.dataset.template ?? "{done} / {total}", { done: count, total: counter.dataset.total ?? "0" });
  }
}

function setupProgress(store: Storage): void {
  const main = document.querySelector<HTMLElement>("main[data-roadmap-id]");
  const panel = document.querySelector<HTMLElement>("section.progress");
  const status = document.getElementById("progress-status");
  const refresh = () => {
    if (main) showDetail(main, loadProgress(store, main.dataset.roadmapId ?? "", main.dataset.indexVersion));
    showCards(store);
  };
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  main?.addEventListener("change", (event) => {
    const box = event.target as HTMLInputElement;
    if (box.type !== "checkbox") return;
    const heading = box.closest<HTMLElement>("li.stage")?.dataset.heading;
    if (!heading) return;
    const id = main.dataset.roadmapId ?? "";
    const version = main.dataset.indexVersion ?? "";
    const done = loadProgress(store, id, version);
    if (box.checked) done.add(heading);
    else done.delete(heading);
    saveProgress(store, id, version, done);
    refresh();
  });

  document.getElementById("progress-export")?.addEventListener("click", () => {
    const data = JSON.stringify(exportProgress(store), null, 2);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([data], { type: "application/json" }));
    link.download = `roadmap-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    say(panel?.dataset.exported ?? "");
  });

  const input = document.getElementById("progress-import") as HTMLInputElement | null;
  document.getElementById("progress-import-button")?.addEventListener("click", () => input?.click());
  input?.addEventListener(
    "change",
    () =>
      void (async () => {
        const file = input.files?.[0];
        if (!file) return;
        try {
          const n = importProgress(store, JSON.parse(await file.text()) as unknown);
          say(fill(panel?.dataset.imported ?? "{n}", { n }));
        } catch (error) {
          say(fill(panel?.dataset.importFailed ?? "{reason}", { reason: error instanceof Error ? error.message : String(error) }));
        }
        input.value = "";
        refresh();
      })(),
  );

  document.getElementById("progress-reset")?.addEventListener("click", () => {
    if (main) clearProgress(store, main.dataset.roadmapId ?? "");
    refresh();
  });

  refresh();
}

function start(): void {
  const store = storage();
  setupTheme(store);
  setupGraphKeys();
  if (store) setupProgress(store);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
