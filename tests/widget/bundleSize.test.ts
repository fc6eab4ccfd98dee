import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWidgetBundle, widgetPathsUnder } from "../../src/http/pages/widgetBundle.js";

const BUDGET_BYTES = 30 * 1024;
let dir: string;
let code: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "widget-bundle-"));
  const { entryFile } = widgetPathsUnder(process.cwd());
  await buildWidgetBundle({ entryFile, outFile: path.join(dir, "widget.js") });
  code = await readFile(path.join(dir, "widget.js"), "utf8");
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("widget bundle", () => {
  it(`is one file under ${BUDGET_BYTES / 1024} KB gzipped`, async () => {
    expect(await readdir(dir)).toEqual(["widget.js"]);
    const gzipped = gzipSync(code, { level: 9 }).length;
    expect(gzipped).toBeGreaterThan(2000); // it really contains the widget
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("is a self-contained minified IIFE with no module syntax", () => {
    expect(code.trimStart().startsWith("(()=>{") || code.trimStart().startsWith('"use strict";(()=>{')).toBe(true);
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("never parses strings as HTML", () => {
    for (const sink of ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "DOMParser", "eval("]) {
      expect(code, sink).not.toContain(sink);
    }
  });
});
