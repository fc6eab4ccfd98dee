import { AskError, askStreaming } from "./askClient.js";
import { ConversationStore, historyFor, type KeyValueStorage, type StoredMessage } from "./conversationStore.js";
import { failureText } from "./failureText.js";
import { messagesFor, type WidgetMessages } from "./messages.js";
import { element } from "./element.js";
import { renderAssistant, renderUser } from "./messageView.js";
import { buildPanel, type PanelElements } from "./panel.js";
import type { WidgetOptions } from "./widgetOptions.js";

/** Turns sent back as history (the API allows more; recent context is what follow-ups need). */
const HISTORY_TURNS = 8;

const FOCUSABLE = "button, textarea, a[href], [tabindex]:not([tabindex='-1'])";

/**
 * One chat widget: a launcher and a dialog inside its own shadow root. Several can live on one
 * page; each keeps its conversation in sessionStorage under its own key.
 */
export class ChatWidget {
  private readonly doc: Document;
  private readonly messages: WidgetMessages;
  private readonly ui: PanelElements;
  private readonly store: ConversationStore;
  private conversation: StoredMessage[];
  private controller: AbortController | undefined;

  constructor(
    readonly host: HTMLElement,
    private readonly options: WidgetOptions,
    storage: KeyValueStorage | undefined,
  ) {
    this.doc = host.ownerDocument;
    this.messages = messagesFor(options.language);
    this.ui = buildPanel(host, options, this.messages);
    this.store = new ConversationStore(storage, `${options.endpoint}|${options.title}`);
    this.conversation = this.store.load();
    this.bindEvents();
    this.renderConversation();
    if (options.openOnLoad) this.open(false);
  }

  open(focusInput = true): void {
    this.ui.panel.hidden = false;
    this.ui.root.classList.add("rt-open");
    this.ui.launcher.setAttribute("aria-expanded", "true");
    this.scrollToEnd();
    if (focusInput) this.ui.input.focus();
  }

  close(): void {
    this.ui.panel.hidden = true;
    this.ui.root.classList.remove("rt-open");
    this.ui.launcher.setAttribute("aria-expanded", "false");
    this.ui.launcher.focus();
  }

  get isOpen(): boolean {
    return !this.ui.panel.hidden;
  }

  /** Ask a question (what the send button, Enter and the starter buttons do). */
  async ask(question: string): Promise<void> {
    const text = question.trim();
    if (!text || this.controller) return;
    const history = historyFor(this.conversation, HISTORY_TURNS);
    const userMessage: StoredMessage = { role: "user", content: text };
    const answer: StoredMessage = { role: "assistant", content: "", citations: [], incomplete: true };
    this.conversation.push(userMessage, answer);
    this.store.save(this.conversation);
    this.ui.starters.hidden = true;
    this.ui.log.appendChild(renderUser(this.doc, text, this.messages));
    const container = element(this.doc, "div", "rt-msg rt-assistant");
    this.ui.log.appendChild(container);

    const controller = new AbortController();
    this.controller = controller;
    this.setBusy(true);
    let frame: ReturnType<typeof setTimeout> | undefined;
    const view = { state: answer, streaming: true, stopped: false };
    const draw = () => {
      frame = undefined;
      renderAssistant(this.doc, container, this.options.endpoint, view, this.messages);
      this.scrollToEnd();
    };
    const scheduleDraw = () => {
      // Tokens arrive faster than frames; redraw at most every 50 ms.
      frame ??= setTimeout(draw, 50);
    };
    draw();
    try {
      const result = await askStreaming(
        { endpoint: this.options.endpoint, question: text, history, signal: controller.signal },
        {
          onCitations: (citations) => {
            answer.citations = citations;
            scheduleDraw();
          },
          onToken: (token) => {
            answer.content += token;
            scheduleDraw();
          },
        },
      );
      answer.content = result.answer;
      answer.citations = result.citations;
      answer.abstained = result.abstained;
      if (result.confidence === "low") answer.lowConfidence = true;
      if (result.fallback) answer.fallback = true;
      if (result.roadmap) answer.roadmap = result.roadmap;
      delete answer.incomplete;
    } catch (error) {
      if (controller.signal.aborted) view.stopped = true;
      else this.showFailure(container, error, text, userMessage, answer);
    } finally {
      if (frame !== undefined) clearTimeout(frame);
      this.controller = undefined;
      this.setBusy(false);
      view.streaming = false;
      const errorBox = container.querySelector(".rt-error");
      draw();
      if (errorBox) container.appendChild(errorBox);
      // A finished long answer: show its beginning rather than the end of its sources.
      if (container.offsetHeight > this.ui.log.clientHeight) this.ui.log.scrollTop = container.offsetTop - this.ui.log.offsetTop - 8;
      this.store.save(this.conversation);
      if (this.isOpen && !container.querySelector(".rt-error")) this.ui.input.focus();
    }
  }

  stop(): void {
    this.controller?.abort();
  }

  newConversation(): void {
    this.stop();
    this.conversation = [];
    this.store.clear();
    this.renderConversation();
    this.ui.input.focus();
  }

  private showFailure(container: HTMLElement, error: unknown, question: string, userMessage: StoredMessage, answer: StoredMessage): void {
    const failure = error instanceof AskError ? error.failure : ({ kind: "unreachable" } as const);
    const { text, detail, retryAfterSeconds } = failureText(failure, this.messages, this.options.endpoint);
    const box = element(this.doc, "div", "rt-error");
    box.setAttribute("role", "alert");
    box.appendChild(element(this.doc, "span", undefined, text));
    const retry = element(this.doc, "button", "rt-retry", this.messages.retry);
    retry.type = "button";
    if (retryAfterSeconds) {
      retry.disabled = true;
      setTimeout(() => (retry.disabled = false), retryAfterSeconds * 1000);
    }
    retry.addEventListener("click", () => {
      // Forget the failed exchange, then ask the same question again.
      this.conversation = this.conversation.filter((m) => m !== userMessage && m !== answer);
      container.previousElementSibling?.remove();
      container.remove();
      void this.ask(question);
    });
    box.appendChild(retry);
    if (detail) box.appendChild(element(this.doc, "span", "rt-error-detail", detail));
    container.appendChild(box);
    queueMicrotask(() => retry.disabled || retry.focus());
  }

  private setBusy(busy: boolean): void {
    this.ui.send.hidden = busy;
    this.ui.stop.hidden = !busy;
    this.ui.log.setAttribute("aria-busy", busy ? "true" : "false");
    if (busy && this.isOpen) this.ui.stop.focus();
  }

  private renderConversation(): void {
    const { log, starters } = this.ui;
    for (const node of [...log.childNodes]) if (node !== starters) log.removeChild(node);
    for (const message of this.conversation) {
      if (message.role === "user") log.appendChild(renderUser(this.doc, message.content, this.messages));
      else if (message.content) {
        const container = element(this.doc, "div", "rt-msg rt-assistant");
        renderAssistant(
          this.doc,
          container,
          this.options.endpoint,
          { state: message, streaming: false, stopped: Boolean(message.incomplete) },
          this.messages,
        );
        log.appendChild(container);
      }
    }
    starters.hidden = this.conversation.length > 0 || this.options.starters.length === 0;
  }

  private scrollToEnd(): void {
    this.ui.log.scrollTop = this.ui.log.scrollHeight;
  }

  private submitInput(): void {
    const value = this.ui.input.value;
    if (!value.trim() || this.controller) return;
    this.ui.input.value = "";
    this.resizeInput();
    void this.ask(value);
  }

  private resizeInput(): void {
    const input = this.ui.input;
    input.style.height = "auto";
    input.style.height = `${Math.min(input.scrollHeight, 140)}px`;
  }

  private bindEvents(): void {
    const { launcher, panel, input, form, closeButton, newButton, stop, starters } = this.ui;
    launcher.addEventListener("click", () => (this.isOpen ? this.close() : this.open()));
    closeButton.addEventListener("click", () => this.close());
    newButton.addEventListener("click", () => this.newConversation());
    stop.addEventListener("click", () => this.stop());
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.submitInput();
    });
    input.addEventListener("input", () => this.resizeInput());
    input.addEventListener("keydown", (event) => {
      // isComposing/229: Enter that confirms an IME candidate (pinyin input) must not send.
      if (event.key === "Enter" && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
        event.preventDefault();
        this.submitInput();
      }
    });
    starters.addEventListener("click", (event) => {
      const button = (event.target as Element | null)?.closest("button");
      if (button?.textContent) void this.ask(button.textContent);
    });
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        this.close();
      } else if (event.key === "Tab") this.trapFocus(event);
    });
  }

  /** Keep Tab and Shift+Tab cycling inside the open dialog. */
  private trapFocus(event: KeyboardEvent): void {
    const focusable = [...this.ui.panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute("disabled") && el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = this.ui.root.getRootNode() instanceof ShadowRoot ? (this.ui.root.getRootNode() as ShadowRoot).activeElement : null;
    if (event.shiftKey && (active === first || !active || !focusable.includes(active as HTMLElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !active || !focusable.includes(active as HTMLElement))) {
      event.preventDefault();
      first.focus();
    }
  }
}
