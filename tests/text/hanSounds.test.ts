import { describe, expect, it } from "vitest";
import { soundsOf, soundsTable, syllablesOf, warmSounds } from "../../src/text/hanSounds.js";

describe("hanSounds", () => {
  it("reads a text's syllables in context, toneless (the same after a warm-up)", () => {
    warmSounds();
    expect(syllablesOf("微调模型")).toEqual(["wei", "tiao", "mo", "xing"]);
  });

  it("gives a word its reading in context first, then each character's other readings", () => {
    const sounds = soundsOf("微调");
    expect(sounds[0]).toBe("weitiao");
    expect(sounds).toEqual(expect.arrayContaining(["weidiao", "weizhou"]));
  });

  it("tables the sounds of the 2–4-character Han words only, as soundsOf reads them", () => {
    const table = soundsTable(["微调", "向量", "大语言模型", "模", "lora", "微调2"]);
    expect(Object.keys(table)).toEqual(["微调", "向量"]);
    expect(table["向量"]).toEqual(soundsOf("向量"));
  });
});
