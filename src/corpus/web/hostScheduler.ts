import { setTimeout as sleep } from "node:timers/promises";

interface HostState {
  active: number;
  nextStartAt: number;
  delayMs: number;
  waiters: Array<() => void>;
}

/**
 * Politeness gate: at most `perHost` requests in flight to one host, their starts spaced by
 * the host's delay, and at most `total` in flight overall. One instance per ingest run.
 */
export class HostScheduler {
  private readonly hosts = new Map<string, HostState>();
  private totalActive = 0;
  private readonly totalWaiters: Array<() => void> = [];

  constructor(
    private readonly perHost: number,
    private readonly defaultDelayMs: number,
    private readonly total: number,
  ) {}

  /** Raise a host's delay (robots.txt Crawl-delay); never lowers it below the default. */
  setHostDelay(host: string, delayMs: number): void {
    const state = this.state(host);
    state.delayMs = Math.max(this.defaultDelayMs, delayMs);
  }

  async run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    while (state.active >= this.perHost) await new Promise<void>((resolve) => state.waiters.push(resolve));
    state.active += 1;
    try {
      const now = Date.now();
      const startAt = Math.max(now, state.nextStartAt);
      state.nextStartAt = startAt + state.delayMs;
      if (startAt > now) await sleep(startAt - now);
      while (this.totalActive >= this.total) await new Promise<void>((resolve) => this.totalWaiters.push(resolve));
      this.totalActive += 1;
      try {
        return await task();
      } finally {
        this.totalActive -= 1;
        this.totalWaiters.shift()?.();
      }
    } finally {
      state.active -= 1;
      state.waiters.shift()?.();
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, nextStartAt: 0, delayMs: this.defaultDelayMs, waiters: [] };
      this.hosts.set(host, state);
    }
    return state;
  }
}
