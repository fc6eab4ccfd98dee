import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
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
 * - packages (node_modules): imported by name at run time, as tsc's output does, but for those a
 *   start loads (BUNDLED_PACKAGES below: zod, Fastify, its plugins and what they require);
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

/** A module inside a package (node_modules), not ours. */
function inPackage(file: string): boolean {
  return file.split(path.sep).includes("node_modules");
}

/**
 * Our relative JSON imports stay outside the bundle, rewritten relative to the folder the bundle
 * is written to. A bundled package's own JSON (its package.json, read for its version) goes in.
 */
function jsonTablesOutside(outDir: string): Plugin {
  return {
    name: "json-tables-outside",
    setup(build) {
      build.onResolve({ filter: /\.json$/ }, (args) => {
        if (!args.path.startsWith(".") || inPackage(args.importer)) return undefined;
        const relative = path.relative(outDir, path.resolve(args.resolveDir, args.path)).split(path.sep).join("/");
        return { path: relative.startsWith(".") ? relative : `./${relative}`, external: true };
      });
    },
  };
}

/**
 * Packages bundled with our code rather than imported by name, with every package they require
 * (but those in LOADED_ON_DEMAND): what a start loads.
 * - zod, and the one package that imports it at run time (fastify-type-provider-zod, through
 *   `zod/v4/core`), so both keep sharing one zod. Imported by name, `zod` loads its 65 locale
 *   modules (`export * as locales`) at every start, ~50 ms of Node 20's CPU for error messages in
 *   a language we never set; bundled, only what the server uses is kept (the English messages).
 * - Fastify, the plugins registered at start and the small CommonJS packages our modules import:
 *   imported by name, a start opened ~190 CommonJS files of theirs (semver 47, fastify 33, avvio
 *   13, pino 12, find-my-way 12, ...), each resolved, read, wrapped and compiled on its own:
 *   ~12 % of a start's CPU on Node 20 (session 32, docs/performance.md).
 * A package that one of these and one of our modules both import is listed here, so both share one
 * copy (@fastify/error's error classes, ipaddr.js).
 */
const BUNDLED_PACKAGES =
  /^(zod|fastify-type-provider-zod|fastify|fastify-plugin|@fastify\/(cors|rate-limit|under-pressure|error)|ipaddr\.js|ms|escape-html)(\/|$)/;

/**
 * What a bundled package requires only when a request first needs it, imported by name at run time
 * as before: Fastify's JSON-schema compilers (ajv, fast-json-stringify: the server's routes use
 * zod's), its `inject` (light-my-request) and what they require, and pino's transport worker
 * (thread-stream: the server logs to stdout, without a transport). Bundled, their ~750 KB would be
 * parsed at every start for code a start never runs.
 */
const LOADED_ON_DEMAND =
  /^(ajv|ajv-formats|fast-json-stringify|fast-uri|json-schema-ref-resolver|light-my-request|thread-stream|@fastify\/(ajv-compiler|fast-json-stringify-compiler|merge-json-schemas))(\/|$)/;

/** The file a package name resolves to from a folder, or undefined (a package `require` cannot load). */
function resolvedFrom(folder: string, name: string): string | undefined {
  try {
    return createRequire(path.join(folder, "noop.js")).resolve(name);
  } catch {
    return undefined;
  }
}

/**
 * Every other package stays outside the bundle, imported by name at run time as tsc's output does.
 * A bundled package's `require` of one is answered from the bundle's folder (the `require` the
 * bundle's banner makes), so the build stops when that would load another copy than the package
 * itself resolves (a nested node_modules).
 */
function packagesOutside(outDir: string): Plugin {
  return {
    name: "packages-outside",
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.path.startsWith("node:")) return { path: args.path, external: true };
        if (BUNDLED_PACKAGES.test(args.path)) return undefined;
        const fromPackage = inPackage(args.importer);
        if (fromPackage && !LOADED_ON_DEMAND.test(args.path)) return undefined;
        if (fromPackage && resolvedFrom(outDir, args.path) !== resolvedFrom(path.dirname(args.importer), args.path)) {
          throw new Error(`${args.path}: required by ${args.importer}, but ${outDir} would load another copy`);
        }
        return { path: args.path, external: true };
      });
    },
  };
}

/**
 * The bundled packages are CommonJS: their `require` of Node's modules and of the packages left
 * outside needs a `require` in an ES module's scope (esbuild's `__require` reads it).
 */
const REQUIRE_BANNER = 'import { createRequire as __bundleRequire } from "node:module";\nconst require = __bundleRequire(import.meta.url);';

/** An import of a JSON file, as esbuild writes it for an external path: without its import attribute. */
const JSON_IMPORT = /^(import [\w$]+ from "[^"]+\.json");$/gm;

/** Node refuses a JSON module without `with { type: "json" }`, which esbuild leaves out for external paths. */
function withJsonAttributes(code: string, file: string): string {
  const fixed = code.replace(JSON_IMPORT, '$1 with { type: "json" };');
  const unhandled = fixed.split("\n").find((line) => /^(import|export) .*\.json"/.test(line) && !line.endsWith(' with { type: "json" };'));
  if (unhandled !== undefined) throw new Error(`${file}: a JSON import the bundle cannot keep outside: ${unhandled}`);
  return fixed;
}

/**
 * Where bundled code may read `__dirname` or `__filename`, which an ES module does not have: pino's
 * transports (a worker thread's file), which the server never sets up (server.ts logs to stdout).
 * Anywhere else the build stops, as that code would throw where it ran as a package before.
 */
const DIRNAME_READERS = /(?:^|\/)node_modules\/pino\/lib\/transport\.js$/;

/** The bundled modules (esbuild's `// path` lines) whose code reads `__dirname` or `__filename`. */
export function modulesReadingDirname(code: string): string[] {
  const modules = new Set<string>();
  let current = "";
  for (const line of code.split("\n")) {
    if (line.startsWith("// ")) current = line.slice(3);
    else if (/\b__(dirname|filename)\b/.test(line)) modules.add(current);
  }
  return [...modules];
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
    plugins: [packagesOutside(srcDir), jsonTablesOutside(srcDir)],
    banner: { js: REQUIRE_BANNER },
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
    const unexpected = output.path.endsWith(".js") ? modulesReadingDirname(text).filter((module) => !DIRNAME_READERS.test(module)) : [];
    if (unexpected.length > 0) throw new Error(`${relative}: bundled code reads __dirname or __filename: ${unexpected.join(", ")}`);
    await writeFile(output.path, text);
    files.push(relative);
  }
  const modules = Object.keys(result.metafile.inputs).filter((input) => input.endsWith(".js")).length;
  // A bundle that silently lost its entry would leave `npm start` with nothing to run.
  if (!(await readFile(entryFile, "utf8")).includes("sourceMappingURL")) throw new Error(`${entry}: the bundle was not written`);
  return { files: files.sort(), modules };
}
