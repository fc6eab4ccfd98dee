/**
 * Child process: the real product (openTutor + buildApp, as `npm start` wires it) listening on
 * 127.0.0.1 with an ephemeral port. argv[2] is the environment for parseConfig as JSON.
 * Sends {type:"ready", port}; answers {type:"stats"} with its CPU and memory use.
 */
import { buildTutorApp } from "../../src/app.js";
import { parseConfig } from "../../src/config.js";
import { openTutor } from "../../src/tutor.js";
import { serveFromChild } from "./serveFromChild.js";

serveFromChild(async () => {
  const config = parseConfig(JSON.parse(process.argv[2] ?? "{}") as Record<string, string>);
  return buildTutorApp(await openTutor(config, { buildIfMissing: true }));
});
