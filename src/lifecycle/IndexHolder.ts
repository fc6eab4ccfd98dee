import { IndexNotReady } from "../errors.js";
import type { LoadedIndex } from "../index/types.js";

/**
 * The live index of one server. Requests read it once and keep that object for their whole
 * life, so swap() (after a reload or rebuild) never changes the index under a running request.
 * An instance is passed to whoever needs it; there is no global.
 */
export class IndexHolder {
  private live: LoadedIndex | undefined;

  constructor(initial?: LoadedIndex) {
    this.live = initial;
  }

  /** The live index; IndexNotReady when none has been loaded. */
  current(): LoadedIndex {
    if (!this.live) throw new IndexNotReady("The index is not loaded yet.");
    return this.live;
  }

  tryCurrent(): LoadedIndex | undefined {
    return this.live;
  }

  /** Make `next` the live index; returns the one it replaced. */
  swap(next: LoadedIndex): LoadedIndex | undefined {
    const previous = this.live;
    this.live = next;
    return previous;
  }
}
