/**
 * Loaded with `node --import` into a real `npm run ingest` child: every file opened for writing
 * under $TEST_DISK_FULL_DIR fails its writes with ENOSPC, as on a full disk. Test-only; the
 * product never reads this variable.
 */
import fs from "node:fs";
import fsp from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import path from "node:path";

const full = path.resolve(process.env.TEST_DISK_FULL_DIR ?? "/nonexistent");
const realOpen = fsp.open;

function enospc(file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), {
    code: "ENOSPC",
    errno: -28,
    syscall: "write",
    path: file,
  });
}

fsp.open = async (file: fs.PathLike, flags?: string | number, mode?: fs.Mode) => {
  const handle = await realOpen(file, flags, mode);
  const target = path.resolve(String(file));
  if (typeof flags === "string" && /[wa]/.test(flags) && target.startsWith(`${full}${path.sep}`)) {
    handle.writeFile = async () => {
      throw enospc(target);
    };
    handle.write = async () => {
      throw enospc(target);
    };
  }
  return handle;
};
syncBuiltinESMExports();
