import { describe, expect, it } from "vitest";
import {
  layoutStages,
  PADDING_X,
  textWidth,
  wrapText,
  type GraphLayout,
  type LayoutStage,
} from "../../../../src/http/pages/roadmap/layout.js";

function stages(n: number, heading = (i: number) => `第${i + 1}阶段：主题 ${i + 1}`): LayoutStage[] {
  return Array.from({ length: n }, (_, i) => ({ heading: heading(i), details: ["2-3 个月"] }));
}

function overlaps(a: GraphLayout["nodes"][number], b: GraphLayout["nodes"][number]): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Shared invariants: reading order, one edge per consecutive pair, no overlap, all inside the canvas. */
function expectWellFormed(layout: GraphLayout, count: number): void {
  expect(layout.nodes.map((n) => n.index)).toEqual(Array.from({ length: count }, (_, i) => i));
  expect(layout.edges.map((e) => [e.from, e.to])).toEqual(Array.from({ length: Math.max(0, count - 1) }, (_, i) => [i, i + 1]));
  for (const node of layout.nodes) {
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
    expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
  }
  for (let i = 0; i < layout.nodes.length; i++) {
    for (let j = i + 1; j < layout.nodes.length; j++) expect(overlaps(layout.nodes[i]!, layout.nodes[j]!), `${i} and ${j}`).toBe(false);
  }
  // Reading order: each box is right of its predecessor in the same row, or in a lower row.
  for (let i = 1; i < layout.nodes.length; i++) {
    const [a, b] = [layout.nodes[i - 1]!, layout.nodes[i]!];
    if (a.row === b.row) expect(b.x).toBeGreaterThan(a.x);
    else expect(b.y).toBeGreaterThan(a.y);
  }
}

describe("layoutStages", () => {
  it("draws one stage as one box with no connector", () => {
    for (const orientation of ["horizontal", "vertical"] as const) {
      const layout = layoutStages(stages(1), { orientation });
      expectWellFormed(layout, 1);
      expect(layout.edges).toEqual([]);
      expect([layout.rows, layout.columns]).toEqual([1, 1]);
    }
  });

  it("puts 7 stages in two balanced rows (4 + 3) and wraps the connector from row to row", () => {
    const layout = layoutStages(stages(7), { orientation: "horizontal" });
    expectWellFormed(layout, 7);
    expect([layout.rows, layout.columns]).toEqual([2, 4]);
    expect(layout.nodes.map((n) => n.row)).toEqual([0, 0, 0, 0, 1, 1, 1]);
    const turn = layout.edges[3]!;
    const [end, start] = [layout.nodes[3]!, layout.nodes[4]!];
    // Leaves the bottom of box 4 and arrives above box 5.
    expect(turn.d.startsWith(`M${end.x + end.width / 2} ${end.y + end.height}`)).toBe(true);
    expect(turn.d.endsWith(`H${start.x + start.width / 2}V${start.y - 4}`)).toBe(true);
  });

  it("lays 20 stages out as 4 rows of 5, or as one column on a phone", () => {
    const wide = layoutStages(stages(20), { orientation: "horizontal" });
    expectWellFormed(wide, 20);
    expect([wide.rows, wide.columns]).toEqual([4, 5]);
    const tall = layoutStages(stages(20), { orientation: "vertical" });
    expectWellFormed(tall, 20);
    expect(new Set(tall.nodes.map((n) => n.x)).size).toBe(1);
    expect(tall.width).toBeLessThanOrEqual(390 - 2 * 12);
    expect(tall.edges.every((e) => /^M[\d.]+ [\d.]+V[\d.]+$/.test(e.d))).toBe(true);
  });

  it("wraps long CJK headings inside their boxes, cuts them with an ellipsis past three lines, and keeps every box the same height", () => {
    const long = "第十二阶段：大规模分布式预训练、指令微调、人类反馈强化学习与推理部署的工程实践与前沿进展综述";
    const layout = layoutStages(
      stages(7, (i) => (i % 2 === 0 ? long : "第二阶段：核心技术解析")),
      { orientation: "horizontal" },
    );
    expectWellFormed(layout, 7);
    for (const node of layout.nodes) {
      expect(node.height).toBe(layout.nodes[0]!.height);
      expect(node.lines.length).toBeLessThanOrEqual(3);
      for (const line of node.lines) expect(textWidth(line)).toBeLessThanOrEqual(node.width - 2 * PADDING_X);
    }
    const cut = layout.nodes[0]!;
    expect(cut.truncated).toBe(true);
    expect(cut.lines[2]!.endsWith("…")).toBe(true);
    expect(long.startsWith(cut.lines.join("").slice(0, -1))).toBe(true);
    expect(layout.nodes[1]!.truncated).toBe(false);
  });
});

describe("wrapText", () => {
  it("breaks a stage heading after its label and never starts a line with closing punctuation", () => {
    expect(wrapText("第一阶段：基础理论入门", 152, 3).lines).toEqual(["第一阶段：", "基础理论入门"]);
    const wrapped = wrapText("模型微调、私有化部署、量化，推理加速，评测", 60, 10).lines;
    expect(wrapped.join("")).toBe("模型微调、私有化部署、量化，推理加速，评测");
    for (const line of wrapped) expect(line).not.toMatch(/^[，、。：]/u);
  });

  it("keeps Latin words whole and a short heading on one line", () => {
    expect(wrapText("RAG", 152, 3).lines).toEqual(["RAG"]);
    const lines = wrapText("Retrieval Augmented Generation with LangChain", 120, 6).lines;
    expect(lines.join(" ").replace(/\s+/g, " ")).toBe("Retrieval Augmented Generation with LangChain");
    for (const line of lines)
      expect(
        line
          .trim()
          .split(" ")
          .every((w) => "Retrieval Augmented Generation with LangChain".includes(w)),
      ).toBe(true);
  });
});
