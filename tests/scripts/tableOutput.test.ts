import { describe, expect, it } from "vitest";
import { tableOutput } from "../../scripts/tableOutput.js";

describe("tableOutput", () => {
  it("writes to --out when given, else to the table's place", () => {
    expect(tableOutput("build-x.ts", "src/x.json", ["--out", "/tmp/x.json"])).toBe("/tmp/x.json");
    expect(tableOutput("build-x.ts", "src/x.json", [])).toBe("src/x.json");
  });
});
