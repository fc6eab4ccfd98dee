import type { CitationResponse as Citation } from "../http/contract/answers.js";
import { plainPreview } from "../text/plainPreview.js";
import { citationHref, citationLabel, citedNumbers } from "./citationLinks.js";
import { renderMarkdown } from "./markdown.js";
import type { WidgetMessages } from "./messages.js";
import type { StoredMessage } from "./conversationStore.js";
import { element } from "./element.js";
import { renderStageStrips } from "./stageStrip.js";

function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

const EXCERPT_CHARS = 160;
const COLLAPSE_AFTER = 3;

/** The sources list under an answer: the cited ones, or all when the answer cites none. */
export function renderSources(
  doc: Document,
  endpoint: string,
  answer: string,
  citations: Citation[],
  messages: WidgetMessages,
): HTMLElement | undefined {
  if (citations.length === 0) return undefined;
  const cited = new Set(citedNumbers(answer));
  const shown = cited.size > 0 ? citations.filter((c) => cited.has(c.n)) : citations;
  if (shown.length === 0) return undefined;
  // A long list would push the answer out of view: past a few sources it starts folded.
  const box = element(doc, "details", "rt-sources");
  if (shown.length <= COLLAPSE_AFTER) box.setAttribute("open", "");
  box.appendChild(element(doc, "summary", "rt-sources-title", `${messages.sources} (${shown.length})`));
  const list = element(doc, "ol");
  for (const citation of shown) {
    const item = element(doc, "li");
    const link = element(doc, "a", undefined, `[${citation.n}] ${citationLabel(citation)}`);
    link.setAttribute("href", citationHref(endpoint, citation));
    link.setAttribute("target", "_blank");
    link.setAttribute("rel", "noopener noreferrer");
    item.appendChild(link);
    const text = plainPreview(citation.text);
    if (text) item.appendChild(element(doc, "div", "rt-excerpt", text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text));
    list.appendChild(item);
  }
  box.appendChild(list);
  return box;
}

export interface AssistantView {
  state: StoredMessage;
  streaming: boolean;
  stopped: boolean;
}

/** (Re)render an assistant message's bubble and sources into its container. */
export function renderAssistant(
  doc: Document,
  container: HTMLElement,
  endpoint: string,
  view: AssistantView,
  messages: WidgetMessages,
): void {
  const { state } = view;
  container.className = `rt-msg rt-assistant${state.abstained ? " rt-abstained" : ""}`;
  container.setAttribute("aria-busy", view.streaming ? "true" : "false");
  clear(container);
  const bubble = element(doc, "div", "rt-bubble");
  const label = element(doc, "span", "rt-sr", `${messages.tutor}: `);
  bubble.appendChild(label);
  if (state.abstained) bubble.appendChild(element(doc, "span", "rt-badge", messages.abstained));
  if (state.lowConfidence && !state.abstained) bubble.appendChild(element(doc, "span", "rt-note rt-low", messages.lowConfidence));
  if (state.fallback) bubble.appendChild(element(doc, "span", "rt-note", messages.fallback));
  const citations = state.citations ?? [];
  const byNumber = new Map(citations.map((c) => [c.n, c]));
  if (state.content) {
    bubble.appendChild(
      renderMarkdown(doc, state.content, {
        citations: {
          href: (n) => {
            const c = byNumber.get(n);
            return c ? citationHref(endpoint, c) : undefined;
          },
          title: (n) => {
            const c = byNumber.get(n);
            return c ? citationLabel(c) : undefined;
          },
        },
      }),
    );
  } else if (view.streaming) {
    bubble.appendChild(element(doc, "span", "rt-thinking", messages.thinking));
  }
  if (view.stopped) bubble.appendChild(element(doc, "span", "rt-note", ` ${messages.stopped}`));
  container.appendChild(bubble);
  if (!view.streaming || state.content) {
    const sources = renderSources(doc, endpoint, state.content, citations, messages);
    if (sources) container.appendChild(sources);
  }
  if (!view.streaming) {
    const strips = renderStageStrips(doc, endpoint, state.roadmap, messages);
    if (strips) container.appendChild(strips);
  }
}

export function renderUser(doc: Document, content: string, messages: WidgetMessages): HTMLElement {
  const container = element(doc, "div", "rt-msg rt-user");
  const bubble = element(doc, "div", "rt-bubble");
  bubble.appendChild(element(doc, "span", "rt-sr", `${messages.you}: `));
  bubble.appendChild(doc.createTextNode(content));
  container.appendChild(bubble);
  return container;
}
