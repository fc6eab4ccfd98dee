import type { RoadmapDescription, StageMarks } from "../../../retrieval/roadmapDescription.js";
import { escapeHtml } from "../escapeHtml.js";
import { locateForm, renderFrame } from "./pageFrame.js";
import type { PageMessages } from "./pageMessages.js";

export interface IndexEntry {
  roadmap: RoadmapDescription;
  marks?: StageMarks;
}

function pageHref(id: string, topic: string | undefined): string {
  return `/roadmaps/${encodeURIComponent(id)}${topic ? `?topic=${encodeURIComponent(topic)}` : ""}`;
}

function card(entry: IndexEntry, m: PageMessages, indexVersion: string, topic: string | undefined): string {
  const { roadmap, marks } = entry;
  const path = roadmap.paths[marks?.path ?? 0];
  const stages = path?.stages ?? [];
  const total = roadmap.paths.reduce((n, p) => n + p.stages.length, 0);
  const strip = stages
    .map((s) => {
      const mark = marks?.current === s.step ? "current" : marks?.next === s.step ? "next" : undefined;
      return `<li data-heading="${escapeHtml(s.heading)}"${mark ? ` class="is-${mark}"` : ""}${mark === "current" ? ' aria-current="step"' : ""}><span>${escapeHtml(s.heading)}</span></li>`;
    })
    .join("");
  let here = "";
  if (topic) {
    const current = marks ? stages[marks.current - 1] : undefined;
    const next = marks?.next ? stages[marks.next - 1] : undefined;
    here = current
      ? `<p class="here">${escapeHtml(m.topicAt(topic, current.heading, current.step, stages.length))} ${next ? `${escapeHtml(m.nextIs)}${escapeHtml(next.heading)}` : escapeHtml(m.lastStage)}</p>`
      : `<p class="here missing">${escapeHtml(m.topicNotPlaced(topic))}</p>`;
  }
  const durations = roadmap.totalDuration ? ` · ${escapeHtml(m.total)} ${escapeHtml(roadmap.totalDuration.text)}` : "";
  const template = m.countTemplate;
  return `<li class="card" data-card-roadmap="${escapeHtml(roadmap.id)}" data-index-version="${escapeHtml(indexVersion)}">
<h2><a href="${pageHref(roadmap.id, topic)}">${escapeHtml(roadmap.title)}</a></h2>
<p class="meta"><span>${escapeHtml(m.stages(total))}${durations}</span><span>${escapeHtml(roadmap.source)}</span></p>
<p class="note" data-arrangement="${roadmap.arrangement}">${escapeHtml(
    m.arrangement(
      roadmap.arrangement,
      roadmap.paths.flatMap((p) => p.outlines),
      stages.length,
    ),
  )}</p>
${stages.length > 0 ? `<ol class="strip" aria-label="${escapeHtml(m.graphLabel(roadmap.title))}">${strip}</ol>` : `<p class="muted">${escapeHtml(m.noStages)}</p>`}
${here}
<div class="foot"><span class="count" data-progress-count data-total="${total}" data-template="${escapeHtml(template)}">${escapeHtml(m.progressCount(0, total))}</span>
<a class="btn quiet" href="${pageHref(roadmap.id, topic)}" aria-label="${escapeHtml(`${m.open}: ${roadmap.title}`)}">${escapeHtml(m.open)} →</a></div>
</li>`;
}

export function renderRoadmapIndex(params: { entries: IndexEntry[]; m: PageMessages; indexVersion: string; topic?: string }): string {
  const { entries, m, topic } = params;
  const header = `<h1>${escapeHtml(m.roadmaps)}</h1><p class="meta">${escapeHtml(m.indexIntro)}</p>`;
  const main = `${locateForm(m, "/roadmaps", topic)}
<ul class="cards">${entries.map((e) => card(e, m, params.indexVersion, topic)).join("\n")}</ul>`;
  return renderFrame({ m, title: m.roadmaps, crumbs: `<a href="/">Roadmap Tutor</a>`, header, main });
}
