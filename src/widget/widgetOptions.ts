import { messagesFor, type WidgetLanguage } from "./messages.js";

/** Everything a host page can configure through data-* attributes on the script tag. */
export interface WidgetOptions {
  endpoint: string;
  title: string;
  language: WidgetLanguage;
  theme: "light" | "dark" | "auto";
  position: "bottom-right" | "bottom-left";
  /** A CSS colour, validated by the caller's CSS.supports when available. */
  accent: string | undefined;
  starters: string[];
  openOnLoad: boolean;
}

/** Where the attributes come from; a plain record so tests need no DOM. */
export interface WidgetEnvironment {
  attributes: Record<string, string | undefined>;
  /** The script's own URL (for the default endpoint). */
  scriptSrc: string | undefined;
  /** The page's URL (fallback base for a relative script src). */
  pageUrl: string;
  /** `<html lang>` of the host page. */
  pageLanguage: string | undefined;
  navigatorLanguage: string | undefined;
  isColor?: (value: string) => boolean;
}

function pickLanguage(env: WidgetEnvironment): WidgetLanguage {
  const explicit = env.attributes.language?.trim().toLowerCase();
  if (explicit?.startsWith("zh")) return "zh";
  if (explicit?.startsWith("en")) return "en";
  // The page's own language beats the browser's: a Chinese blog gets a Chinese widget.
  for (const candidate of [env.pageLanguage, env.navigatorLanguage]) {
    const value = candidate?.trim().toLowerCase();
    if (value) return value.startsWith("zh") ? "zh" : "en";
  }
  return "en";
}

function defaultEndpoint(env: WidgetEnvironment): string {
  try {
    return new URL(env.scriptSrc ?? env.pageUrl, env.pageUrl).origin;
  } catch {
    return "";
  }
}

function truthy(value: string | undefined): boolean {
  if (value === undefined) return false;
  return ["", "true", "1", "yes", "open"].includes(value.trim().toLowerCase());
}

export function readWidgetOptions(env: WidgetEnvironment): WidgetOptions {
  const a = env.attributes;
  const language = pickLanguage(env);
  const endpointAttr = a.endpoint?.trim();
  const endpoint = (endpointAttr ? new URL(endpointAttr, env.pageUrl).href : defaultEndpoint(env)).replace(/\/+$/, "");
  const theme = a.theme === "dark" || a.theme === "light" ? a.theme : "auto";
  const position = a.position === "bottom-left" ? "bottom-left" : "bottom-right";
  const accentValue = a.accent?.trim();
  const accent = accentValue && (env.isColor ?? (() => true))(accentValue) ? accentValue : undefined;
  const starters = (a.starters ?? "")
    .split("|")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .slice(0, 6);
  return {
    endpoint,
    title: a.title?.trim() || messagesFor(language).defaultTitle,
    language,
    theme,
    position,
    accent,
    starters,
    openOnLoad: truthy(a.open ?? a.openOnLoad),
  };
}
