import { describe, expect, it } from "vitest";
import { withoutUndefined } from "../../src/http/schemas.js";

/** What withoutUndefined gave before: the entries without undefined values, as an object. */
const byEntries = (value: object) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

describe("withoutUndefined", () => {
  it("drops undefined members and keeps the others in their order, null and falsy values included", () => {
    const value = { b: 1, a: undefined, c: null, d: 0, e: "", f: false, g: [undefined] };
    const kept = withoutUndefined(value);
    expect(Object.keys(kept)).toEqual(["b", "c", "d", "e", "f", "g"]);
    expect(kept).toEqual(byEntries(value));
    expect(JSON.stringify(kept)).toBe(JSON.stringify(byEntries(value)));
  });

  it("reads own enumerable string keys only, in the object's key order (integer keys first)", () => {
    const proto = { inherited: 1 };
    const value = Object.assign(Object.create(proto) as object, { z: 1, 2: "two", 1: "one", [Symbol("s")]: 3 });
    Object.defineProperty(value, "hidden", { value: 4, enumerable: false });
    expect(JSON.stringify(withoutUndefined(value))).toBe(JSON.stringify(byEntries(value)));
    expect(Object.keys(withoutUndefined(value))).toEqual(["1", "2", "z"]);
  });

  it("keeps an own __proto__ member as a member, not as the prototype", () => {
    const value = JSON.parse('{"__proto__":{"polluted":true},"k":2}') as object;
    const kept = withoutUndefined(value);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
    expect((kept as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.keys(kept)).toEqual(["__proto__", "k"]);
    expect(JSON.stringify(kept)).toBe(JSON.stringify(byEntries(value)));
  });
});
