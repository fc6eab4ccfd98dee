import type { IngestSummary } from "../ingest/types.js";

export type ReindexState =
  | { state: "idle" }
  | { state: "running"; startedAt: string }
  | { state: "succeeded"; startedAt: string; finishedAt: string; summary: ReindexSummary }
  | { state: "failed"; startedAt: string; finishedAt: string; error: string };

/** The parts of an ingest summary worth reporting over HTTP (no file system paths). */
export interface ReindexSummary {
  documents: number;
  chunks: number;
  embeddedChunks: number;
  cachedChunks: number;
  seconds: number;
  skipped: number;
  warnings: number;
}

/**
 * Runs one rebuild at a time in the background. The rebuild writes a new index version and the
 * caller swaps it in only on success, so queries keep running on the old index throughout and a
 * failed rebuild changes nothing but this status.
 */
export class BackgroundReindex {
  private status: ReindexState = { state: "idle" };
  private running: Promise<void> | undefined;

  constructor(
    private readonly rebuild: () => Promise<IngestSummary>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  current(): ReindexState {
    return this.status;
  }

  /** Start a rebuild; false when one is already running. */
  start(): boolean {
    if (this.running) return false;
    const startedAt = this.now().toISOString();
    this.status = { state: "running", startedAt };
    this.running = this.rebuild()
      .then(
        (summary) => {
          this.status = {
            state: "succeeded",
            startedAt,
            finishedAt: this.now().toISOString(),
            summary: {
              documents: summary.documents,
              chunks: summary.chunks,
              embeddedChunks: summary.embeddedChunks,
              cachedChunks: summary.cachedChunks,
              seconds: summary.seconds,
              skipped: summary.skipped.length,
              warnings: summary.warnings.length,
            },
          };
        },
        (error: unknown) => {
          this.status = {
            state: "failed",
            startedAt,
            finishedAt: this.now().toISOString(),
            error: error instanceof Error ? error.message : String(error),
          };
        },
      )
      .finally(() => {
        this.running = undefined;
      });
    return true;
  }

  /** Resolves when the running rebuild (if any) has finished. */
  async settled(): Promise<void> {
    await this.running;
  }
}
