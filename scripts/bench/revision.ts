import { execFileSync } from "node:child_process";

/** Which version of the product was measured: the git commit and whether the tree had local changes. */
export interface Revision {
  commit: string | null;
  dirty: boolean | null;
}

export function describeRevision(): Revision {
  try {
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const status = execFileSync("git", ["status", "--porcelain", "--", "src"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    return { commit, dirty: status.trim() !== "" };
  } catch {
    // Not a git checkout (a release tarball): the numbers still stand, unversioned.
    return { commit: null, dirty: null };
  }
}
