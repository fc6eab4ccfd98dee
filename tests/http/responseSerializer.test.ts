import { describe, expect, it } from "vitest";
import { z } from "zod";
import { compileResponseSerializer, contractSerializerCompiler } from "../../src/http/responseSerializer.js";

describe("contractSerializerCompiler", () => {
  const schema = z.object({ name: z.string(), count: z.number() });

  it("writes only the declared fields, as the compiled writer does, when Fastify hands it the schema or its properties", () => {
    const data = { name: "LoRA", count: 2, internal: "never sent" };
    expect(contractSerializerCompiler({ schema })(data)).toBe('{"name":"LoRA","count":2}');
    expect(contractSerializerCompiler({ schema: { properties: schema } })(data)).toBe(compileResponseSerializer(schema)(data));
  });

  it("refuses a schema that is not zod when the route is registered, not on its first response", () => {
    expect(() => contractSerializerCompiler({ schema: { type: "object" } })).toThrow(/must be zod schemas/);
  });
});
