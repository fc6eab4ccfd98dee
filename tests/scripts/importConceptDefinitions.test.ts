import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { builtFile } from "../support/childBuild.js";

/** scripts/import-concept-definitions.ts on hand-made inputs in a temporary folder (never the real data file). */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "concept-definitions-"));
  await mkdir(join(dir, "corpus"));
  await writeFile(join(dir, "corpus", "plan.txt"), "第一阶段：量化与剪枝。\n");
  await writeFile(
    join(dir, "concepts.jsonl"),
    `${JSON.stringify({ id: "V1", doc_terms: ["量化"] })}\n${JSON.stringify({ id: "V2", doc_terms: ["剪枝"] })}\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const SCRIPT = "scripts/import-concept-definitions.ts";

/**
 * Runs the script from the run's build (tests/support/childBuild.ts says why); the first test runs
 * it under tsx on its .ts source, as the usage line in the script does.
 */
function run(
  definitions: object[],
  flags: string[] = [],
  start: "build" | "tsx" = "build",
): Promise<{ code: number; stderr: string; out: string }> {
  const definitionsPath = join(dir, "definitions.jsonl");
  const out = join(dir, "out.json");
  return writeFile(definitionsPath, definitions.map((d) => JSON.stringify(d)).join("\n")).then(
    () =>
      new Promise((resolve) => {
        const entry = start === "build" ? [builtFile(SCRIPT)] : ["--import", "tsx", SCRIPT];
        const args = [...entry, join(dir, "concepts.jsonl"), definitionsPath];
        execFile(
          process.execPath,
          [...args, ...flags, "--corpus", join(dir, "corpus"), "--out", out],
          { timeout: 60_000 },
          (error, _stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stderr, out }),
        );
      }),
  );
}

describe("import-concept-definitions", () => {
  it("writes each concept's documents' names with its definitions, in Simplified characters", async () => {
    const result = await run(
      [
        { id: "V1", zh: "把權重用更少的位數存起來。", en: "Storing weights with fewer bits." },
        { id: "V2", zh: "去掉不重要的连接。", en: "Removing connections that matter little." },
      ],
      [],
      "tsx",
    );
    expect(result.code).toBe(0);
    const written = JSON.parse(await readFile(result.out, "utf8")) as { entries: { docTerms: string[]; zh: string[]; en: string[] }[] };
    expect(written.entries).toEqual([
      { docTerms: ["量化"], zh: ["把权重用更少的位数存起来。"], en: ["Storing weights with fewer bits."] },
      { docTerms: ["剪枝"], zh: ["去掉不重要的连接。"], en: ["Removing connections that matter little."] },
    ]);
  });

  it("says in the built file that it holds learners' descriptions when told --descriptions", async () => {
    const lines = [
      { id: "V1", zh: "想把模型存得更小一点。", en: "Making the model smaller to store." },
      { id: "V2", zh: "删掉没啥用的部分。", en: "Cutting the parts that do little." },
    ];
    const comment = async (flags: string[]) => {
      const result = await run(lines, flags);
      expect(result.code).toBe(0);
      return (JSON.parse(await readFile(result.out, "utf8")) as { $comment: string }).$comment;
    };
    expect(await comment(["--descriptions"])).toContain("conceptDescriptions.ts");
    expect(await comment([])).toContain("conceptDefinitions.ts");
  });

  it("refuses a concept left undefined or a definition of no concept, with exit code 2", async () => {
    const missing = await run([{ id: "V1", zh: "把权重用更少的位数存起来。", en: "Storing weights with fewer bits." }]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("no definition for 1 concepts (V2");
    expect(missing.stderr).toContain("definitions.jsonl");
    const unknown = await run([{ id: "V9", zh: "不存在。", en: "Nothing." }]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("definition V9 names no concept");
  });
});
