import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/** Total bytes of the regular files under dir (symlinks not followed). */
export async function diskUsage(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += await diskUsage(full);
    else if (entry.isFile()) total += (await stat(full)).size;
  }
  return total;
}
