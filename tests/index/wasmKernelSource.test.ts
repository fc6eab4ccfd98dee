import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import wabt from "wabt";
import { describe, expect, it } from "vitest";

/**
 * The WebAssembly kernels ship as base64 bytes beside their source in WebAssembly text (in the
 * file's comment). This compiles that source with wabt and compares, so the bytes that run are
 * the source a reader reviews: an edit to one without the other fails here.
 */
const KERNELS = ["sparseDotKernel.ts", "lexicalKernel.ts"];

function sourceOf(file: string): { wat: string; base64: string } {
  const text = readFileSync(fileURLToPath(new URL(`../../src/index/${file}`, import.meta.url)), "utf8");
  const lines = text.split("\n");
  const start = lines.findIndex((line) => /^ \* \(module\b/.test(line));
  const end = lines.findIndex((line, i) => i > start && /^ \*\/\s*$/.test(line));
  const base64 = /const \w+_WASM =\s*"([A-Za-z0-9+/=]+)"/.exec(text)?.[1];
  if (start < 0 || end < 0 || !base64) throw new Error(`${file}: no WebAssembly text or bytes found`);
  const wat = lines
    .slice(start, end)
    .map((line) => line.replace(/^ \* ?/, "").replace(/^ \*$/, ""))
    .join("\n");
  return { wat, base64 };
}

describe("WebAssembly kernels", () => {
  for (const file of KERNELS) {
    it(`${file}: the bytes are the compiled source`, async () => {
      const { wat, base64 } = sourceOf(file);
      const tools = await wabt();
      const module = tools.parseWat(file, wat);
      try {
        module.validate();
        const { buffer } = module.toBinary({});
        expect(Buffer.from(buffer).toString("base64")).toBe(base64);
      } finally {
        module.destroy();
      }
    });
  }
});
