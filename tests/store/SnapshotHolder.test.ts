import { describe, expect, it } from "vitest";
import { IndexNotReady } from "../../src/errors.js";
import { embeddedSnapshot } from "../../src/store/embedded/embeddedSnapshot.js";
import { SnapshotHolder } from "../../src/store/SnapshotHolder.js";
import { useBundledTestIndex } from "../support/buildTestIndex.js";

const built = useBundledTestIndex();

describe("SnapshotHolder", () => {
  it("throws IndexNotReady until a snapshot is swapped in, then serves the latest", () => {
    const holder = new SnapshotHolder();
    expect(() => holder.current()).toThrow(IndexNotReady);
    expect(holder.tryCurrent()).toBeUndefined();
    const first = embeddedSnapshot(built().index);
    const second = embeddedSnapshot(built().index);
    expect(holder.swap(first)).toBeUndefined();
    expect(holder.current()).toBe(first);
    expect(holder.swap(second)).toBe(first);
    expect(holder.tryCurrent()).toBe(second);
  });
});
