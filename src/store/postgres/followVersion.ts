import pg from "pg";
import { VERSION_CHANNEL } from "./writeVersion.js";

export interface FollowOptions {
  pool: pg.Pool;
  databaseUrl: string;
  /** Poll interval: the bound on how long a replica can miss a flip when NOTIFY is lost. */
  pollMs: number;
  /** Deadline for connecting the listener. */
  connectTimeoutMs: number;
  /**
   * Called with the live version whenever it may have changed (the caller ignores repeats), and
   * with how it was learnt: a flip's NOTIFY, or the poll that bounds a lost one.
   */
  onVersion: (version: string, via: "notify" | "poll") => void;
  /** Called each time the listener is connected and LISTENing (after a reconnect too). */
  onListening?: () => void;
  onError?: (error: unknown) => void;
}

/**
 * Follow current_version: LISTEN on a dedicated connection for the flip's NOTIFY (instant), and
 * poll the row every `pollMs` as well, because a notification is lost while the listening
 * connection is down (restart, failover, a proxy in transaction-pooling mode that does not
 * support LISTEN). The listener reconnects on the next poll after it drops. Returns stop().
 */
export function followVersion(options: FollowOptions): () => void {
  let stopped = false;
  let listener: pg.Client | undefined;
  let connecting = false;

  const poll = async () => {
    try {
      const result = await options.pool.query<{ version: string }>("SELECT version::text AS version FROM current_version");
      const version = result.rows[0]?.version;
      if (version !== undefined && !stopped) options.onVersion(version, "poll");
    } catch (error) {
      options.onError?.(error);
    }
  };

  const listen = async () => {
    if (listener || connecting || stopped) return;
    connecting = true;
    const client = new pg.Client({
      connectionString: options.databaseUrl,
      connectionTimeoutMillis: options.connectTimeoutMs,
      application_name: "roadmap-tutor-listen",
    });
    client.on("error", (error) => {
      options.onError?.(error);
      if (listener === client) listener = undefined;
      client.end().catch(() => {});
    });
    client.on("notification", (message) => {
      if (message.channel === VERSION_CHANNEL && message.payload && !stopped) options.onVersion(message.payload, "notify");
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${VERSION_CHANNEL}`);
      if (stopped) await client.end();
      else {
        listener = client;
        options.onListening?.();
      }
    } catch (error) {
      options.onError?.(error);
      await client.end().catch(() => {});
    } finally {
      connecting = false;
    }
  };

  const timer = setInterval(() => {
    void listen();
    void poll();
  }, options.pollMs);
  timer.unref();
  void listen();

  return () => {
    stopped = true;
    clearInterval(timer);
    listener?.end().catch(() => {});
    listener = undefined;
  };
}
