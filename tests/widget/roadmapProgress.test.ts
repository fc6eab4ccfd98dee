import { describe, expect, it } from "vitest";
import {
  clearProgress,
  exportProgress,
  importProgress,
  loadProgress,
  saveProgress,
  type EnumerableStorage,
} from "../../src/widget/roadmapProgress.js";

/** A Map-backed Storage (the real localStorage interface: getItem, setItem, removeItem, key, length). */
function memoryStorage(): EnumerableStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe("roadmap progress in local storage", () => {
  it("keeps ticks per roadmap and index version, and starts a new version from the newest older ticks", () => {
    const store = memoryStorage();
    saveProgress(store, "r1", "v1", ["第一阶段"], new Date("2026-01-01T00:00:00Z"));
    saveProgress(store, "r1", "v2", ["第一阶段", "第二阶段"], new Date("2026-02-01T00:00:00Z"));
    saveProgress(store, "r2", "v2", ["入门篇"]);
    expect([...loadProgress(store, "r1", "v1")]).toEqual(["第一阶段"]);
    expect([...loadProgress(store, "r1", "v2")]).toEqual(["第一阶段", "第二阶段"]);
    expect([...loadProgress(store, "r1", "v3")]).toEqual(["第一阶段", "第二阶段"]);
    expect([...loadProgress(store, "r2")]).toEqual(["入门篇"]);
    clearProgress(store, "r1");
    expect(loadProgress(store, "r1", "v2").size).toBe(0);
    expect(loadProgress(store, "r2", "v2").size).toBe(1);
  });

  it("round-trips through an export file, and refuses data that is not one with a reason", () => {
    const from = memoryStorage();
    saveProgress(from, "r1", "v1", ["第六阶段：模型微调与私有化部署"]);
    from.setItem("roadmap-tutor:progress:broken", "{not json");
    const file = JSON.parse(JSON.stringify(exportProgress(from))) as unknown;
    const to = memoryStorage();
    expect(importProgress(to, file)).toBe(1);
    expect([...loadProgress(to, "r1", "v1")]).toEqual(["第六阶段：模型微调与私有化部署"]);

    expect(() => importProgress(to, [])).toThrow(/format/);
    expect(() => importProgress(to, { format: "something-else", version: 1, entries: [] })).toThrow(/format/);
    expect(() => importProgress(to, { format: "roadmap-tutor-progress", version: 2, entries: [] })).toThrow(/version/);
    expect(() => importProgress(to, { format: "roadmap-tutor-progress", version: 1, entries: [{ roadmapId: "r1", done: "all" }] })).toThrow(
      /malformed/,
    );
    expect(to.map.size).toBe(1);
  });
});
