import { describe, expect, it } from "vitest";
import { LinkRefused, assertFetchableUrl, isPublicAddress } from "../../../src/corpus/web/urlSafety.js";
import type { HostLookup } from "../../../src/corpus/web/types.js";

describe("isPublicAddress", () => {
  it.each([
    ["8.8.8.8", true],
    ["93.184.216.34", true],
    ["2606:4700:4700::1111", true],
    ["127.0.0.1", false],
    ["10.1.2.3", false],
    ["172.16.5.4", false],
    ["192.168.0.1", false],
    ["169.254.169.254", false],
    ["100.64.0.1", false],
    ["0.0.0.0", false],
    ["255.255.255.255", false],
    ["224.0.0.1", false],
    ["192.0.2.10", false],
    ["::1", false],
    ["::", false],
    ["fe80::1", false],
    ["fd12:3456::1", false],
    ["::ffff:127.0.0.1", false],
    ["::ffff:10.0.0.1", false],
    ["not-an-ip", false],
    // Every IPv6 form that embeds an IPv4 or is not globally routed (issue 13, item 13).
    ["::7f00:1", false], // [::127.0.0.1] as the URL parser writes it (IPv4-compatible)
    ["::a9fe:a9fe", false], // 169.254.169.254, IPv4-compatible
    ["::127.0.0.1", false],
    ["::ffff:a9fe:a9fe", false], // IPv4-mapped metadata address
    ["::ffff:0:7f00:1", false], // IPv4-translated (RFC 6145)
    ["64:ff9b::a9fe:a9fe", false], // NAT64 (RFC 6052)
    ["64:ff9b:1::7f00:1", false], // local-use NAT64 (RFC 8215)
    ["2002:7f00:1::", false], // 6to4 wrapping 127.0.0.1
    ["2002:a9fe:a9fe::1", false], // 6to4 wrapping 169.254.169.254
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", false], // Teredo
    ["100::1", false], // discard-only
    ["fec0::1", false], // deprecated site-local
    ["5f00::1", false], // segment routing
    ["::2", false], // unallocated, outside 2000::/3
    ["2a00:1450:4001:80b::200e", true],
  ])("%s → %s", (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});

describe("assertFetchableUrl", () => {
  const lookup: HostLookup = async (host) => {
    if (host === "good.example") return [{ address: "93.184.216.34", family: 4 }, { address: "2606:2800:220:1::1", family: 6 }];
    if (host === "sneaky.example") return [{ address: "93.184.216.34", family: 4 }, { address: "::1", family: 6 }];
    throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
  };
  const strict = { allowPrivateHosts: false, lookup };

  it("accepts http(s) URLs whose every address is public", async () => {
    expect((await assertFetchableUrl("https://good.example/a?b=1", strict)).href).toBe("https://good.example/a?b=1");
  });

  it("refuses a host with any private address, and hosts that do not resolve", async () => {
    await expect(assertFetchableUrl("https://sneaky.example/", strict)).rejects.toThrow("non-public address (::1)");
    await expect(assertFetchableUrl("https://nowhere.example/", strict)).rejects.toThrow("host nowhere.example does not resolve");
  });

  it("refuses IP literals in private ranges, including encodings the URL parser normalises", async () => {
    for (const url of [
      "http://127.1/",
      "http://0x7f000001/",
      "http://[::ffff:7f00:1]/",
      "http://[fe80::1]/",
      "http://[::127.0.0.1]/",
      "http://[::a9fe:a9fe]/latest/meta-data/",
      "http://[::ffff:169.254.169.254]/",
      "http://[64:ff9b::169.254.169.254]/",
      "http://[2002:a9fe:a9fe::]/",
    ]) {
      await expect(assertFetchableUrl(url, strict)).rejects.toBeInstanceOf(LinkRefused);
    }
  });

  it("always refuses other schemes and embedded credentials, even with allowPrivateHosts", async () => {
    const open = { allowPrivateHosts: true, lookup };
    await expect(assertFetchableUrl("file:///etc/passwd", open)).rejects.toThrow("scheme file: is never fetched");
    await expect(assertFetchableUrl("gopher://127.0.0.1/", open)).rejects.toThrow("scheme gopher: is never fetched");
    await expect(assertFetchableUrl("http://user:pw@good.example/", open)).rejects.toThrow("URLs with credentials are never fetched");
    expect((await assertFetchableUrl("http://127.0.0.1:9/", open)).host).toBe("127.0.0.1:9");
  });
});
