import type { StageArrangement } from "../../../retrieval/roadmapStages.js";

/** The roadmap pages' own words, in the two languages the tutor speaks. */
export interface PageMessages {
  lang: "zh-CN" | "en";
  roadmaps: string;
  indexIntro: string;
  stages: (n: number) => string;
  topicLabel: string;
  topicPlaceholder: string;
  locate: string;
  now: string;
  next: string;
  before: string;
  done: string;
  markDone: (heading: string) => string;
  stageOf: (step: number, total: number) => string;
  topicAt: (topic: string, heading: string, step: number, total: number) => string;
  topicNotPlaced: (topic: string) => string;
  nextIs: string;
  previousIs: string;
  lastStage: string;
  firstStage: string;
  arrangement: (arrangement: StageArrangement, outlines: string[], steps: number) => string;
  overview: string;
  total: string;
  duration: string;
  noDuration: string;
  resources: (n: number) => string;
  noResources: string;
  parts: string;
  alsoIn: (outline: string) => string;
  progress: string;
  progressCount: (done: number, total: number) => string;
  exportProgress: string;
  importProgress: string;
  resetProgress: string;
  progressNote: string;
  /** Filled in by the page script: {done}, {total}, {n}, {reason}. */
  countTemplate: string;
  imported: string;
  importFailed: string;
  exported: string;
  graphLabel: (title: string) => string;
  listLabel: string;
  theme: string;
  themeNames: { auto: string; light: string; dark: string };
  openLines: (heading: string, start: number, end: number) => string;
  line: (n: number) => string;
  lines: (start: number, end: number) => string;
  open: string;
  noStages: string;
  notFound: string;
}

const zh: PageMessages = {
  lang: "zh-CN",
  roadmaps: "学习路线图",
  indexIntro: "每条路线按原文的阶段顺序画出；点击阶段打开原文对应的行。进度只保存在本浏览器中。",
  stages: (n) => `${n} 个阶段`,
  topicLabel: "某个知识点在哪个阶段？",
  topicPlaceholder: "例如 LoRA、RAG、Transformer",
  locate: "定位",
  now: "当前",
  next: "下一步",
  before: "上一步",
  done: "已完成",
  markDone: (h) => `标记“${h}”为已完成`,
  stageOf: (step, total) => `第 ${step} / ${total} 步`,
  topicAt: (topic, heading, step, total) => `${topic} 位于「${heading}」（第 ${step} / ${total} 步）。`,
  topicNotPlaced: (topic) => `在这条路线的阶段中没有找到 ${topic}。`,
  nextIs: "下一步：",
  previousIs: "上一步：",
  lastStage: "这是最后一个阶段。",
  firstStage: "这是第一个阶段。",
  arrangement: (a, outlines, steps) =>
    a === "merged"
      ? `原文有 ${outlines.length} 份并列的大纲（${outlines.join("、")}），${steps} 个阶段标题一一相同，因此合并为一条路线；每个阶段都链接到各份原文。`
      : a === "parallel"
        ? `原文有 ${outlines.length} 份阶段不同的大纲（${outlines.join("、")}），分别画出。`
        : a === "reading-order"
          ? "原文没有标出有序的阶段，这里按阅读顺序画出它的章节。"
          : "按原文的阶段顺序画出。",
  overview: "总览",
  total: "总周期",
  duration: "时长",
  noDuration: "原文未写明时长",
  resources: (n) => `${n} 个资源`,
  noResources: "本阶段没有链接资源",
  parts: "包含",
  alsoIn: (o) => `另见「${o}」`,
  progress: "我的进度",
  progressCount: (d, t) => `已完成 ${d} / ${t}`,
  exportProgress: "导出进度",
  importProgress: "导入进度",
  resetProgress: "清除",
  progressNote: "进度只保存在本浏览器（localStorage），不会发送到服务器。",
  countTemplate: "已完成 {done} / {total}",
  imported: "已导入 {n} 条路线的进度。",
  importFailed: "无法导入：{reason}",
  exported: "进度已导出为 JSON 文件。",
  graphLabel: (t) => `${t}：阶段路线图`,
  listLabel: "各阶段详情",
  theme: "主题",
  themeNames: { auto: "跟随系统", light: "浅色", dark: "深色" },
  openLines: (h, s, e) => `${h}：打开原文第 ${s}–${e} 行`,
  line: (n) => `第 ${n} 行`,
  lines: (s, e) => `第 ${s}–${e} 行`,
  open: "查看路线",
  noStages: "没有恢复出阶段。",
  notFound: "没有这条路线",
};

const en: PageMessages = {
  lang: "en",
  roadmaps: "Roadmaps",
  indexIntro: "Each roadmap is drawn in the order of its own stages; click a stage to open its lines. Progress stays in this browser.",
  stages: (n) => `${n} stage${n === 1 ? "" : "s"}`,
  topicLabel: "Where does a topic sit?",
  topicPlaceholder: "e.g. LoRA, RAG, Transformer",
  locate: "Locate",
  now: "Now",
  next: "Next",
  before: "Before",
  done: "Done",
  markDone: (h) => `Mark “${h}” as done`,
  stageOf: (step, total) => `Step ${step} of ${total}`,
  topicAt: (topic, heading, step, total) => `${topic} sits in “${heading}” (step ${step} of ${total}).`,
  topicNotPlaced: (topic) => `${topic} was not found in this roadmap's stages.`,
  nextIs: "Next: ",
  previousIs: "Before: ",
  lastStage: "This is the last stage.",
  firstStage: "This is the first stage.",
  arrangement: (a, outlines, steps) =>
    a === "merged"
      ? `The document has ${outlines.length} parallel outlines (${outlines.join(", ")}) with the same ${steps} stage headings, so they are merged into one path; each stage links to every copy.`
      : a === "parallel"
        ? `The document has ${outlines.length} outlines with different stages (${outlines.join(", ")}); each is drawn.`
        : a === "reading-order"
          ? "The document marks no ordered stages; its sections are drawn in reading order."
          : "Drawn in the order of the document's own stages.",
  overview: "Overview",
  total: "Total",
  duration: "Duration",
  noDuration: "No duration stated",
  resources: (n) => `${n} resource${n === 1 ? "" : "s"}`,
  noResources: "No resources linked in this stage",
  parts: "Parts",
  alsoIn: (o) => `also in “${o}”`,
  progress: "My progress",
  progressCount: (d, t) => `${d} of ${t} done`,
  exportProgress: "Export progress",
  importProgress: "Import progress",
  resetProgress: "Clear",
  progressNote: "Progress is kept in this browser only (localStorage); nothing is sent to the server.",
  countTemplate: "{done} of {total} done",
  imported: "Imported progress for {n} roadmap(s).",
  importFailed: "Could not import: {reason}",
  exported: "Progress exported as a JSON file.",
  graphLabel: (t) => `${t}: stages as a path`,
  listLabel: "Stages in detail",
  theme: "Theme",
  themeNames: { auto: "System", light: "Light", dark: "Dark" },
  openLines: (h, s, e) => `${h}: open lines ${s}–${e}`,
  line: (n) => `line ${n}`,
  lines: (s, e) => `lines ${s}–${e}`,
  open: "Open roadmap",
  noStages: "No stages were recovered.",
  notFound: "Roadmap not found",
};

/** zh when the reader asks for it (?lang=zh, else an Accept-Language that prefers Chinese). */
export function pageMessagesFor(langParam: string | undefined, acceptLanguage: string | undefined): PageMessages {
  const explicit = langParam?.toLowerCase();
  if (explicit?.startsWith("zh")) return zh;
  if (explicit?.startsWith("en")) return en;
  const first = (acceptLanguage ?? "").split(",")[0]?.trim().toLowerCase() ?? "";
  return first.startsWith("zh") ? zh : en;
}
