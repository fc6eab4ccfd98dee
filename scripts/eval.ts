/**
 * `npm run eval -- [--dataset FILE] [--base-url URL] [--k 5] [--report DIR] [--gates FILE] …`:
 * batch evaluation of retrieval and answers. Everything lives in src/evaluation; this file only
 * hands it the process's arguments, environment and streams. `--help` lists the flags.
 */
import { CONFIG_ERROR_EXIT_CODE, ConfigError, loadEnvFile, parseConfig } from "../src/config.js";

loadEnvFile(process.env);
try {
  // Checked before the evaluation and the pipeline load (seconds of LangChain), so a bad variable
  // is reported at once; runEvalCli parses the same environment again and uses it.
  parseConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(CONFIG_ERROR_EXIT_CODE);
}
const [{ runEvalCli }, { openPipeline }] = await Promise.all([import("../src/evaluation/evalCli.js"), import("../src/tutor.js")]);
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
