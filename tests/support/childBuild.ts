import { cp, mkdtemp, readdir, rm, symlink } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { inject } from "vitest";
import { bundleServer } from "../../scripts/serverBundle.js";

/**
 * The project's TypeScript transpiled once per test run, for the ~30 child processes the suite
 * starts (servers, `npm run ingest`, the ingest children that are killed mid-write, ...).
 *
 * Why: under `node --import tsx` every child paid tsx's loader and compiled the whole pipeline
 * again before doing any work (3.2 s of CPU for `npm run ingest` on a missing corpus, against
 * 1.7 s as plain node on the same sources transpiled by esbuild: docs/performance.md, sessions
 * 23 and 24). The build is the code tsx would run (tsx is esbuild's per-file transform too), in
 * the layout of `npm run build` (tsconfig.build.json: `dist/src`, `dist/scripts`, the JSON tables
 * and other data files beside the modules that read them relative to `import.meta.url`), and
 * `dist/src/server.js` is bundled by the build's own last step (scripts/serverBundle.ts), so a
 * server child runs what `npm start` runs. The children keep the project root as their working
 * directory, as `npm run` gives them.
 *
 * One test per CLI still runs it the way a user does (`node --import tsx` on the .ts source:
 * the server in serverDamagedIndex.test.ts, ingest in tests/integration/ingestToAsk.test.ts,
 * import-concept-definitions in its first test, ask, eval and calibrate in configExitCode.test.ts),
 * so the real entries are still proven.
 *
 * Never stale: the global setup builds into a fresh temporary folder per run and removes it at
 * the end.
 */
export interface ChildBuild {
  /** The build's root: `<root>/dist/src`, `<root>/dist/scripts`, `<root>/dist/tests`. */
  root: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    childBuild: ChildBuild;
  }
}

/** What `npm run build` compiles (tsconfig.build.json), and the test-side child entries (their `support/` folders). */
const SOURCE_FOLDERS = ["src", "scripts", "tests"];

function isBuilt(relative: string): boolean {
  if (relative.startsWith(`src${path.sep}widget${path.sep}`)) return false; // browser code, built by build-widget
  if (relative.startsWith(`tests${path.sep}`)) return relative.endsWith(".ts") && relative.split(path.sep).includes("support");
  return true;
}

async function filesUnder(projectRoot: string, folder: string): Promise<string[]> {
  const entries = await readdir(path.join(projectRoot, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)))
    .filter(isBuilt);
}

/** Transpile into a new temporary folder; `remove` deletes it. */
export async function buildForChildren(projectRoot = process.cwd()): Promise<{ build: ChildBuild; remove: () => Promise<void> }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "tutor-child-build-"));
  const remove = () => rm(root, { recursive: true, force: true });
  try {
    const dist = path.join(root, "dist");
    const files = (await Promise.all(SOURCE_FOLDERS.map((folder) => filesUnder(projectRoot, folder)))).flat();
    const typescript = files.filter((file) => file.endsWith(".ts") && !file.endsWith(".d.ts"));
    await build({
      entryPoints: typescript.map((file) => path.join(projectRoot, file)),
      outbase: projectRoot,
      outdir: dist,
      bundle: false,
      format: "esm",
      platform: "node",
      target: `node${process.versions.node.split(".")[0]}`,
      // Node 20 reads `with { type: "json" }` (20.10+), but esbuild's table for node20 says it
      // cannot and would drop the attribute, which Node then refuses the JSON tables without.
      supported: { "import-attributes": true },
      tsconfig: path.join(projectRoot, "tsconfig.json"),
      logLevel: "silent",
    });
    // The data files the modules read beside themselves (JSON tables, .jsonl lexicons, build-check.mjs).
    await Promise.all(
      files
        .filter((file) => !file.endsWith(".ts") && !file.startsWith(`tests${path.sep}`))
        .map((file) => cp(path.join(projectRoot, file), path.join(dist, file))),
    );
    // Packages resolve from the importing file's folder upwards: give the build the project's
    // (before bundling, which reads the packages it bundles: scripts/serverBundle.ts).
    await symlink(path.join(projectRoot, "node_modules"), path.join(root, "node_modules"), "dir");
    await bundleServer(path.join(dist, "src"));
  } catch (error) {
    await remove();
    throw error;
  }
  return { build: { root }, remove };
}

/**
 * The file of this run's build that `source` (a .ts path from the project root, e.g.
 * "scripts/ingest.ts") was transpiled to; run it with plain `node`.
 */
export function builtFile(source: string): string {
  const { root } = inject("childBuild");
  return path.join(root, "dist", source.replace(/\.ts$/, ".js"));
}
