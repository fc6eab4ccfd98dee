import { describe, expect, it } from "vitest";
import { ConversationStore, historyFor, type KeyValueStorage, type StoredMessage } from "../../src/widget/conversationStore.js";

class MemoryStorage implements KeyValueStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

describe("ConversationStore", () => {
  it("round-trips a conversation and keeps widgets with different scopes apart", () => {
    const storage = new MemoryStorage();
    const a = new ConversationStore(storage, "https://a|Tutor");
    const b = new ConversationStore(storage, "https://b|Tutor");
    a.save([{ role: "user", content: "学完 LoRA 之后该学什么？" }]);
    expect(a.load()).toEqual([{ role: "user", content: "学完 LoRA 之后该学什么？" }]);
    expect(b.load()).toEqual([]);
    a.clear();
    expect(a.load()).toEqual([]);
  });

  it("survives corrupt or foreign data and a storage that throws", () => {
    const storage = new MemoryStorage();
    storage.setItem("roadmap-tutor:x", "{not json");
    expect(new ConversationStore(storage, "x").load()).toEqual([]);
    storage.setItem(
      "roadmap-tutor:x",
      JSON.stringify([
        { role: "system", content: "hi" },
        { role: "user", content: "ok" },
      ]),
    );
    expect(new ConversationStore(storage, "x").load()).toEqual([{ role: "user", content: "ok" }]);
    const throwing: KeyValueStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    const store = new ConversationStore(throwing, "x");
    expect(store.load()).toEqual([]);
    expect(() => store.save([{ role: "user", content: "q" }])).not.toThrow();
    expect(new ConversationStore(undefined, "x").load()).toEqual([]);
  });
});

describe("historyFor", () => {
  const conversation: StoredMessage[] = [
    { role: "user", content: "q1" },
    { role: "assistant", content: "a1" },
    { role: "user", content: "q2" },
    { role: "assistant", content: "partial", incomplete: true },
    { role: "user", content: "q3" },
    { role: "assistant", content: "a3" },
    { role: "user", content: "q4 (being asked)" },
  ];

  it("sends completed question/answer pairs only", () => {
    expect(historyFor(conversation, 10)).toEqual([
      { role: "user", content: "q1" },
      { role: "assistant", content: "a1" },
      { role: "user", content: "q3" },
      { role: "assistant", content: "a3" },
    ]);
  });

  it("keeps the most recent turns and trims long answers", () => {
    expect(historyFor(conversation, 2)).toEqual([
      { role: "user", content: "q3" },
      { role: "assistant", content: "a3" },
    ]);
    const long = historyFor(
      [
        { role: "user", content: "q" },
        { role: "assistant", content: "长".repeat(5000) },
      ],
      2,
    );
    expect(long[1]?.content.length).toBe(2000);
  });
});
