/**
 * One AbortSignal for everything an answer does (queue wait, condensing, retries, generation):
 * the caller's signal, plus a timer that aborts with a typed error as the reason. Code that sees
 * the signal fire can then tell "the deadline passed" (reason is a TutorError → 504) from "the
 * client went away" (any other reason) without a second channel.
 */
export interface Deadline {
  signal: AbortSignal;
  /** Stop the timer once the work is done, so it neither fires late nor keeps the process alive. */
  clear(): void;
}

export function withDeadline(signal: AbortSignal | undefined, ms: number | undefined, reason: () => Error): Deadline {
  if (ms === undefined || !Number.isFinite(ms)) return { signal: signal ?? new AbortController().signal, clear: () => {} };
  const timer = new AbortController();
  const handle = setTimeout(() => timer.abort(reason()), ms);
  handle.unref?.();
  return {
    signal: signal ? AbortSignal.any([signal, timer.signal]) : timer.signal,
    clear: () => clearTimeout(handle),
  };
}

/** A promise that rejects with the signal's reason when it fires (never resolves otherwise). */
export function abortedBy(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort = () => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
  });
  promise.catch(() => {});
  return { promise, dispose: () => signal.removeEventListener("abort", onAbort) };
}
