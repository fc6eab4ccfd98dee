/**
 * `npm run eval -- [--dataset FILE] [--base-url URL] [--k 5] [--report DIR] [--gates FILE] …`:
 * batch evaluation of retrieval and answers. Everything lives in src/evaluation; this file only
 * hands it the process's arguments, environment and streams. `--help` lists the flags.
 */
import { loadEnvFile } from "../src/config.js";
import { runEvalCli } from "../src/evaluation/evalCli.js";
import { openPipeline } from "../src/tutor.js";

loadEnvFile(process.env);
runEvalCli({
  argv: process.argv.slice(2),
  openProduct: openPipeline,
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  tty: Boolean(process.stderr.isTTY),
}).then(
  // Exit explicitly: a model client's keep-alive sockets must not keep a finished run waiting.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
