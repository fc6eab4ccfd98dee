import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IndexNotReady } from "../../src/errors.js";
import { embeddedSnapshot } from "../../src/store/embedded/embeddedSnapshot.js";
import { SnapshotHolder } from "../../src/store/SnapshotHolder.js";
import { buildTestIndex, type BuiltTestIndex } from "../support/buildTestIndex.js";

let built: BuiltTestIndex;
beforeAll(async () => {
  built = await buildTestIndex();
}, 60_000);
afterAll(async () => {
  await built.cleanup();
});

describe("SnapshotHolder", () => {
  it("throws IndexNotReady until a snapshot is swapped in, then serves the latest", () => {
    const holder = new SnapshotHolder();
    expect(() => holder.current()).toThrow(IndexNotReady);
    expect(holder.tryCurrent()).toBeUndefined();
    const first = embeddedSnapshot(built.index);
    const second = embeddedSnapshot(built.index);
    expect(holder.swap(first)).toBeUndefined();
    expect(holder.current()).toBe(first);
    expect(holder.swap(second)).toBe(first);
    expect(holder.tryCurrent()).toBe(second);
  });
});
