import { mkdir, mkdtemp, rm, symlink, writeFile, copyFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { cruise, type IConfiguration } from "dependency-cruiser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The boundary rules of .dependency-cruiser.cjs (npm run lint:boundaries) must actually catch
// wrong-way imports: run them over a scratch project that breaks each rule once. (That the real
// tree is clean is checked by `npm run lint:boundaries` in .ci/run, not again here.)

const root = process.cwd();
const ruleSet = createRequire(import.meta.url)(path.join(root, ".dependency-cruiser.cjs")) as IConfiguration;

async function violations(baseDir: string, files: string[]): Promise<string[]> {
  const result = await cruise(files, {
    validate: true,
    ruleSet,
    ...ruleSet.options,
    baseDir,
    tsConfig: { fileName: path.join(baseDir, "tsconfig.json") },
  });
  if (typeof result.output === "string") throw new Error("expected a JSON cruise result");
  return (
    result.output.summary.violations
      .filter((v) => v.rule.severity === "error")
      // node_modules is a symlink in the scratch project; show packages by their own path.
      .map((v) => `${v.rule.name}: ${v.from} -> ${v.to.replace(/^.*node_modules\//, "")}`)
      .sort()
  );
}

describe("boundary rules", () => {
  let scratch: string;
  const write = async (file: string, text: string) => {
    await mkdir(path.dirname(path.join(scratch, file)), { recursive: true });
    await writeFile(path.join(scratch, file), text);
  };

  beforeAll(async () => {
    scratch = await mkdtemp(path.join(os.tmpdir(), "boundaries-"));
    await copyFile(path.join(root, "tsconfig.json"), path.join(scratch, "tsconfig.json"));
    await symlink(path.join(root, "node_modules"), path.join(scratch, "node_modules"), "dir");
    await write("src/retrieval/rank.ts", "export const rank = 1;\n");
    await write("src/tutor.ts", "export const tutor = 1;\n");
    // text/ imports retrieval/ (the old QueryLanguage arrow) -> wrong way.
    await write("src/text/language.ts", 'import type { rank } from "../retrieval/rank.js";\nexport type R = typeof rank;\n');
    // embeddings/ imports fastify and the composition root -> both forbidden.
    await write(
      "src/embeddings/embed.ts",
      'import type { FastifyInstance } from "fastify";\nimport { tutor } from "../tutor.js";\nexport type F = FastifyInstance;\nexport const t = tutor;\n',
    );
    // retrieval/ imports text/ -> allowed.
    await write("src/retrieval/ok.ts", 'import type { R } from "../text/language.js";\nexport type Q = R;\n');
    // Two answering files importing each other at run time -> a cycle (type-only would be fine).
    await write("src/answering/first.ts", 'import { second } from "./second.js";\nexport const first = () => second;\n');
    await write("src/answering/second.ts", 'import { first } from "./first.js";\nexport const second = () => first;\n');
    await write("src/answering/typeOnlyA.ts", 'import type { B } from "./typeOnlyB.js";\nexport type A = B | 1;\n');
    await write("src/answering/typeOnlyB.ts", 'import type { A } from "./typeOnlyA.js";\nexport type B = Exclude<A, 1> | 2;\n');
    // widget imports a server module -> forbidden.
    await write("src/widget/main.ts", 'import { rank } from "../retrieval/rank.js";\nexport const r = rank;\n');
  });

  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("reports each deliberate violation and nothing else", async () => {
    expect(await violations(scratch, ["src"])).toEqual([
      "no-circular: src/answering/first.ts -> src/answering/second.ts",
      "no-fastify-below-http: src/embeddings/embed.ts -> fastify/fastify.js",
      "stage-text-imports-down-only: src/text/language.ts -> src/retrieval/rank.ts",
      "stages-do-not-import-the-composition-root: src/embeddings/embed.ts -> src/tutor.ts",
      "widget-imports-only-itself-and-the-contract: src/widget/main.ts -> src/retrieval/rank.ts",
    ]);
  });
});
