import { describe, expect, it } from "vitest";
import { openHtmlPage } from "../../../src/http/pages/htmlHead.js";

describe("openHtmlPage", () => {
  it("opens a page in its language with its styles, its deferred script and an escaped title", () => {
    const html = openHtmlPage({ lang: "zh-CN", title: `<b>"路线"</b>`, style: "body{margin:0}", scriptPath: "/assets/page.js" });
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">')).toBe(true);
    expect(html).toContain("<title>&lt;b&gt;&quot;路线&quot;&lt;/b&gt; · Roadmap Tutor</title>");
    expect(html).toContain("<style>body{margin:0}</style>");
    expect(html).toContain('<script src="/assets/page.js" defer></script>');
    expect(html.endsWith("</head>\n<body>")).toBe(true);
  });

  it("puts a page's own head elements before the title", () => {
    const html = openHtmlPage({
      lang: "en",
      title: "t",
      style: "",
      scriptPath: "/s.js",
      extra: '<meta name="robots" content="noindex">\n',
    });
    expect(html.indexOf('<meta name="robots" content="noindex">')).toBeLessThan(html.indexOf("<title>"));
  });
});
