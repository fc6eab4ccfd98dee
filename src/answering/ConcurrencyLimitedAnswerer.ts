import { Overloaded } from "../errors.js";
import type { AnswerEvent, AnswerRequest, AnswerResult, Answerer } from "./types.js";

export interface ConcurrencyLimits {
  /** Model calls allowed at once. */
  concurrency: number;
  /** Requests allowed to wait for a slot; beyond that they are refused at once. */
  queue: number;
  /** Suggested Retry-After for refused requests. */
  retryAfterSeconds?: number;
}

/**
 * Caps concurrent model-backed answers with a short FIFO queue. A model server that is slow or
 * rate-limited would otherwise collect an unbounded pile of waiting requests that all time out
 * together; refusing early with 503 + Retry-After keeps the answers that do run fast.
 */
export class ConcurrencyLimitedAnswerer implements Answerer {
  readonly mode;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly inner: Answerer,
    private readonly limits: ConcurrencyLimits,
  ) {
    this.mode = inner.mode;
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  async answer(request: AnswerRequest): Promise<AnswerResult> {
    const release = await this.acquire(request.signal);
    try {
      return await this.inner.answer(request);
    } finally {
      release();
    }
  }

  async *stream(request: AnswerRequest): AsyncIterable<AnswerEvent> {
    const release = await this.acquire(request.signal);
    try {
      yield* this.inner.stream(request);
    } finally {
      release();
    }
  }

  private async acquire(signal: AbortSignal | undefined): Promise<() => void> {
    if (this.running < this.limits.concurrency) {
      this.running++;
      return this.releaser();
    }
    if (this.waiting.length >= this.limits.queue) {
      throw new Overloaded("Too many questions are being answered right now; please retry shortly.", this.limits.retryAfterSeconds ?? 2);
    }
    await new Promise<void>((resolve, reject) => {
      const wake = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(wake);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(wake);
    });
    // The slot was handed over by the releaser: `running` already counts us.
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
