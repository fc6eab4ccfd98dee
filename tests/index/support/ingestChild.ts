/**
 * A real ingest in a child process, for tests that SIGKILL it half-way. Usage:
 *   node ingestChild.js <corpusDir> <indexDir> <embed|write>   (from the run's build, tests/support/childBuild.ts)
 * "embed": every embedding call takes 50 ms and prints "batch N" (batch size 1).
 * "write": prints "writing" when it reaches the lexical index step, then blocks for 10 s, so the
 * version directory is half written when the parent kills it.
 */
import { Embeddings } from "@langchain/core/embeddings";
import { LocalHashedEmbeddings } from "../../../src/embeddings/LocalHashedEmbeddings.js";
import { ingestCorpus } from "../../../src/ingest/ingestCorpus.js";

const [corpusDir, indexDir, mode] = process.argv.slice(2) as [string, string, "embed" | "write"];

class SlowEmbeddings extends Embeddings {
  private readonly local = new LocalHashedEmbeddings({ dimensions: 64 });
  private calls = 0;
  constructor() {
    super({});
  }
  identity() {
    return this.local.identity();
  }
  async embedDocuments(texts: string[]): Promise<number[][]> {
    if (mode === "embed") {
      await new Promise((resolve) => setTimeout(resolve, 50));
      console.log(`batch ${++this.calls}`);
    }
    return this.local.embedDocuments(texts);
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.local.embedQuery(text);
  }
}

const embeddings = new SlowEmbeddings();
await ingestCorpus({
  corpusDir,
  indexDir,
  embeddings,
  identity: () => embeddings.identity(),
  maxFileBytes: 2_000_000,
  batchSize: 1,
  onProgress: (p) => {
    if (mode === "write" && p.phase === "write" && p.message === "lexical index") {
      console.log("writing");
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
    }
  },
});
console.log("finished");
