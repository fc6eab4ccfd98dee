import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Benchmarks that must not share an event loop (servers under load) or whose peak memory we
 * read (scale runs) run in child processes: TypeScript files loaded through tsx, or (servers
 * whose throughput is measured) the same files built to dist/, as `npm start` runs the product.
 */

/** A sibling module of this folder, with the extension this file itself was loaded with. */
export function siblingScript(name: string): string {
  const self = fileURLToPath(import.meta.url);
  const extension = self.endsWith(".js") ? ".js" : ".ts";
  return fileURLToPath(new URL(`./${name}${extension}`, import.meta.url));
}

export interface ChildHandle<Message> {
  child: ChildProcess;
  /** Resolves with the next IPC message, rejects if the child exits or times out first. */
  next(timeoutMs: number): Promise<Message>;
  /** Asks the child to stop (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * This folder's module as built to dist/ by `npm run build` (call buildIfStale first): plain
 * JavaScript under node, no TypeScript loader in the process being measured.
 */
export function builtScript(name: string): string {
  return path.resolve("dist/scripts/bench", `${name}.js`);
}

export function forkScript<Message>(
  name: string,
  args: string[] = [],
  env: Record<string, string> = {},
  options: { built?: boolean } = {},
): ChildHandle<Message> {
  const script = options.built ? builtScript(name) : siblingScript(name);
  const execArgv = script.endsWith(".ts") ? ["--import", import.meta.resolve("tsx")] : [];
  const child = fork(script, args, {
    execArgv,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  const queue: Message[] = [];
  const waiters: { resolve: (m: Message) => void; reject: (e: Error) => void }[] = [];
  let exited: Error | undefined;
  child.on("message", (message) => {
    const waiter = waiters.shift();
    if (waiter) waiter.resolve(message as Message);
    else queue.push(message as Message);
  });
  const exitPromise = new Promise<void>((resolve) => {
    child.on("exit", (code, signal) => {
      exited = new Error(`${name} exited (code ${String(code)}, signal ${String(signal)})${stderr ? `:\n${stderr.trim()}` : ""}`);
      for (const waiter of waiters.splice(0)) waiter.reject(exited);
      resolve();
    });
  });

  return {
    child,
    next(timeoutMs) {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (exited) return Promise.reject(exited);
      return new Promise<Message>((resolve, reject) => {
        const waiter = {
          resolve: (m: Message) => {
            clearTimeout(timer);
            resolve(m);
          },
          reject: (e: Error) => {
            clearTimeout(timer);
            reject(e);
          },
        };
        const timer = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`${name} sent nothing within ${timeoutMs} ms${stderr ? `:\n${stderr.trim()}` : ""}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exitPromise;
    },
  };
}

/** For the child side: send a message to the parent and wait until it is flushed. */
export function sendToParent(message: unknown): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) {
      reject(new Error("not started as a child process with IPC"));
      return;
    }
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}
