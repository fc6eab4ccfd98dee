/** Every piece of text the widget shows, in both languages it speaks. */

export type WidgetLanguage = "zh" | "en";

export interface WidgetMessages {
  defaultTitle: string;
  open: string;
  close: string;
  newConversation: string;
  placeholder: string;
  send: string;
  stop: string;
  retry: string;
  sources: string;
  thinking: string;
  stopped: string;
  abstained: string;
  lowConfidence: string;
  fallback: string;
  starterHeading: string;
  unreachable: (endpoint: string) => string;
  rateLimited: (seconds: number | undefined) => string;
  server: (status: number) => string;
  rejected: (status: number) => string;
  interrupted: string;
  you: string;
  tutor: string;
  roadmapHere: string;
  roadmapNow: string;
  roadmapNext: string;
  roadmapBefore: string;
  roadmapDone: string;
  openRoadmap: string;
}

const zh: WidgetMessages = {
  defaultTitle: "学习路线助手",
  open: "打开学习路线助手",
  close: "关闭",
  newConversation: "新对话",
  placeholder: "输入问题，Enter 发送，Shift+Enter 换行",
  send: "发送",
  stop: "停止",
  retry: "重试",
  sources: "来源",
  thinking: "正在检索…",
  stopped: "（已停止）",
  abstained: "资料中没有找到可靠的答案",
  lowConfidence: "资料可能没有确切回答这个问题，以下为最接近的内容",
  fallback: "模型服务不可用，以下为从资料中摘录的答案。",
  starterHeading: "可以这样问：",
  unreachable: (endpoint) => `无法连接到服务器（${endpoint}）。请检查网络后重试。`,
  rateLimited: (s) => (s !== undefined ? `提问太频繁了，请在 ${s} 秒后重试。` : "提问太频繁了，请稍后重试。"),
  server: (status) => `服务器出错了（${status}）。请稍后重试。`,
  rejected: (status) => `请求未被接受（${status}）。`,
  interrupted: "回答中断了。请重试。",
  you: "你",
  tutor: "助手",
  roadmapHere: "在路线图中的位置",
  roadmapNow: "当前",
  roadmapNext: "下一步",
  roadmapBefore: "上一步",
  roadmapDone: "已完成",
  openRoadmap: "查看路线图",
};

const en: WidgetMessages = {
  defaultTitle: "Roadmap Tutor",
  open: "Open Roadmap Tutor",
  close: "Close",
  newConversation: "New conversation",
  placeholder: "Ask a question (Enter to send, Shift+Enter for a new line)",
  send: "Send",
  stop: "Stop",
  retry: "Retry",
  sources: "Sources",
  thinking: "Searching the roadmaps…",
  stopped: "(stopped)",
  abstained: "No reliable answer in the documents",
  lowConfidence: "The documents may not answer this exactly; closest passages below",
  fallback: "The model server is unavailable; this answer is quoted from the documents.",
  starterHeading: "Try asking:",
  unreachable: (endpoint) => `Can't reach the server (${endpoint}). Check your connection and retry.`,
  rateLimited: (s) => (s !== undefined ? `Too many questions. Try again in ${s} s.` : "Too many questions. Try again shortly."),
  server: (status) => `The server had a problem (${status}). Try again in a moment.`,
  rejected: (status) => `The request was not accepted (${status}).`,
  interrupted: "The answer was interrupted. Retry to ask again.",
  you: "You",
  tutor: "Tutor",
  roadmapHere: "Where this sits in the roadmaps",
  roadmapNow: "Now",
  roadmapNext: "Next",
  roadmapBefore: "Before",
  roadmapDone: "done",
  openRoadmap: "Open the roadmap",
};

export function messagesFor(language: WidgetLanguage): WidgetMessages {
  return language === "zh" ? zh : en;
}
