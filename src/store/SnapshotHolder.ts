import { IndexNotReady } from "../errors.js";
import type { IndexSnapshot, SnapshotSource } from "./types.js";

/**
 * The live index snapshot of one process. Requests read it once and keep that object for their
 * whole life, so swap() (after a flip, a reload or a rebuild) never changes the index under a
 * running request: the swap is one assignment, atomic for every reader.
 */
export class SnapshotHolder implements SnapshotSource {
  private live: IndexSnapshot | undefined;

  current(): IndexSnapshot {
    if (!this.live) throw new IndexNotReady("The index is not loaded yet.");
    return this.live;
  }

  tryCurrent(): IndexSnapshot | undefined {
    return this.live;
  }

  /** Make `next` the live snapshot; returns the one it replaced. */
  swap(next: IndexSnapshot): IndexSnapshot | undefined {
    const previous = this.live;
    this.live = next;
    return previous;
  }
}
