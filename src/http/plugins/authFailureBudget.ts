/**
 * Counts failed key checks per client address in a fixed window, so keys cannot be guessed at
 * line speed: past `max` failures the address gets 429 until its window ends. Bounded: the
 * oldest addresses are forgotten first when `capacity` is reached (a flood of addresses cannot
 * grow memory without limit).
 */
export class AuthFailureBudget {
  private readonly entries = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly capacity = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the address may try again, or undefined when it still has budget. */
  blockedFor(address: string): number | undefined {
    const entry = this.live(address);
    if (!entry || entry.failures < this.max) return undefined;
    return Math.max(1, Math.ceil((entry.resetAt - this.now()) / 1000));
  }

  recordFailure(address: string): void {
    const entry = this.live(address);
    if (entry) {
      entry.failures += 1;
      return;
    }
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(address, { failures: 1, resetAt: this.now() + this.windowMs });
  }

  private live(address: string) {
    const entry = this.entries.get(address);
    if (entry && entry.resetAt <= this.now()) {
      this.entries.delete(address);
      return undefined;
    }
    return entry;
  }
}
