// The prestart check of `npm start`, and the bookends of `npm run build`. Plain JavaScript on
// purpose: it must run before anything is compiled, and without tsx (a dev dependency).
//
//   node scripts/build-check.mjs           build when dist/ is missing or older than the sources
//   node scripts/build-check.mjs --clean   start of a build: empty dist/, remember the start time
//   node scripts/build-check.mjs --stamp   end of a build: mark dist/ as built at that start time
//
// Paths resolve from the project root (the working directory npm gives every script).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = process.cwd();
const dist = path.join(root, "dist");
const started = path.join(dist, ".build-started");
const stamp = path.join(dist, ".build-stamp");
/** What `npm start` needs from a build. */
const OUTPUTS = [path.join(dist, "src", "server.js"), path.join(dist, "widget", "widget.js")];
/** What a build is made from; a change to any of them makes dist/ stale. */
const INPUTS = ["src", "scripts", "tsconfig.json", "tsconfig.build.json", "package.json"];

function newestMtime(entry) {
  const full = path.join(root, entry);
  const stat = statSync(full, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const file of readdirSync(full, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) newest = Math.max(newest, statSync(path.join(file.parentPath, file.name)).mtimeMs);
  }
  return newest;
}

/** Why dist/ needs a build, or undefined when it is up to date. */
function staleReason() {
  const built = statSync(stamp, { throwIfNoEntry: false });
  if (!built || OUTPUTS.some((file) => !existsSync(file))) return "dist/ is missing or incomplete";
  // A deployment that ships dist/ without sources has nothing to compare with: serve what it has.
  const changed = INPUTS.find((entry) => newestMtime(entry) > built.mtimeMs);
  return changed ? `${changed} changed since the last build` : undefined;
}

function canBuild() {
  const require = createRequire(path.join(root, "package.json"));
  try {
    for (const name of ["typescript", "esbuild", "tsx"]) require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
}

const mode = process.argv[2];
if (mode === "--clean") {
  rmSync(path.join(dist, "src"), { recursive: true, force: true });
  rmSync(path.join(dist, "scripts"), { recursive: true, force: true });
  rmSync(stamp, { force: true });
  mkdirSync(dist, { recursive: true });
  writeFileSync(started, `${new Date().toISOString()}\n`);
} else if (mode === "--stamp") {
  renameSync(started, stamp);
} else {
  const reason = staleReason();
  if (reason) {
    if (!canBuild()) {
      console.error(`Cannot start: ${reason}, and the build tools (typescript, esbuild, tsx: dev dependencies) are not installed.`);
      console.error("Run `npm install` and `npm run build`, or ship a dist/ built elsewhere.");
      process.exit(1);
    }
    console.log(`[build] ${reason}: running npm run build`);
    const npm = process.env.npm_execpath;
    const result = npm
      ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
      : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
}
