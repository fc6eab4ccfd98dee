import { sharedCounterName, type SharedRedis } from "./redis.js";

/**
 * Counts failed key checks per client address in a fixed window, so keys cannot be guessed at
 * line speed: past `max` failures the address gets 429 until its window ends. Bounded: the
 * oldest addresses are forgotten first when `capacity` is reached (a flood of addresses cannot
 * grow memory without limit).
 */
export class AuthFailureBudget implements FailureBudget {
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

/** What the auth plugin asks of a failure budget: in memory (above) or shared (below). */
export interface FailureBudget {
  blockedFor(address: string): number | undefined | Promise<number | undefined>;
  recordFailure(address: string): void | Promise<void>;
}

/** Prefix of every auth-failure counter in Redis. */
export const AUTH_FAILURE_KEY_PREFIX = "tutor:auth-failures:";

// One round trip each. INCR then PEXPIRE on the first failure: a fixed window per address, as
// in memory. The read returns the count and the milliseconds left in one reply.
const RECORD = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;
const READ = `local n = redis.call('GET', KEYS[1])
if not n then return {0, 0} end
return {tonumber(n), redis.call('PTTL', KEYS[1])}`;

interface FailureCommands {
  tutorAuthFailureRecord(key: string, windowMs: number): Promise<number>;
  tutorAuthFailureRead(key: string): Promise<[number, number]>;
}

/**
 * The auth-failure budget in Redis, so a guesser cannot multiply its tries by the number of
 * replicas. Cheap: one small script call per failed or checked key. While Redis does not
 * answer, the in-memory budget of this process takes over (as the rate limits do), so key
 * guessing stays slowed during an outage. Addresses are stored as digests.
 */
export class SharedAuthFailureBudget implements FailureBudget {
  private readonly commands: FailureCommands;

  constructor(
    private readonly redis: SharedRedis,
    private readonly max: number,
    private readonly windowMs: number,
    private readonly fallback: AuthFailureBudget = new AuthFailureBudget(max, windowMs),
  ) {
    const client = redis.client;
    if (!("tutorAuthFailureRecord" in client)) {
      client.defineCommand("tutorAuthFailureRecord", { numberOfKeys: 1, lua: RECORD });
      client.defineCommand("tutorAuthFailureRead", { numberOfKeys: 1, lua: READ });
    }
    this.commands = client as unknown as FailureCommands;
  }

  async blockedFor(address: string): Promise<number | undefined> {
    try {
      const [failures, ttlMs] = await this.commands.tutorAuthFailureRead(this.key(address));
      this.redis.answered();
      if (failures < this.max) return undefined;
      return Math.max(1, Math.ceil(ttlMs / 1000));
    } catch (error) {
      this.redis.failed(error);
      return this.fallback.blockedFor(address);
    }
  }

  async recordFailure(address: string): Promise<void> {
    try {
      await this.commands.tutorAuthFailureRecord(this.key(address), this.windowMs);
      this.redis.answered();
    } catch (error) {
      this.redis.failed(error);
      this.fallback.recordFailure(address);
    }
  }

  private key(address: string): string {
    return AUTH_FAILURE_KEY_PREFIX + sharedCounterName(address);
  }
}
