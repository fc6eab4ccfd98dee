import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, stat } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface WidgetPaths {
  /** src/widget/main.ts */
  entryFile: string;
  /** dist/widget/widget.js */
  outFile: string;
}

/** Paths under a project root (the working directory of `npm start`, the repo root in tests). */
export function widgetPathsUnder(projectRoot: string): WidgetPaths {
  return {
    entryFile: path.join(projectRoot, "src", "widget", "main.ts"),
    outFile: path.join(projectRoot, "dist", "widget", "widget.js"),
  };
}

/**
 * Bundle src/widget into one minified IIFE. esbuild is a dev dependency, so it is imported
 * lazily: a deployment that ships a prebuilt dist/widget/widget.js never needs it.
 */
export async function buildWidgetBundle(paths: WidgetPaths): Promise<{ bytes: number }> {
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error(`Cannot build the widget: esbuild is not installed. Install dev dependencies or ship a prebuilt ${paths.outFile}.`);
  }
  await mkdir(path.dirname(paths.outFile), { recursive: true });
  // Write next to the target then rename, so a concurrent reader never sees half a file.
  const temporary = `${paths.outFile}.${process.pid}.${Date.now()}.tmp`;
  await esbuild.build({
    entryPoints: [paths.entryFile],
    outfile: temporary,
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2019",
    platform: "browser",
    legalComments: "none",
    sourcemap: false,
    logLevel: "silent",
  });
  await rename(temporary, paths.outFile);
  return { bytes: (await stat(paths.outFile)).size };
}

export interface WidgetAsset {
  body: Buffer;
  gzipped: Buffer;
  /** Strong ETag from the content hash. */
  etag: string;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const { mtimeMs } = await stat(path.join(entry.parentPath, entry.name));
    newest = Math.max(newest, mtimeMs);
  }
  return newest;
}

/**
 * True under tsx (`npm run dev`, tests): this module runs from its .ts source. The compiled
 * server (`npm start`, dist/) serves the bundle `npm run build` made, and its prestart check
 * rebuilds when the sources changed, so it never rebuilds per request.
 */
const RUNNING_FROM_SOURCE = import.meta.url.endsWith(".ts");

async function needsBuild(paths: WidgetPaths): Promise<boolean> {
  const built = await stat(paths.outFile).catch(() => undefined);
  if (!built) return true;
  if (!RUNNING_FROM_SOURCE) return false;
  // Rebuild when the sources changed since (a `git pull` on a running checkout); a deployment
  // without sources just serves what it has.
  const sourceDir = path.dirname(paths.entryFile);
  const sources = await stat(sourceDir).catch(() => undefined);
  if (!sources) return false;
  return (await newestMtime(sourceDir)) > built.mtimeMs;
}

/**
 * The widget file as served, then kept in memory: the prebuilt dist/widget/widget.js when
 * present; built on first use when missing (or, in development, stale).
 * Concurrent first requests share one build.
 */
export function createWidgetAssetLoader(paths: WidgetPaths): () => Promise<WidgetAsset> {
  let pending: Promise<WidgetAsset> | undefined;
  const load = async (): Promise<WidgetAsset> => {
    if (await needsBuild(paths)) await buildWidgetBundle(paths);
    const body = await readFile(paths.outFile);
    const hash = createHash("sha256").update(body).digest("base64url").slice(0, 22);
    return { body, gzipped: gzipSync(body, { level: 9 }), etag: `"w-${hash}"` };
  };
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined; // let the next request try again
      throw error;
    });
    return pending;
  };
}
