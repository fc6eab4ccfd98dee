import { readFileSync } from "node:fs";

/** The JSON objects of a JSON-lines file (blank lines skipped); a line that is not JSON goes to `fail` with its place. */
export function readJsonLines<T>(path: string, fail: (message: string) => never): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        return fail(`${path}:${i + 1} is not JSON`);
      }
    });
}
