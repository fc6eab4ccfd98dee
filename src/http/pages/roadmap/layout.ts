/**
 * Stages → an SVG model: where each stage's box goes, the wrapped lines of its heading and the
 * connectors between boxes. Pure and deterministic (no DOM, no font metrics): text width is
 * estimated per character, 1 em for CJK and full-width characters and 0.6 em for the rest,
 * which errs wide for Latin text so nothing spills out of its box.
 */

export type Orientation = "horizontal" | "vertical";

export interface LayoutStage {
  heading: string;
  /** Short lines under the heading (a stated duration, a resource count); each kept to one line. */
  details?: string[];
}

export interface LayoutOptions {
  orientation: Orientation;
  /** Horizontal only: most boxes per row (rows are balanced). Default 5. */
  maxColumns?: number;
  /** Box width in SVG units. Default 176 horizontal, 340 vertical (a 390 px phone less margins). */
  nodeWidth?: number;
  /** Heading lines per box before the heading is cut with an ellipsis. Default 3. */
  maxLines?: number;
}

export interface LayoutNode {
  index: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The heading, wrapped; the last line ends with "…" when it was cut. */
  lines: string[];
  truncated: boolean;
  details: string[];
  row: number;
  column: number;
}

export interface LayoutEdge {
  from: number;
  to: number;
  /** SVG path data. */
  d: string;
}

export interface GraphLayout {
  orientation: Orientation;
  width: number;
  height: number;
  rows: number;
  columns: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export const FONT_SIZE = 14;
export const LINE_HEIGHT = 20;
export const DETAIL_FONT_SIZE = 12;
export const DETAIL_LINE_HEIGHT = 17;
/** Space above the heading for the step badge and status tag. */
export const HEADER_HEIGHT = 34;
export const PADDING_X = 12;
const PADDING_BOTTOM = 12;
const GAP_X = 36;
const GAP_Y = 44;
const MARGIN = 6;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u3000-\u303f]/u;
/** Characters that must not start a line (Chinese line-breaking rules, simplified). */
const NO_LINE_START = /^[，。、：；！？）》」』】,.:;!?)\]]/u;

export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 1 : 0.6;
  return width * fontSize;
}

/** Pieces that are never broken unless longer than a line: Latin words (with their trailing space), single CJK characters. */
function units(text: string): string[] {
  return text.match(/[A-Za-z0-9_'.\-/+#]+\s*|\s+|./gsu) ?? [];
}

/** Greedy line filling: as much as fits on each line, breaking between units. */
function greedyWrap(text: string, maxWidth: number, fontSize: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const piece of units(text)) {
    if (textWidth(current + piece.trimEnd(), fontSize) <= maxWidth) {
      current += piece;
      continue;
    }
    if (current.trim() === "") {
      // A single word longer than the line: split it by characters.
      let part = "";
      for (const char of piece) {
        if (textWidth(part + char, fontSize) > maxWidth && part) {
          lines.push(part);
          part = "";
        }
        part += char;
      }
      current = part;
      continue;
    }
    // Closing punctuation may not start a line: carry the character before it down with it.
    if (NO_LINE_START.test(piece)) {
      const chars = [...current.trimEnd()];
      const carried = chars.pop() ?? "";
      if (chars.length > 0) {
        lines.push(chars.join(""));
        current = carried + piece;
        continue;
      }
    }
    lines.push(current.trimEnd());
    current = piece.trimStart();
  }
  if (current.trim() !== "") lines.push(current.trimEnd());
  return lines;
}

/**
 * Wrap to `maxWidth`, at most `maxLines` lines; the last kept line gets "…" when text was cut.
 * A "第一阶段：基础理论入门" heading breaks after its label when that costs no extra line;
 * otherwise lines are balanced (the narrowest width that needs no more lines than filling does),
 * so no line is left holding one character.
 */
export function wrapText(text: string, maxWidth: number, maxLines: number, fontSize = FONT_SIZE): { lines: string[]; truncated: boolean } {
  const clean = text.replace(/\s+/g, " ").trim();
  const greedy = greedyWrap(clean, maxWidth, fontSize);
  let lines = greedy;
  const colon = clean.search(/[：:]/u);
  const head = clean.slice(0, colon + 1);
  const rest = greedyWrap(clean.slice(colon + 1).trim(), maxWidth, fontSize);
  if (
    greedy.length > 1 &&
    colon > 0 &&
    colon < clean.length - 1 &&
    textWidth(head, fontSize) <= maxWidth &&
    rest.length + 1 <= greedy.length
  ) {
    lines = [head, ...rest];
  } else if (greedy.length > 1) {
    for (let width = textWidth(clean, fontSize) / greedy.length; width < maxWidth; width += fontSize / 2) {
      const balanced = greedyWrap(clean, width, fontSize);
      if (balanced.length <= greedy.length) {
        lines = balanced;
        break;
      }
    }
  }
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? "";
  while (last.length > 0 && textWidth(`${last}…`, fontSize) > maxWidth) last = [...last].slice(0, -1).join("");
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return { lines: kept, truncated: true };
}

/** Cut one line to fit, with "…". */
export function fitLine(text: string, maxWidth: number, fontSize: number): string {
  return wrapText(text, maxWidth, 1, fontSize).lines[0] ?? "";
}

function gridOf(count: number, orientation: Orientation, maxColumns: number): { rows: number; columns: number } {
  if (orientation === "vertical" || count === 0) return { rows: count, columns: 1 };
  const rows = Math.ceil(count / maxColumns);
  return { rows, columns: Math.ceil(count / rows) };
}

export function layoutStages(stages: readonly LayoutStage[], options: LayoutOptions): GraphLayout {
  const { orientation } = options;
  const nodeWidth = options.nodeWidth ?? (orientation === "vertical" ? 340 : 176);
  const maxLines = options.maxLines ?? 3;
  const { rows, columns } = gridOf(stages.length, orientation, Math.max(1, options.maxColumns ?? 5));
  const inner = nodeWidth - 2 * PADDING_X;

  const texts = stages.map((stage) => ({
    ...wrapText(stage.heading, inner, maxLines),
    details: (stage.details ?? []).filter((d) => d.trim() !== "").map((d) => fitLine(d, inner, DETAIL_FONT_SIZE)),
  }));
  // One height for every box, so rows line up and connectors stay straight.
  const maxHeadingLines = Math.max(1, ...texts.map((t) => t.lines.length));
  const maxDetails = Math.max(0, ...texts.map((t) => t.details.length));
  const nodeHeight = HEADER_HEIGHT + maxHeadingLines * LINE_HEIGHT + maxDetails * DETAIL_LINE_HEIGHT + PADDING_BOTTOM;

  const nodes: LayoutNode[] = texts.map((text, index) => {
    const row = Math.floor(index / columns);
    const column = index % columns;
    return {
      index,
      x: MARGIN + column * (nodeWidth + GAP_X),
      y: MARGIN + row * (nodeHeight + GAP_Y),
      width: nodeWidth,
      height: nodeHeight,
      lines: text.lines,
      truncated: text.truncated,
      details: text.details,
      row,
      column,
    };
  });

  const edges: LayoutEdge[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i]!;
    const b = nodes[i + 1]!;
    let d: string;
    if (a.row === b.row) {
      const y = a.y + a.height / 2;
      d = `M${a.x + a.width} ${y}H${b.x - 4}`;
    } else if (orientation === "vertical") {
      d = `M${a.x + a.width / 2} ${a.y + a.height}V${b.y - 4}`;
    } else {
      // Down from the end of a row, back along the gap, down into the next row's first box.
      const midY = a.y + a.height + GAP_Y / 2;
      d = `M${a.x + a.width / 2} ${a.y + a.height}V${midY}H${b.x + b.width / 2}V${b.y - 4}`;
    }
    edges.push({ from: i, to: i + 1, d });
  }

  const width = stages.length === 0 ? 2 * MARGIN : 2 * MARGIN + columns * nodeWidth + (columns - 1) * GAP_X;
  const height = stages.length === 0 ? 2 * MARGIN : 2 * MARGIN + rows * nodeHeight + (rows - 1) * GAP_Y;
  return { orientation, width, height, rows, columns, nodes, edges };
}
