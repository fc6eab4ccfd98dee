import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import type { PostgresTestServer } from "./postgresServer.js";
import { freePort } from "./freePort.js";

/**
 * A throwaway real PostgreSQL 15 server with pgvector (Debian's postgresql-15 plus a pgvector
 * installed for it; neither Debian nor npm packages pgvector, and this project ships none), for
 * what PGlite cannot show: PGlite serves every connection in ONE session, so advisory locks and
 * LISTEN/NOTIFY between connections are only real here. initdb into a temp dir, pg_ctl start on
 * a free 127.0.0.1 port with its socket in that dir, fsync off (nothing here must survive);
 * stop() shuts it down immediately and deletes the dir. Postgres refuses to run as root, so
 * under root it runs as the `postgres` user the Debian package creates.
 */

const run = promisify(execFile);
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const SERVER_USER = "postgres";

/** Why a real server cannot be started here, or undefined when it can. */
export function realPostgresMissing(): string | undefined {
  if (!existsSync(path.join(PG_BIN, "initdb"))) return `no PostgreSQL server at ${PG_BIN} (apt-get install postgresql-15)`;
  const sharedir = spawnSync(path.join(PG_BIN, "pg_config"), ["--sharedir"], { encoding: "utf8" });
  if (sharedir.status !== 0) return `no pg_config at ${PG_BIN} (apt-get install postgresql-server-dev-15)`;
  if (!existsSync(path.join(sharedir.stdout.trim(), "extension/vector.control")))
    return "pgvector is not installed for PostgreSQL 15 (no Debian or npm package has it: install it from its own releases)";
  if (isRoot() && spawnSync("id", ["-u", SERVER_USER], { stdio: "ignore" }).status !== 0)
    return `running as root and there is no "${SERVER_USER}" user to run the server as`;
  return undefined;
}

const missing = realPostgresMissing();

/**
 * Whether tests that need the real server run: for `describe.skipIf(!realPostgresTestsRun(name))`.
 * Skipped with the reason wherever PostgreSQL 15 with pgvector is missing, CI included: no
 * package this project may install provides pgvector, so its absence is the machine's, not a
 * broken `.ci/run`. PGlite (tests/support/postgresServer.ts) runs the rest of the store's tests
 * everywhere.
 */
export function realPostgresTestsRun(name: string): boolean {
  if (missing === undefined) return true;
  console.warn(`[skipped] "${name}": ${missing}.`);
  return false;
}

function isRoot(): boolean {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

/** Run a server binary, as the postgres user when we are root. */
async function asServerUser(binary: string, args: string[]): Promise<void> {
  const file = path.join(PG_BIN, binary);
  if (isRoot()) await run("runuser", ["-u", SERVER_USER, "--", file, ...args], { timeout: 120_000 });
  else await run(file, args, { timeout: 120_000 });
}

/** `settings`: extra server settings (name → value), e.g. memory for a benchmark. */
export async function startRealPostgres(options: { settings?: Record<string, string> } = {}): Promise<PostgresTestServer> {
  if (missing !== undefined) throw new Error(`cannot start a real PostgreSQL: ${missing}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "tutor-pg-"));
  if (isRoot()) {
    await run("chown", [SERVER_USER, dir]);
    await chmod(dir, 0o700);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  try {
    await asServerUser("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions"]);
    const settings = {
      listen_addresses: "127.0.0.1",
      fsync: "off",
      synchronous_commit: "off",
      full_page_writes: "off",
      ...options.settings,
    };
    const serverOptions = [`-p ${port}`, `-k ${dir}`, ...Object.entries(settings).map(([name, value]) => `-c ${name}=${value}`)].join(" ");
    await asServerUser("pg_ctl", ["-D", data, "-o", serverOptions, "-l", path.join(dir, "server.log"), "-w", "-t", "120", "start"]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL in ${dir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    await asServerUser("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 30_000 });
    await client.connect();
    await client.query("CREATE EXTENSION IF NOT EXISTS vector");
    await client.end();
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop };
}
