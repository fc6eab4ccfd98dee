import { spawn, type ChildProcess } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Overloaded } from "../../src/errors.js";
import { acquireIngestLock } from "../../src/index/ingestLock.js";
import { currentBootId, processStartTicks } from "../../src/index/processIdentity.js";
import { builtFile } from "../support/childBuild.js";

/** The child from the run's build (tests/support/childBuild.ts says why). */
const CHILD = builtFile("tests/index/support/ingestChild.ts");
const OTHER_BOOT = "00000000-0000-4000-8000-000000000000";
/** A deadline for a child that loads the pipeline on a busy machine, not a timing assertion. */
const CHILD_TEST_TIMEOUT_MS = 150_000;

let root: string;
let lockFile: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "ingest-lock-"));
  lockFile = path.join(root, "ingest.lock");
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  await rm(root, { recursive: true, force: true });
});

/** A live process that has nothing to do with ingest: what a reused pid points at. */
function startSleeper(): number {
  const child = spawn("sleep", ["30"], { stdio: "ignore" });
  children.push(child);
  return child.pid!;
}

const writeLock = (record: object) => writeFile(lockFile, JSON.stringify(record));

async function expectTakenOver(): Promise<void> {
  const release = await acquireIngestLock(root);
  expect(JSON.parse(await readFile(lockFile, "utf8"))).toMatchObject({ pid: process.pid });
  await release();
}

describe("ingest lock: a stale lock whose pid now names another live process is taken over", () => {
  it("when the pid was reused by an unrelated process (start time differs)", async () => {
    const pid = startSleeper();
    await writeLock({ pid, startedAt: new Date().toISOString(), bootId: currentBootId(), processStart: "1" });
    await expectTakenOver();
  });

  it("when the pid is the test's own parent, which never took the lock", async () => {
    await writeLock({ pid: process.ppid, startedAt: new Date().toISOString(), bootId: currentBootId(), processStart: "2" });
    await expectTakenOver();
  });

  it("when the lock is from an older version (pid and time only) and the process started after it", async () => {
    const pid = startSleeper();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await writeLock({ pid, startedAt: new Date(Date.now() - 3_600_000).toISOString() });
    await expectTakenOver();
  });

  it("when the lock names this very process, taken in a previous boot (container restart as pid 1)", async () => {
    await writeLock({
      pid: process.pid,
      startedAt: new Date().toISOString(),
      bootId: OTHER_BOOT,
      processStart: processStartTicks(process.pid),
    });
    await expectTakenOver();
  });

  it("when the lock names this process in this boot but this process holds no lock (the server's own pid)", async () => {
    await writeLock({
      pid: process.pid,
      startedAt: new Date().toISOString(),
      bootId: currentBootId(),
      processStart: processStartTicks(process.pid),
    });
    await expectTakenOver();
  });

  it("when a live pid's lock was taken in a previous boot", async () => {
    const pid = startSleeper();
    await writeLock({ pid, startedAt: new Date().toISOString(), bootId: OTHER_BOOT, processStart: processStartTicks(pid) });
    await expectTakenOver();
  });
});

describe("ingest lock: a lock held by a live ingest is respected", () => {
  it("when its owner runs with the recorded pid, boot and start time", async () => {
    const pid = startSleeper();
    await writeLock({ pid, startedAt: new Date().toISOString(), bootId: currentBootId(), processStart: processStartTicks(pid) });
    await expect(acquireIngestLock(root)).rejects.toBeInstanceOf(Overloaded);
  });

  it("within one process", async () => {
    const release = await acquireIngestLock(root);
    await expect(acquireIngestLock(root)).rejects.toThrow(`Another ingest (process ${process.pid})`);
    await release();
    await (
      await acquireIngestLock(root)
    )();
  });

  it(
    "when a real ingest in another process holds it",
    async () => {
      const corpusDir = path.join(root, "corpus");
      await cp(path.resolve("tests/fixtures/index/corpus"), corpusDir, { recursive: true });
      const indexDir = path.join(root, "index");
      const child = spawn(process.execPath, [CHILD, corpusDir, indexDir, "write"], {
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
      await new Promise<void>((resolve, reject) => {
        let output = "";
        child.stdout.on("data", (data: Buffer) => {
          output += data.toString();
          if (output.includes("writing")) resolve();
        });
        child.on("exit", (code) => reject(new Error(`ingest child exited (${code}) before taking the lock: ${output}`)));
      });
      await expect(acquireIngestLock(indexDir)).rejects.toThrow(`Another ingest (process ${child.pid})`);
    },
    CHILD_TEST_TIMEOUT_MS,
  );
});
