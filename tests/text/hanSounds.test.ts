import { execFile } from "node:child_process";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { soundsOf, soundsTable, syllablesOf } from "../../src/text/hanSounds.js";
import { builtFile } from "../support/childBuild.js";

describe("hanSounds", () => {
  it("reads a text's syllables in context, toneless", () => {
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

describe("pinyin-pro on first use", () => {
  it("is not loaded by importing the module, and is by the first reading", async () => {
    const script = `
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      const loaded = () => Object.keys(cache).some((file) => file.includes("/node_modules/pinyin-pro/"));
      const { syllablesOf } = await import(${JSON.stringify(pathToFileURL(builtFile("src/text/hanSounds.ts")).href)});
      const atImport = loaded();
      const syllables = syllablesOf("微调");
      console.log(JSON.stringify({ atImport, afterReading: loaded(), syllables }));
    `;
    // The run's build (tests/support/childBuild.ts): a fresh process, without compiling TypeScript in it.
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      timeout: 60_000,
    });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({ atImport: false, afterReading: true, syllables: ["wei", "tiao"] });
  }, 90_000);
});
