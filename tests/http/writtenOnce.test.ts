import type { FastifyReply } from "fastify";
import { describe, expect, it } from "vitest";
import { PerVersionCache } from "../../src/http/perVersionCache.js";
import { bodyWrittenOnce } from "../../src/http/writtenOnce.js";

/** A stand-in reply that records what it was sent. */
function reply(): FastifyReply & { sent: unknown[] } {
  const sent: unknown[] = [];
  const stub = {
    sent,
    type: () => stub,
    send: (body: unknown) => {
      sent.push(body);
      return stub;
    },
  };
  return stub as unknown as FastifyReply & { sent: unknown[] };
}

describe("bodyWrittenOnce", () => {
  it("writes a result a cache kept once, and sends the same body every time", () => {
    let writes = 0;
    const send = bodyWrittenOnce((result: { n: number }) => `{"n":${result.n},"w":${++writes}}`);
    const cache = new PerVersionCache<{ n: number }>({ maxEntries: 4, version: () => "v1" });
    const result = { n: 1 };
    cache.slot(["q"]).keep(result);
    const out = reply();
    send(out, result);
    send(out, result);
    expect(writes).toBe(1);
    expect(out.sent).toEqual(['{"n":1,"w":1}', '{"n":1,"w":1}']);
  });

  it("writes a result no cache kept each time it is sent (it is not remembered)", () => {
    let writes = 0;
    const send = bodyWrittenOnce((result: { n: number }) => `{"n":${result.n},"w":${++writes}}`);
    const result = { n: 2 };
    const out = reply();
    send(out, result);
    send(out, result);
    expect(writes).toBe(2);
    expect(out.sent).toEqual(['{"n":2,"w":1}', '{"n":2,"w":2}']);
  });

  it("does not count a value a cache only saw once as kept (keepOnlyRepeated)", () => {
    let writes = 0;
    const send = bodyWrittenOnce(() => `${++writes}`);
    const cache = new PerVersionCache<{ n: number }>({ maxEntries: 4, version: () => "v1", keepOnlyRepeated: true });
    const first = { n: 3 };
    cache.slot(["q"]).keep(first);
    const out = reply();
    send(out, first);
    send(out, first);
    expect(writes).toBe(2);
    const second = { n: 3 };
    cache.slot(["q"]).keep(second);
    send(out, second);
    send(out, second);
    expect(writes).toBe(3);
  });
});
