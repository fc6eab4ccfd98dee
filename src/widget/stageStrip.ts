import type {
  RoadmapPlacementResponse as RoadmapPlacement,
  RoadmapPositionsResponse as RoadmapPositions,
} from "../http/contract/answers.js";
import { isSafeHttpUrl } from "./citationLinks.js";
import type { WidgetMessages } from "./messages.js";
import { element } from "./element.js";
import { loadProgress, type EnumerableStorage } from "./roadmapProgress.js";

/**
 * The compact strip under a "what next / what before" answer: each roadmap's stages as dots
 * (SVG written by hand, no library), the current stage filled, the next or previous one ringed,
 * ticked stages from the learner's local progress, and a link to the full roadmap page. Screen
 * readers get an ordered list of the stages instead of the drawing.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const MAX_ROADMAPS = 3;
const WIDTH = 300;

function svgElement(doc: Document, tag: string, attributes: Record<string, string | number>): SVGElement {
  const el = doc.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, String(value));
  return el;
}

function drawDots(doc: Document, placement: RoadmapPlacement, direction: RoadmapPositions["direction"], done: Set<string>): SVGElement {
  const count = placement.steps.length;
  const gap = count > 1 ? Math.min(34, (WIDTH - 24) / (count - 1)) : 0;
  const width = 24 + gap * Math.max(0, count - 1);
  const svg = svgElement(doc, "svg", {
    viewBox: `0 0 ${width} 24`,
    width,
    height: 24,
    class: "rt-dots",
    "aria-hidden": "true",
    focusable: "false",
  });
  if (count > 1) svg.appendChild(svgElement(doc, "line", { x1: 12, y1: 12, x2: 12 + gap * (count - 1), y2: 12, class: "rt-track" }));
  const other = direction === "next" ? placement.next?.step : placement.previous?.step;
  placement.steps.forEach((heading, i) => {
    const step = i + 1;
    const state = step === placement.stage.step ? "rt-now" : step === other ? "rt-other" : done.has(heading) ? "rt-done" : "";
    svg.appendChild(
      svgElement(doc, "circle", { cx: 12 + gap * i, cy: 12, r: state === "rt-now" ? 8 : 6, class: `rt-dot ${state}`.trim() }),
    );
  });
  return svg;
}

function stripFor(
  doc: Document,
  endpoint: string,
  placement: RoadmapPlacement,
  direction: RoadmapPositions["direction"],
  messages: WidgetMessages,
  done: Set<string>,
): HTMLElement {
  const box = element(doc, "div", "rt-strip");
  box.dataset.roadmap = placement.roadmapId;
  const total = placement.steps.length;
  box.appendChild(
    element(doc, "div", "rt-strip-title", `${placement.title}${placement.stage.step > 0 ? ` · ${placement.stage.step}/${total}` : ""}`),
  );
  if (total > 0) box.appendChild(drawDots(doc, placement, direction, done));

  const other = direction === "next" ? placement.next : placement.previous;
  const caption = element(doc, "p", "rt-strip-caption");
  const now = element(doc, "span", "rt-strip-now", `${messages.roadmapNow}: ${placement.stage.heading}`);
  const then = other
    ? element(doc, "span", "rt-strip-other", `${direction === "next" ? messages.roadmapNext : messages.roadmapBefore}: ${other.heading}`)
    : undefined;
  if (direction === "previous" && then) caption.append(then, " → ", now);
  else caption.append(now, ...(then ? [" → ", then] : []));
  box.appendChild(caption);

  const list = element(doc, "ol", "rt-sr");
  placement.steps.forEach((heading, i) => {
    const step = i + 1;
    const marks = [
      step === placement.stage.step ? messages.roadmapNow : "",
      step === other?.step ? (direction === "next" ? messages.roadmapNext : messages.roadmapBefore) : "",
      done.has(heading) ? messages.roadmapDone : "",
    ].filter(Boolean);
    const item = element(doc, "li", undefined, marks.length > 0 ? `${heading} (${marks.join(", ")})` : heading);
    if (step === placement.stage.step) item.setAttribute("aria-current", "step");
    list.appendChild(item);
  });
  box.appendChild(list);

  const href = `${endpoint}${placement.page.startsWith("/") ? placement.page : `/${placement.page}`}`;
  if (isSafeHttpUrl(href)) {
    const link = element(doc, "a", "rt-strip-link", `${messages.openRoadmap} →`);
    link.setAttribute("href", href);
    link.setAttribute("target", "_blank");
    link.setAttribute("rel", "noopener noreferrer");
    box.appendChild(link);
  }
  return box;
}

function progressStorage(doc: Document): EnumerableStorage | undefined {
  try {
    return doc.defaultView?.localStorage ?? undefined;
  } catch {
    return undefined; // blocked by privacy settings
  }
}

/** The strips for an answer's roadmap positions (at most three roadmaps), or undefined when there are none. */
export function renderStageStrips(
  doc: Document,
  endpoint: string,
  roadmap: RoadmapPositions | undefined,
  messages: WidgetMessages,
): HTMLElement | undefined {
  const placements = (roadmap?.positions ?? []).filter((p) => p.steps.length > 0).slice(0, MAX_ROADMAPS);
  if (!roadmap || placements.length === 0) return undefined;
  const storage = progressStorage(doc);
  const box = element(doc, "div", "rt-strips");
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", messages.roadmapHere);
  for (const placement of placements) {
    const done = storage ? loadProgress(storage, placement.roadmapId) : new Set<string>();
    box.appendChild(stripFor(doc, endpoint, placement, roadmap.direction, messages, done));
  }
  return box;
}
