import { textColourOnAccent } from "./accentContrast.js";
import type { WidgetMessages } from "./messages.js";
import { element } from "./element.js";
import { WIDGET_CSS } from "./styles.js";
import type { WidgetOptions } from "./widgetOptions.js";

export interface PanelElements {
  root: HTMLElement;
  launcher: HTMLButtonElement;
  panel: HTMLElement;
  log: HTMLElement;
  starters: HTMLElement;
  form: HTMLFormElement;
  input: HTMLTextAreaElement;
  send: HTMLButtonElement;
  stop: HTMLButtonElement;
  closeButton: HTMLButtonElement;
  newButton: HTMLButtonElement;
}

const SVG_NS = "http://www.w3.org/2000/svg";
const CHAT_ICON =
  "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0-.01zm5 0a1.5 1.5 0 1 0 0-.01zm5 0a1.5 1.5 0 1 0 0-.01z";

function icon(doc: Document): SVGSVGElement {
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  const path = doc.createElementNS(SVG_NS, "path");
  path.setAttribute("d", CHAT_ICON);
  svg.appendChild(path);
  return svg;
}

function button(doc: Document, className: string, text: string, label?: string): HTMLButtonElement {
  const b = element(doc, "button", className, text);
  b.type = "button";
  if (label) b.setAttribute("aria-label", label);
  return b;
}

/** Attach the shadow root with its stylesheet, and build the launcher and the dialog. */
export function buildPanel(host: HTMLElement, options: WidgetOptions, messages: WidgetMessages): PanelElements {
  const doc = host.ownerDocument;
  const shadow = host.attachShadow({ mode: "open" });
  // A constructed stylesheet is not subject to the host page's CSP style-src; <style> is the fallback.
  const sheetSupported = "adoptedStyleSheets" in shadow && typeof CSSStyleSheet !== "undefined" && "replaceSync" in CSSStyleSheet.prototype;
  if (sheetSupported) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(WIDGET_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    shadow.appendChild(element(doc, "style", undefined, WIDGET_CSS));
  }

  const root = element(doc, "div", `rt-root rt-${options.theme} ${options.position === "bottom-left" ? "rt-left" : "rt-right"}`);
  root.setAttribute("lang", options.language === "zh" ? "zh-CN" : "en");
  if (options.accent) {
    root.style.setProperty("--rt-accent", options.accent);
    const onAccent = textColourOnAccent(options.accent, doc);
    if (onAccent) root.style.setProperty("--rt-accent-fg", onAccent);
  }

  const launcher = button(doc, "rt-launcher", "", messages.open);
  launcher.appendChild(icon(doc));
  launcher.setAttribute("aria-haspopup", "dialog");
  launcher.setAttribute("aria-expanded", "false");
  launcher.setAttribute("aria-controls", "rt-panel");

  const panel = element(doc, "div", "rt-panel");
  panel.id = "rt-panel";
  panel.setAttribute("role", "dialog");
  panel.setAttribute("aria-modal", "true");
  panel.setAttribute("aria-labelledby", "rt-title");
  panel.hidden = true;

  const header = element(doc, "div", "rt-header");
  const title = element(doc, "h2", "rt-title", options.title);
  title.id = "rt-title";
  const newButton = button(doc, "rt-icon-btn rt-new", messages.newConversation);
  const closeButton = button(doc, "rt-icon-btn rt-close", "×", messages.close);
  header.append(title, newButton, closeButton);

  const log = element(doc, "div", "rt-log");
  log.setAttribute("role", "log");
  log.setAttribute("aria-live", "polite");
  log.setAttribute("aria-label", options.title);
  log.tabIndex = 0;

  const starters = element(doc, "div", "rt-starters");
  starters.appendChild(element(doc, "div", "rt-note", messages.starterHeading));
  for (const question of options.starters) starters.appendChild(button(doc, "rt-starter", question));
  log.appendChild(starters);

  const form = element(doc, "form", "rt-composer");
  const input = element(doc, "textarea", "rt-input");
  input.rows = 1;
  input.placeholder = messages.placeholder;
  input.setAttribute("aria-label", messages.placeholder);
  input.maxLength = 1000;
  const send = element(doc, "button", "rt-send", messages.send);
  send.type = "submit";
  const stop = button(doc, "rt-stop", messages.stop);
  stop.hidden = true;
  form.append(input, send, stop);

  panel.append(header, log, form);
  root.append(panel, launcher);
  shadow.appendChild(root);
  return { root, launcher, panel, log, starters, form, input, send, stop, closeButton, newButton };
}
