/** CPU and memory of the current process, for "where does the time go" notes. */
export interface ProcessStats {
  cpuUserMs: number;
  cpuSystemMs: number;
  rssMB: number;
  /** Peak resident set size since the process started. */
  maxRssMB: number;
}

export function processStats(): ProcessStats {
  const usage = process.resourceUsage();
  return {
    cpuUserMs: Math.round(usage.userCPUTime / 1000),
    cpuSystemMs: Math.round(usage.systemCPUTime / 1000),
    rssMB: Math.round(process.memoryUsage.rss() / 2 ** 20),
    // resourceUsage().maxRSS is in kilobytes.
    maxRssMB: Math.round(usage.maxRSS / 1024),
  };
}
