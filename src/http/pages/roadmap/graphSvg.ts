import { escapeHtml } from "../escapeHtml.js";
import { DETAIL_FONT_SIZE, DETAIL_LINE_HEIGHT, FONT_SIZE, HEADER_HEIGHT, LINE_HEIGHT, PADDING_X, type GraphLayout } from "./layout.js";

/** What a drawn stage needs besides its box: where it links, how it is marked, what it is called. */
export interface GraphStage {
  step: number;
  heading: string;
  href: string;
  mark?: "current" | "next" | "previous";
  /**
   * Accessible description (step of total, full heading, mark, duration). The link's name is its
   * visible text, so speech matches what sighted keyboard users see.
   */
  label: string;
}

export interface GraphText {
  label: string;
  now: string;
  next: string;
  before: string;
}

const CHECK = "M-4.5 0.5l3 3 6-7";

/**
 * Inline SVG for a laid-out path. Each stage is a link (keyboard focusable, opens its lines);
 * colours come from CSS variables so both themes apply. Every string is escaped.
 */
export function renderGraphSvg(layout: GraphLayout, stages: readonly GraphStage[], text: GraphText, idPrefix: string): string {
  const arrow = `${idPrefix}-arrow`;
  const edges = layout.edges.map((e) => `<path class="edge" data-from="${e.from + 1}" d="${e.d}" marker-end="url(#${arrow})"/>`).join("");
  const nodes = layout.nodes
    .map((node) => {
      const stage = stages[node.index];
      if (!stage) return "";
      const tag = stage.mark === "current" ? text.now : stage.mark === "next" ? text.next : stage.mark === "previous" ? text.before : "";
      const headingY = node.y + HEADER_HEIGHT + FONT_SIZE - 2;
      const heading = node.lines
        .map((line, i) => `<tspan x="${node.x + PADDING_X}" y="${headingY + i * LINE_HEIGHT}">${escapeHtml(line)}</tspan>`)
        .join("");
      const detailY = headingY + node.lines.length * LINE_HEIGHT + 2;
      const details = node.details
        .map(
          (d, i) =>
            `<text class="detail" x="${node.x + PADDING_X}" y="${detailY + i * DETAIL_LINE_HEIGHT}" font-size="${DETAIL_FONT_SIZE}">${escapeHtml(d)}</text>`,
        )
        .join("");
      const badgeX = node.x + PADDING_X + 10;
      const badgeY = node.y + 18;
      const right = node.x + node.width - PADDING_X;
      return `<a class="stage-node${stage.mark ? ` is-${stage.mark}` : ""}" href="${escapeHtml(stage.href)}" data-step="${stage.step}" data-heading="${escapeHtml(stage.heading)}"${stage.mark === "current" ? ' aria-current="step"' : ""}>
<desc>${escapeHtml(stage.label)}</desc>
<rect class="box" x="${node.x}" y="${node.y}" width="${node.width}" height="${node.height}" rx="12"/>
<circle class="badge" cx="${badgeX}" cy="${badgeY}" r="11"/><text class="badge-num" x="${badgeX}" y="${badgeY + 4}" text-anchor="middle">${stage.step}</text>
${tag ? `<text class="tag" x="${right}" y="${badgeY + 4}" text-anchor="end">${escapeHtml(tag)}</text>` : ""}
<g class="tick" aria-hidden="true" transform="translate(${tag ? right - 10 - tagWidth(tag) : right - 10} ${badgeY})"><circle r="10"/><path d="${CHECK}"/></g>
<text class="heading" font-size="${FONT_SIZE}">${heading}</text>${details}
</a>`;
    })
    .join("\n");
  return `<svg class="graph graph-${layout.orientation}" data-orientation="${layout.orientation}" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" role="group" aria-label="${escapeHtml(text.label)}">
<defs><marker id="${arrow}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrow" d="M0 0L10 5L0 10z"/></marker></defs>
${edges}
${nodes}
</svg>`;
}

/** Width of a status tag in SVG units (12 px bold), to keep the tick beside it. */
function tagWidth(tag: string): number {
  let width = 0;
  for (const char of tag) width += /[\u2e80-\uffff]/u.test(char) ? 12 : 7.5;
  return width + 8;
}
