import path from "node:path";

/** The page script's entry, resolved from the project root (see STACK-NOTES: not import.meta.url). */
export function roadmapScriptEntry(projectRoot = process.cwd()): string {
  return path.join(projectRoot, "src", "http", "pages", "roadmap", "client", "roadmapClient.ts");
}

/** Bundle the roadmap pages' script into one minified IIFE, in memory. */
export async function buildRoadmapScript(entryFile = roadmapScriptEntry()): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entryFile],
    bundle: true,
    write: false,
    format: "iife",
    minify: true,
    target: "es2019",
    platform: "browser",
    legalComments: "none",
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${entryFile}`);
  return output.text;
}

/** Built once per process on first request; concurrent first requests share the build, a failure is retried. */
export function createRoadmapScriptLoader(entryFile?: string): () => Promise<string> {
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= buildRoadmapScript(entryFile).catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
