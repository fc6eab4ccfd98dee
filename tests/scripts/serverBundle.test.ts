import { execFile } from "node:child_process";
import { mkdtemp, mkdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bundleServer, modulesReadingDirname } from "../../scripts/serverBundle.js";

/** scripts/serverBundle.ts over a hand-made compiled tree in a temporary folder (never dist/). */
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "server-bundle-"));
  await mkdir(join(dir, "lib"));
  await writeFile(
    join(dir, "server.js"),
    [
      'import path from "node:path";',
      'import { first } from "./lib/first.js";',
      "// Imported on demand, as server.js imports app.js and tutor.js once the config is read.",
      'const { later } = await import("./lib/later.js");',
      "console.log(JSON.stringify({ first, later, sep: path.sep }));",
    ].join("\n"),
  );
  await writeFile(
    join(dir, "lib", "first.js"),
    'import table from "./table.json" with { type: "json" };\nexport const first = table.value;\n',
  );
  await writeFile(
    join(dir, "lib", "later.js"),
    'import table from "./table.json" with { type: "json" };\nexport const later = `${table.value}, later`;\n',
  );
  await writeFile(join(dir, "lib", "table.json"), '{ "value": "from the table" }\n');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("bundleServer", () => {
  it("writes the entry over itself with our modules inside and runs as before", async () => {
    const { files, modules } = await bundleServer(dir);
    expect(modules).toBe(3);
    const server = await readFile(join(dir, "server.js"), "utf8");
    // Our modules are inside; packages and Node's builtins are still imported by name.
    expect(server).not.toContain("./lib/first.js");
    expect(server).toContain('from "node:path"');
    // The on-demand import is a chunk beside the entry, not part of the entry.
    const chunks = files.filter((file) => /^server-chunk-\w+\.js$/.test(file));
    expect(chunks.length).toBeGreaterThan(0);
    expect(server).toMatch(/import\("\.\/server-chunk-\w+\.js"\)/);
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "server.js")]);
    expect(JSON.parse(stdout)).toEqual({ first: "from the table", later: "from the table, later", sep: "/" });
  });

  it("keeps JSON tables outside the bundle, read from where they were, with their import attribute", async () => {
    const { files } = await bundleServer(dir);
    const code = (await Promise.all(files.filter((file) => file.endsWith(".js")).map((file) => readFile(join(dir, file), "utf8")))).join(
      "\n",
    );
    expect(code).not.toContain("from the table");
    expect(code).toContain('from "./lib/table.json" with { type: "json" };');
  });

  it("never leaves a JSON import Node would refuse: it keeps the attribute or refuses to bundle", async () => {
    // A re-export of a table: esbuild writes it as an import the fix-up reads when it targets Node 24,
    // and in a form the fix-up does not read when it targets Node 20. Either way the server must run
    // as before, or the build must stop with the reason.
    await writeFile(join(dir, "lib", "first.js"), 'export { default as first } from "./table.json" with { type: "json" };\n');
    const outcome = await bundleServer(dir).then(
      () => undefined,
      (error: unknown) => error,
    );
    if (outcome !== undefined) {
      expect(outcome instanceof Error ? outcome.message : outcome).toMatch(/JSON import/);
      return;
    }
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "server.js")]);
    expect(JSON.parse(stdout).first).toEqual({ value: "from the table" });
  });

  it("bundles zod (English messages only) and the package that shares it, and imports every other package by name", async () => {
    await symlink(resolve("node_modules"), join(dir, "node_modules"), "dir");
    await writeFile(
      join(dir, "server.js"),
      [
        'import { stemmer } from "stemmer";',
        'import { z } from "zod";',
        'import { validatorCompiler } from "fastify-type-provider-zod";',
        "const result = z.object({ n: z.number() }).safeParse({ n: 'x' });",
        "console.log(JSON.stringify({ message: result.error.issues[0].message, plugin: typeof stemmer, compiler: typeof validatorCompiler }));",
      ].join("\n"),
    );
    const { files } = await bundleServer(dir);
    const code = (await Promise.all(files.filter((file) => file.endsWith(".js")).map((file) => readFile(join(dir, file), "utf8")))).join(
      "\n",
    );
    expect(code).toContain('from "stemmer"');
    expect(code).not.toMatch(/from "(zod|fastify-type-provider-zod)[/"]/);
    // zod's other locales (German here) are left out; its English messages are in.
    expect(code).not.toContain("Ungültige Eingabe");
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "server.js")]);
    expect(JSON.parse(stdout)).toEqual({
      message: "Invalid input: expected number, received string",
      plugin: "function",
      compiler: "function",
    });
  });

  it("bundles Fastify and its plugins with what they require at load; what they require on demand is loaded by name", async () => {
    await symlink(resolve("node_modules"), join(dir, "node_modules"), "dir");
    await writeFile(
      join(dir, "server.js"),
      [
        'import Fastify from "fastify";',
        'import fp from "fastify-plugin";',
        'import cors from "@fastify/cors";',
        'import { createRequire } from "node:module";',
        "const app = Fastify({ logger: { level: 'silent' } });",
        "await app.register(cors, { origin: 'https://example.org' });",
        "await app.register(fp(async (instance) => instance.decorate('answer', 42)));",
        "app.get('/', async () => ({ answer: app.answer }));",
        // inject loads light-my-request, which stays outside the bundle.
        "const reply = await app.inject({ url: '/', headers: { origin: 'https://example.org' } });",
        "const loaded = Object.keys(createRequire(import.meta.url).cache).map((file) => file.split('node_modules/').pop().split('/').slice(0, file.includes('node_modules/@') ? 2 : 1).join('/'));",
        "console.log(JSON.stringify({ body: reply.json(), cors: reply.headers['access-control-allow-origin'], loaded: [...new Set(loaded)].sort() }));",
      ].join("\n"),
    );
    const { files } = await bundleServer(dir);
    const code = (await Promise.all(files.filter((file) => file.endsWith(".js")).map((file) => readFile(join(dir, file), "utf8")))).join(
      "\n",
    );
    expect(code).not.toMatch(/from "(fastify|fastify-plugin|@fastify\/cors)"/);
    // Fastify's own modules and what it requires at load (avvio, pino, find-my-way, semver) are inside.
    for (const module of ["fastify/fastify.js", "avvio/index.js", "pino/pino.js", "find-my-way/index.js", "semver/"])
      expect(code).toContain(`node_modules/${module}`);
    // What it requires on demand is not: inject's light-my-request, the JSON-schema compilers.
    expect(code).not.toContain("node_modules/light-my-request/");
    expect(code).not.toContain("node_modules/ajv/");
    expect(code).toContain('__require("light-my-request")');
    const { stdout } = await promisify(execFile)(process.execPath, [join(dir, "server.js")]);
    const result = JSON.parse(stdout) as { body: unknown; cors: string; loaded: string[] };
    expect(result.body).toEqual({ answer: 42 });
    expect(result.cors).toBe("https://example.org");
    // At run time only packages left outside were loaded by name.
    expect(result.loaded).toContain("light-my-request");
    for (const bundled of ["fastify", "avvio", "pino", "semver", "find-my-way", "@fastify/cors", "@fastify/error", "fastify-plugin"])
      expect(result.loaded).not.toContain(bundled);
  });
});

describe("modulesReadingDirname", () => {
  it("names the bundled modules whose code reads __dirname or __filename, which an ES module lacks", () => {
    const code = [
      "// node_modules/a/index.js",
      "const here = join(__dirname, 'x');",
      "// node_modules/b/index.js",
      "const dirnameOfB = 1; // a name that only contains the word",
      "// node_modules/c/lib.js",
      "module.exports = __filename;",
    ].join("\n");
    expect(modulesReadingDirname(code)).toEqual(["node_modules/a/index.js", "node_modules/c/lib.js"]);
  });
});
