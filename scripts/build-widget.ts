import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { buildWidgetBundle, widgetPathsUnder } from "../src/http/pages/widgetBundle.js";

/** `npm run build:widget`: bundle src/widget into dist/widget/widget.js and report its size. */
async function main(): Promise<void> {
  const paths = widgetPathsUnder(process.cwd());
  const { bytes } = await buildWidgetBundle(paths);
  const gzipped = gzipSync(await readFile(paths.outFile), { level: 9 }).length;
  console.log(`${path.relative(process.cwd(), paths.outFile)}: ${(bytes / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
