import { describe, expect, it } from "vitest";
import { englishSection } from "../../src/retrieval/englishSectionName.js";
import type { RoadmapProfile } from "../../src/retrieval/roadmapProfile.js";
import { stagedProfile } from "../support/stagedProfile.js";

const profile = (id: string, headings: string[]): RoadmapProfile => stagedProfile(id, headings, { stages: false });

const guide = profile("guide", ["入门阶段", "学习目标", "推荐资源", "常见问题"]);
const post = profile("post", ["学习目标", "一些课程", "一些项目"]);
// What each English word reaches, as the glossary and CC-CEDICT would: only the phrase's own words count.
const RENDERINGS: Record<string, string[]> = { faq: ["常见", "问题", "常见问题"], courses: ["课程"], goals: ["目标"] };
const reaches = (phrase: string) => {
  const words = new Set(
    phrase
      .toLowerCase()
      .split(/\W+/)
      .flatMap((w) => RENDERINGS[w] ?? []),
  );
  return (word: string) => words.has(word);
};
const found = (question: string, named?: RoadmapProfile) => {
  const fit = englishSection(question, reaches, [guide, post], named);
  return fit && `${fit.profile.doc.id}: ${fit.heading}`;
};

describe("englishSection", () => {
  it("finds the one heading whose words the words before a section word reach", () => {
    expect(found("The guide that ends with an FAQ section: which newsletters does it name?")).toBe("guide: 常见问题");
    // Filler (一些) is no word of the heading: "courses" is all of 一些课程.
    expect(found("What is listed first under the courses heading?", post)).toBe("post: 一些课程");
  });

  it("names nothing when the words reach a heading of several roadmaps, or no section word follows them", () => {
    expect(found("What does the goals section say?")).toBeUndefined();
    expect(found("What does the goals section say?", post)).toBe("post: 学习目标");
    expect(found("Which courses does the FAQ recommend?")).toBeUndefined();
  });

  it("reads a section word in any case, alone or plural, wherever it stands", () => {
    expect(found("What is listed first under the courses HEADING?", post)).toBe("post: 一些课程");
    expect(found("the FAQ Sections")).toBe("guide: 常见问题");
    expect(found("What is in the courses Chapter", post)).toBe("post: 一些课程");
    expect(found("What is in the courses", post)).toBeUndefined();
  });
});
