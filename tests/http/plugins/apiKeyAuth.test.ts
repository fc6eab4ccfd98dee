import { normalizeIP } from "@fastify/rate-limit";
import { describe, expect, it } from "vitest";
import { addressId } from "../../../src/http/plugins/apiKeyAuth.js";

describe("addressId", () => {
  it("keys each address as @fastify/rate-limit normalizes it, whatever was asked before", () => {
    const addresses = ["127.0.0.1", "2001:DB8::1", "127.0.0.1", "::ffff:10.0.0.7", "2001:db8::2", "2001:db8::2", "10.0.0.7", "FE80::A"];
    for (const address of addresses) expect(addressId(address)).toBe(`ip:${normalizeIP(address)}`);
  });

  it("groups an IPv6 host's /64 and maps IPv4-mapped addresses to IPv4", () => {
    expect(addressId("2001:db8:0:1::5")).toBe(addressId("2001:db8:0:1::9"));
    expect(addressId("2001:db8:0:2::5")).not.toBe(addressId("2001:db8:0:1::5"));
    expect(addressId("::ffff:10.0.0.7")).toBe("ip:10.0.0.7");
  });

  it("fails for a request without an address, as normalizeIP does, even as the first call", () => {
    expect(() => addressId(undefined as unknown as string)).toThrow();
    addressId("127.0.0.1");
    expect(() => addressId(undefined as unknown as string)).toThrow();
  });
});
