import { describe, expect, it } from "vitest";
import { readWidgetOptions, type WidgetEnvironment } from "../../src/widget/widgetOptions.js";

function env(overrides: Partial<WidgetEnvironment> = {}): WidgetEnvironment {
  return {
    attributes: {},
    scriptSrc: "https://tutor.example:8443/widget.js?v=2",
    pageUrl: "https://blog.example/posts/llm",
    pageLanguage: undefined,
    navigatorLanguage: "en-US",
    ...overrides,
  };
}

describe("readWidgetOptions", () => {
  it("defaults the endpoint to the script's own origin", () => {
    expect(readWidgetOptions(env()).endpoint).toBe("https://tutor.example:8443");
  });

  it("takes data-endpoint (trailing slash removed, relative to the page)", () => {
    expect(readWidgetOptions(env({ attributes: { endpoint: "https://api.example/tutor/" } })).endpoint).toBe("https://api.example/tutor");
    expect(readWidgetOptions(env({ attributes: { endpoint: "/tutor" } })).endpoint).toBe("https://blog.example/tutor");
  });

  it("picks the language from the attribute, then <html lang>, then the browser", () => {
    expect(readWidgetOptions(env({ attributes: { language: "zh" } })).language).toBe("zh");
    expect(readWidgetOptions(env({ pageLanguage: "zh-CN" })).language).toBe("zh");
    expect(readWidgetOptions(env({ pageLanguage: "en", navigatorLanguage: "zh-CN" })).language).toBe("en");
    expect(readWidgetOptions(env({ navigatorLanguage: "zh-TW" })).language).toBe("zh");
    expect(readWidgetOptions(env({ attributes: { language: "fr" }, pageLanguage: "zh-Hans" })).language).toBe("zh");
  });

  it("localises the default title and keeps a custom one", () => {
    expect(readWidgetOptions(env({ pageLanguage: "zh" })).title).toBe("学习路线助手");
    expect(readWidgetOptions(env()).title).toBe("Roadmap Tutor");
    expect(readWidgetOptions(env({ attributes: { title: "问问路线图" } })).title).toBe("问问路线图");
  });

  it("parses theme, position, starters, open-on-load and accent", () => {
    const options = readWidgetOptions(
      env({
        attributes: { theme: "dark", position: "bottom-left", starters: " 问题一 | 问题二 || ", open: "true", accent: "#e11d48" },
        isColor: (v) => v.startsWith("#"),
      }),
    );
    expect(options).toMatchObject({
      theme: "dark",
      position: "bottom-left",
      starters: ["问题一", "问题二"],
      openOnLoad: true,
      accent: "#e11d48",
    });
  });

  it("falls back to safe defaults for unknown values", () => {
    const options = readWidgetOptions(
      env({ attributes: { theme: "neon", position: "top", open: "false", accent: "red;}body{display:none" }, isColor: () => false }),
    );
    expect(options).toMatchObject({ theme: "auto", position: "bottom-right", openOnLoad: false, accent: undefined, starters: [] });
  });
});
