/**
 * A real ingest into Postgres that stops itself in the middle of writing its version (inside
 * the version's transaction, after the chunks are inserted) and says so on stdout, so a test can
 * SIGKILL it there. Run: node ingestChild.js DATABASE_URL CORPUS_DIR (from the run's build, tests/support/childBuild.ts)
 */
import { writeSync } from "node:fs";
import { ingestCorpus } from "../../../src/ingest/ingestCorpus.js";
import { localEmbedder, testPostgresStore } from "./storeTestSupport.js";

const [url, corpusDir] = process.argv.slice(2);
const store = testPostgresStore(url!);
await ingestCorpus({
  corpusDir: corpusDir!,
  indexDir: "unused",
  ...localEmbedder(),
  maxFileBytes: 2_000_000,
  batchSize: 64,
  writer: store.writer()!,
  onProgress: (progress) => {
    if (progress.phase === "write" && progress.message === "lexical terms") {
      writeSync(1, "WRITING\n");
      // Hold the transaction open, as a process that dies mid-write would, until killed.
      for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1_000);
    }
  },
});
writeSync(1, "DONE\n");
process.exit(0);
