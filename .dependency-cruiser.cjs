// Import directions between the pipeline stages: the rules ARCHITECTURE.md describes, checked
// by `npm run lint:boundaries` in CI. Type-only imports count (tsPreCompilationDeps), because a
// type pointing the wrong way is still a wrong-way dependency.
//
// The data's path, lowest first. A stage may import itself and any stage of LOWER rank, never
// one of the same or a higher rank. `text` is the floor: everything may use it, it uses nothing.
// Stages that do not exist yet (store/ from LAYOUT.md) are listed so the rules hold the day they
// appear.
const STAGES = [
  ["text", 0],
  ["corpus", 1],
  ["chunking", 2],
  ["embeddings", 3],
  ["index", 4],
  ["ingest", 5],
  // What the composition root runs over time (live index holder, background rebuild, pointer
  // watch): above ingest and index, which it drives; http reads its types, so it ranks below http.
  ["lifecycle", 6],
  // The store seam (issue 17): over the file index (its default implementation, followed through
  // lifecycle's pointer watch) and under everything that reads the index.
  ["store", 7],
  ["retrieval", 8],
  ["answering", 9],
  ["evaluation", 10],
  ["http", 10],
];

/** Every stage at or above `rank`, except `self`, as one path alternation. */
const atOrAbove = (rank, self) =>
  STAGES.filter(([name, r]) => r >= rank && name !== self)
    .map(([name]) => name)
    .join("|");

const stageRules = STAGES.map(([name, rank]) => ({
  name: `stage-${name}-imports-down-only`,
  comment: `src/${name}/ may import only lower stages (see ARCHITECTURE.md, "Import directions").`,
  severity: "error",
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${atOrAbove(rank, name)}|widget)/` },
  // Browser scripts that the roadmap pages serve (src/http/pages/*/client/) share the learner's
  // progress store with the widget: both are browser code, bundled by esbuild, never server code.
  ...(name === "http" ? { to: { path: `^src/(${atOrAbove(rank, name)}|widget)/`, pathNot: "^src/widget/roadmapProgress\\.ts$" } } : {}),
}));

const BELOW_ROOT = `^src/(${STAGES.map(([name]) => name).join("|")})/`;

module.exports = {
  forbidden: [
    ...stageRules,
    {
      name: "stages-do-not-import-the-composition-root",
      comment: "Only server.ts, app.ts, tutor.ts and scripts/ see both ends of the pipeline.",
      severity: "error",
      from: { path: BELOW_ROOT },
      to: { path: "^src/(tutor|app|server)\\.ts$" },
    },
    {
      name: "shared-kernel-imports-no-stage",
      comment: "config.ts, errors.ts and upstreamErrors.ts are imported by every stage, so they import none.",
      severity: "error",
      from: { path: "^src/(config|errors|upstreamErrors)\\.ts$" },
      to: { path: "^src/(?!(config|errors|upstreamErrors)\\.ts$)" },
    },
    {
      name: "no-fastify-below-http",
      comment: "Only src/http/, app.ts and server.ts know the web framework.",
      severity: "error",
      from: { path: BELOW_ROOT, pathNot: "^src/http/" },
      to: { path: "node_modules/(fastify|@fastify/|fastify-)" },
    },
    {
      name: "widget-imports-only-itself-and-the-contract",
      comment:
        "The widget is browser code bundled on its own: it may import its own files and the HTTP " +
        "contract types (src/http/contract/), nothing else (no server code, no npm packages); " +
        "src/text/plainPreview.ts is a dependency-free pure function shared with the /v1 Sources labels.",
      severity: "error",
      from: { path: "^src/widget/" },
      to: { pathNot: "^src/(widget/|http/contract/[^/]+\\.ts$|text/plainPreview\\.ts$)" },
    },
    {
      name: "only-the-store-knows-which-store-runs",
      comment:
        "Retrieval, answering, evaluation and HTTP read the index through src/store/types.ts (issue 17): " +
        "they may not import the file index (src/index) or a store implementation (src/store/embedded, " +
        "src/store/postgres); the composition root (src/tutor.ts, openStore) picks the store.",
      severity: "error",
      from: { path: "^src/(retrieval|answering|evaluation|http)/" },
      to: { path: "^src/(index/|store/(embedded|postgres)/)" },
    },
    {
      name: "no-pglite-in-production",
      comment: "PGlite (Postgres in WASM) only serves tests (tests/support/postgresServer.ts); the product reaches Postgres through pg.",
      severity: "error",
      from: { path: "^(src|scripts)/" },
      to: { path: "node_modules/@electric-sql/" },
    },
    {
      name: "src-does-not-import-tests-or-scripts",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(tests|scripts)/" },
    },
    {
      name: "no-circular",
      comment:
        "A cycle between files makes load order matter (a module may read an import that is not " +
        "initialised yet). Type-only cycles are ignored.",
      severity: "error",
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ["type-only"] } },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
