import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { build, type Plugin } from "esbuild";

/**
 * The compiled server (dist/src/server.js and the ~200 modules it imports) as one bundle of our
 * own code, written over dist/src/server.js, with the modules it imports on demand (app and tutor
 * after the config is read, ingest, the LLM answerer, ...) as chunks beside it. Node 20 spent
 * ~120–180 ms of every start's CPU resolving, compiling and linking our modules one by one (perf21r);
 * the bundle is the same code in the same order.
 *
 * What stays outside the bundle, so the server runs as before:
 * - packages (node_modules): imported by name at run time, as tsc's output does, but for zod and
 *   the package that shares it (BUNDLED_PACKAGES below);
 * - our JSON tables: imported from dist/src as before (`with { type: "json" }`), not inlined as
 *   JavaScript literals (an earlier bundle that inlined them started slower: perf16);
 * - every other module of dist/src: the CLIs under dist/scripts still import those.
 *
 * Every output is written into dist/src itself, so the JSON tables' paths and import.meta.url
 * (only used there to resolve packages) hold from there.
 */
export interface ServerBundle {
  /** The files written, relative to the source folder. */
  files: string[];
  /** How many of our modules went into them. */
  modules: number;
}

/** Relative JSON imports stay outside the bundle, rewritten relative to the folder the bundle is written to. */
function jsonTablesOutside(outDir: string): Plugin {
  return {
    name: "json-tables-outside",
    setup(build) {
      build.onResolve({ filter: /\.json$/ }, (args) => {
        if (!args.path.startsWith(".")) return undefined;
        const relative = path.relative(outDir, path.resolve(args.resolveDir, args.path)).split(path.sep).join("/");
        return { path: relative.startsWith(".") ? relative : `./${relative}`, external: true };
      });
    },
  };
}

/**
 * Packages bundled with our code rather than imported by name: zod, and the one package that
 * imports it at run time (fastify-type-provider-zod, through `zod/v4/core`), so both keep sharing
 * one zod. Imported by name, `zod` loads its 65 locale modules (`export * as locales`) at every
 * start, ~50 ms of Node 20's CPU for error messages in a language we never set; bundled, only what
 * the server uses is kept (the English messages zod configures itself with).
 */
const BUNDLED_PACKAGES = /^(zod|fastify-type-provider-zod)(\/|$)/;

/** Every other package stays outside the bundle, imported by name at run time as tsc's output does. */
function packagesOutside(): Plugin {
  return {
    name: "packages-outside",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (BUNDLED_PACKAGES.test(args.path) ? undefined : { path: args.path, external: true }));
    },
  };
}

/** An import of a JSON file, as esbuild writes it for an external path: without its import attribute. */
const JSON_IMPORT = /^(import [\w$]+ from "[^"]+\.json");$/gm;

/** Node refuses a JSON module without `with { type: "json" }`, which esbuild leaves out for external paths. */
function withJsonAttributes(code: string, file: string): string {
  const fixed = code.replace(JSON_IMPORT, '$1 with { type: "json" };');
  const unhandled = fixed.split("\n").find((line) => /^(import|export) .*\.json"/.test(line) && !line.endsWith(' with { type: "json" };'));
  if (unhandled !== undefined) throw new Error(`${file}: a JSON import the bundle cannot keep outside: ${unhandled}`);
  return fixed;
}

/** Bundle `srcDir/entry` (default server.js) over itself; chunks are named `entry-chunk-[hash].js`. */
export async function bundleServer(srcDir: string, entry = "server.js"): Promise<ServerBundle> {
  const entryFile = path.join(srcDir, entry);
  const name = path.basename(entry, ".js");
  const result = await build({
    entryPoints: { [name]: entryFile },
    outdir: srcDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: `node${process.versions.node.split(".")[0]}`,
    plugins: [packagesOutside(), jsonTablesOutside(srcDir)],
    chunkNames: `${name}-chunk-[hash]`,
    // tsc's source maps are read in, so a stack trace under --enable-source-maps still names src/*.ts.
    sourcemap: "linked",
    allowOverwrite: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const files: string[] = [];
  for (const output of result.outputFiles) {
    const relative = path.relative(srcDir, output.path);
    const text = output.path.endsWith(".js") ? withJsonAttributes(output.text, relative) : output.text;
    await writeFile(output.path, text);
    files.push(relative);
  }
  const modules = Object.keys(result.metafile.inputs).filter((input) => input.endsWith(".js")).length;
  // A bundle that silently lost its entry would leave `npm start` with nothing to run.
  if (!(await readFile(entryFile, "utf8")).includes("sourceMappingURL")) throw new Error(`${entry}: the bundle was not written`);
  return { files: files.sort(), modules };
}
