import type { DescribedPath, DescribedStage, RoadmapDescription, StageMarks } from "../../../retrieval/roadmapDescription.js";
import type { StatedDuration } from "../../../retrieval/stageDurations.js";
import { escapeHtml } from "../escapeHtml.js";
import { renderGraphSvg, type GraphStage } from "./graphSvg.js";
import { layoutStages } from "./layout.js";
import { documentHref, locateForm, progressPanel, renderFrame, safeHttpUrl } from "./pageFrame.js";
import type { PageMessages } from "./pageMessages.js";

export interface RoadmapPageInput {
  roadmap: RoadmapDescription;
  m: PageMessages;
  /** The live index version: progress is kept per roadmap and index version. */
  indexVersion: string;
  topic?: string;
  /** Where the topic sits, when it was found on a drawn path. */
  marks?: StageMarks;
}

type Mark = GraphStage["mark"];

function markOf(marks: StageMarks | undefined, pathIndex: number, step: number): Mark {
  if (!marks || marks.path !== pathIndex) return undefined;
  if (marks.current === step) return "current";
  if (marks.next === step) return "next";
  if (marks.previous === step) return "previous";
  return undefined;
}

function tagText(m: PageMessages, mark: Mark): string {
  return mark === "current" ? m.now : mark === "next" ? m.next : mark === "previous" ? m.before : "";
}

function cite(docId: string, lines: { start: number; end: number }, m: PageMessages): string {
  const label = lines.start === lines.end ? m.line(lines.start) : m.lines(lines.start, lines.end);
  return `<a class="cite" href="${documentHref(docId, lines.start, lines.end)}">${escapeHtml(label)}</a>`;
}

function durationHtml(docId: string, d: StatedDuration, m: PageMessages): string {
  return `<span class="dur" title="${escapeHtml(d.quote)}">${escapeHtml(d.text)}</span> ${cite(docId, d.lines, m)}`;
}

function stageItem(roadmap: RoadmapDescription, stage: DescribedStage, total: number, mark: Mark, m: PageMessages): string {
  const [first, ...copies] = stage.sections;
  if (!first) return "";
  const tag = tagText(m, mark);
  const head = `<div class="stage-head"><span class="num" aria-hidden="true">${stage.step}</span>
<h3><a href="${documentHref(roadmap.id, first.startLine, first.endLine)}" aria-label="${escapeHtml(m.openLines(stage.heading, first.startLine, first.endLine))}">${escapeHtml(stage.heading)}</a></h3>
${tag ? `<span class="tag ${mark === "previous" ? "before" : mark === "current" ? "now" : "next"}">${escapeHtml(tag)}</span>` : ""}
<label class="tick-box"><input type="checkbox" data-step="${stage.step}" aria-label="${escapeHtml(m.markDone(stage.heading))}"> ${escapeHtml(m.done)}</label></div>`;
  const facts: string[] = [];
  facts.push(
    `<p><span class="sr">${escapeHtml(m.stageOf(stage.step, total))}. </span>${copies
      .map((c) => `${escapeHtml(m.alsoIn(c.outline))}: ${cite(roadmap.id, { start: c.startLine, end: c.endLine }, m)}`)
      .join(" · ")}</p>`,
  );
  facts.push(
    `<p class="durations"><span class="label">${escapeHtml(m.duration)}</span>${
      stage.durations.length > 0
        ? stage.durations.map((d) => durationHtml(roadmap.id, d, m)).join(" · ")
        : `<span class="muted">${escapeHtml(m.noDuration)}</span>`
    }</p>`,
  );
  if (stage.parts.length > 0)
    facts.push(`<p><span class="label">${escapeHtml(m.parts)}</span>${stage.parts.map(escapeHtml).join(" · ")}</p>`);
  if (stage.resources.length > 0) {
    const items = stage.resources
      .map((r) => {
        const url = safeHttpUrl(r.url);
        const title = escapeHtml(r.title || r.url);
        return `<li>${url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer" target="_blank">${title}</a>` : title} ${cite(roadmap.id, { start: r.line, end: r.line }, m)}</li>`;
      })
      .join("");
    facts.push(
      `<details class="resources"${stage.resources.length <= 4 ? " open" : ""}><summary>${escapeHtml(m.resources(stage.resources.length))}</summary><ul>${items}</ul></details>`,
    );
  } else {
    facts.push(`<p class="muted">${escapeHtml(m.noResources)}</p>`);
  }
  return `<li class="stage${mark ? ` is-${mark}` : ""}" id="stage-${stage.step}" data-step="${stage.step}" data-heading="${escapeHtml(stage.heading)}"${mark === "current" ? ' aria-current="step"' : ""}>
${head}
<div class="facts">${facts.join("\n")}</div>
</li>`;
}

function graphFor(
  roadmap: RoadmapDescription,
  path: DescribedPath,
  pathIndex: number,
  marks: StageMarks | undefined,
  m: PageMessages,
): string {
  const total = path.stages.length;
  const layoutInput = path.stages.map((s) => ({
    heading: s.heading,
    details: [s.durations[0]?.text ?? "", s.resources.length > 0 ? m.resources(s.resources.length) : ""],
  }));
  const graphStages: GraphStage[] = path.stages.map((s) => {
    const first = s.sections[0]!;
    const mark = markOf(marks, pathIndex, s.step);
    const tag = tagText(m, mark);
    const duration = s.durations[0]?.text;
    return {
      step: s.step,
      heading: s.heading,
      href: documentHref(roadmap.id, first.startLine, first.endLine),
      ...(mark ? { mark } : {}),
      label: [`${m.stageOf(s.step, total)}: ${s.heading}`, tag, duration].filter(Boolean).join(" — "),
    };
  });
  const text = { label: m.graphLabel(path.outlines.join(" / ")), now: m.now, next: m.next, before: m.before };
  const wide = renderGraphSvg(layoutStages(layoutInput, { orientation: "horizontal" }), graphStages, text, `g${pathIndex}h`);
  const narrow = renderGraphSvg(layoutStages(layoutInput, { orientation: "vertical" }), graphStages, text, `g${pathIndex}v`);
  return `<div class="graph-wrap">${wide}${narrow}</div>`;
}

function hereBox(roadmap: RoadmapDescription, topic: string | undefined, marks: StageMarks | undefined, m: PageMessages): string {
  if (!topic) return "";
  const path = marks ? roadmap.paths[marks.path] : undefined;
  const current = marks && path?.stages[marks.current - 1];
  if (!marks || !path || !current)
    return `<section class="here missing" role="status"><p>${escapeHtml(m.topicNotPlaced(topic))}</p></section>`;
  const link = (step: number | undefined) => {
    const stage = step ? path.stages[step - 1] : undefined;
    return stage ? `<a href="#stage-${stage.step}">${escapeHtml(stage.heading)}</a>` : undefined;
  };
  const next = link(marks.next);
  const previous = link(marks.previous);
  return `<section class="here" role="status"><p>${escapeHtml(m.topicAt(topic, current.heading, current.step, path.stages.length))}</p>
<p>${next ? `${escapeHtml(m.nextIs)}${next}` : escapeHtml(m.lastStage)}${previous ? ` · ${escapeHtml(m.previousIs)}${previous}` : ""}</p></section>`;
}

export function renderRoadmapPage(input: RoadmapPageInput): string {
  const { roadmap, m, marks, topic } = input;
  const stageCount = roadmap.paths.reduce((n, p) => n + p.stages.length, 0);
  const outlines = roadmap.paths.flatMap((p) => p.outlines);
  const meta = [
    `<span>${escapeHtml(roadmap.source)}</span>`,
    `<span>${escapeHtml(m.stages(stageCount))}</span>`,
    roadmap.totalDuration ? `<span>${escapeHtml(m.total)}: ${durationHtml(roadmap.id, roadmap.totalDuration, m)}</span>` : "",
  ].join("");
  const header = `<h1>${escapeHtml(roadmap.title)}</h1>
<p class="meta">${meta}</p>
<p class="note" data-arrangement="${roadmap.arrangement}">${escapeHtml(m.arrangement(roadmap.arrangement, outlines, roadmap.paths[0]?.stages.length ?? 0))}</p>`;
  const paths = roadmap.paths
    .map((path, i) => {
      const heading = roadmap.paths.length > 1 ? `<h2>${escapeHtml(path.outlines.join(" / "))}</h2>` : "";
      const items = path.stages.map((s) => stageItem(roadmap, s, path.stages.length, markOf(marks, i, s.step), m)).join("\n");
      return `<section class="path" data-path="${i}">${heading}${graphFor(roadmap, path, i, marks, m)}
<h2 id="stages-${i}">${escapeHtml(m.listLabel)}</h2>
<ol class="stages" aria-labelledby="stages-${i}">${items}</ol></section>`;
    })
    .join("\n");
  const overviews =
    roadmap.overviews.length > 0
      ? `<p class="overviews"><span class="label muted">${escapeHtml(m.overview)}:</span> ${roadmap.overviews
          .map((o) => `<a href="${documentHref(roadmap.id, o.startLine, o.endLine)}">${escapeHtml(o.heading)}</a>`)
          .join(" · ")}</p>`
      : "";
  const main = `${locateForm(m, `/roadmaps/${encodeURIComponent(roadmap.id)}`, topic)}
${hereBox(roadmap, topic, marks, m)}
${stageCount > 0 ? progressPanel(m, stageCount) : `<p>${escapeHtml(m.noStages)}</p>`}
${paths}
${overviews}`;
  return renderFrame({
    m,
    title: roadmap.title,
    crumbs: `<a href="/roadmaps">${escapeHtml(m.roadmaps)}</a>`,
    header,
    main,
    mainAttributes: ` data-roadmap-id="${escapeHtml(roadmap.id)}" data-index-version="${escapeHtml(input.indexVersion)}" data-done-label="${escapeHtml(m.done)}"`,
  });
}
