import path from "node:path";
import { bundleServer } from "./serverBundle.js";

/** The last step of `npm run build`: dist/src/server.js and what it imports as one bundle (scripts/serverBundle.ts). */
async function main(): Promise<void> {
  const { files, modules } = await bundleServer(path.resolve("dist/src"));
  console.log(`dist/src/server.js: ${modules} modules bundled into ${files.filter((file) => file.endsWith(".js")).length} files`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
