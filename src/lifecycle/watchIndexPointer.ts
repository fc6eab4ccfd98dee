import { watch, type FSWatcher } from "node:fs";

/**
 * Call `onChange` when the CURRENT pointer in an index directory is replaced, i.e. when an
 * `npm run ingest` in another process has swapped in a new version. Debounced because a rename
 * shows up as several watch events. Returns a function that stops watching.
 */
export function watchIndexPointer(indexDir: string, onChange: () => void, debounceMs = 250): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(indexDir, { persistent: false }, (_event, filename) => {
      if (filename !== null && filename !== "CURRENT") return;
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on("error", () => watcher?.close());
  } catch {
    // No index directory to watch (yet): reloads then only happen through /admin/reindex.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
