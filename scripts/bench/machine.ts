import os from "node:os";

/** The machine a result was measured on: numbers mean little without it. */
export interface MachineDescription {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  arch: string;
  osRelease: string;
  /** 1, 5 and 15 minute load averages when the run started: other work on the machine skews every number. */
  loadAverageAtStart: number[];
}

export function describeMachine(): MachineDescription {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    // availableParallelism honours cgroup/affinity limits, which is what a container really gets.
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: os.platform(),
    arch: os.arch(),
    osRelease: os.release(),
    loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
