import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";

/**
 * Who a process really is, beyond its pid: pids are reused (after kill -9, and in every
 * container restart the server is pid 1 again), so a lock records the boot it was taken in and
 * its owner's start time, and is honoured only while a process with that pid *and* that start
 * time runs in this boot.
 */

const run = promisify(execFile);

let bootIdCache: string | null | undefined;

/** This boot's id on Linux (changes on every reboot); undefined elsewhere. */
export function currentBootId(): string | undefined {
  if (bootIdCache === undefined) {
    try {
      bootIdCache = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim() || null;
    } catch {
      bootIdCache = null;
    }
  }
  return bootIdCache ?? undefined;
}

/**
 * The process's start time in clock ticks since boot (field 22 of /proc/<pid>/stat), as text;
 * undefined without procfs or when the process does not exist. Exact, unlike wall-clock times.
 */
export function processStartTicks(pid: number): string | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may itself hold spaces or ")": split after the last one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = fields[19]; // field 22 overall; fields[0] is field 3
  return ticks !== undefined && /^\d+$/.test(ticks) ? ticks : undefined;
}

/**
 * Portable fallback (macOS, BSDs, procfs-less containers): when the process started, in epoch
 * ms, from `ps -o etime=` ([[dd-]hh:]mm:ss elapsed), to about a second; undefined when unknown.
 */
export async function processStartedAtMs(pid: number, now = Date.now()): Promise<number | undefined> {
  try {
    const { stdout } = await run("ps", ["-o", "etime=", "-p", String(pid)], { timeout: 2_000 });
    const match = /^\s*(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)\s*$/.exec(stdout);
    if (match === null) return undefined;
    const [, days = "0", hours = "0", minutes = "0", seconds = "0"] = match;
    const elapsed = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds);
    return now - elapsed * 1000;
  } catch {
    return undefined;
  }
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
