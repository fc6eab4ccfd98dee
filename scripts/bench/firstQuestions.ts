import { round } from "./stats.js";

/**
 * What the first question of each kind costs right after ready: the first of a kind builds what
 * only that kind needs (tables, compiled patterns, dictionaries read on first use), then a second
 * of the same kind shows what a warm one costs. Asked in this order against a fresh server, so
 * each kind's first pays only for what the kinds before it did not build. The questions are the
 * bench's own (never an eval set's).
 */
export const FIRST_QUESTIONS: readonly FirstQuestionKind[] = [
  { kind: "search", route: "search", first: "学完LoRA之后学什么", second: "RAG 和向量数据库是什么关系" },
  { kind: "ask", route: "ask", first: "怎么评估一个大模型", second: "提示工程有哪些技巧" },
  { kind: "Traditional", route: "ask", first: "什麼是注意力機制", second: "微調和預訓練有什麼區別" },
  { kind: "off-field", route: "ask", first: "王者荣耀单排怎么快速上分", second: "报税的时候要准备哪些文件" },
  { kind: "typo", route: "ask", first: "大模型微掉要多少显存", second: "langchian 怎么接向亮数据库" },
];

export interface FirstQuestionKind {
  kind: string;
  route: "search" | "ask";
  first: string;
  second: string;
}

/** Milliseconds (request sent to body read) of each kind's first and second question, one list entry per server started. */
export type FirstQuestionTimes = Record<string, { firstMs: number[]; secondMs: number[] }>;

/** Collects the times of FIRST_QUESTIONS over several fresh servers: `ask` is measureStartToReady's afterReady. */
export function firstQuestionTimer(): { ask: (baseUrl: string) => Promise<void>; times: FirstQuestionTimes } {
  const times: FirstQuestionTimes = Object.fromEntries(FIRST_QUESTIONS.map(({ kind }) => [kind, { firstMs: [], secondMs: [] }]));
  const ask = async (baseUrl: string) => {
    for (const question of FIRST_QUESTIONS) {
      times[question.kind]!.firstMs.push(await timed(baseUrl, question.route, question.first));
      times[question.kind]!.secondMs.push(await timed(baseUrl, question.route, question.second));
    }
  };
  return { ask, times };
}

async function timed(baseUrl: string, route: "search" | "ask", question: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/api/${route}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(route === "search" ? { query: question } : { question }),
    signal: AbortSignal.timeout(30_000),
  });
  await response.text();
  if (response.status !== 200) throw new Error(`first questions: /api/${route} answered ${response.status} to "${question}"`);
  return round(performance.now() - started, 1);
}
