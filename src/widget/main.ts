import { ChatWidget } from "./ChatWidget.js";
import { readWidgetOptions } from "./widgetOptions.js";

/**
 * Entry point of widget.js. Each <script src=".../widget.js"> tag mounts one widget configured
 * by its data-* attributes; the endpoint defaults to the script's own origin.
 */

function isColor(value: string): boolean {
  return typeof CSS !== "undefined" && typeof CSS.supports === "function" ? CSS.supports("color", value) : /^#[0-9a-f]{3,8}$/i.test(value);
}

function sessionStorageOrUndefined(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // blocked by the browser's privacy settings
  }
}

function mount(script: HTMLScriptElement | null): void {
  const d = script?.dataset ?? {};
  const options = readWidgetOptions({
    attributes: {
      endpoint: d.endpoint,
      title: d.title,
      language: d.language ?? d.lang,
      theme: d.theme,
      position: d.position,
      accent: d.accent ?? d.accentColor,
      starters: d.starters,
      open: d.open ?? d.openOnLoad,
    },
    scriptSrc: script?.src || undefined,
    pageUrl: location.href,
    pageLanguage: document.documentElement.lang || undefined,
    navigatorLanguage: navigator.language,
    isColor,
  });
  const host = document.createElement("roadmap-tutor-widget");
  // Inline !important beats any page rule that would hide or move the host element.
  host.style.setProperty("all", "initial", "important");
  host.style.setProperty("display", "block", "important");
  document.body.appendChild(host);
  new ChatWidget(host, options, sessionStorageOrUndefined());
}

const currentScript = document.currentScript as HTMLScriptElement | null;
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => mount(currentScript));
else mount(currentScript);
