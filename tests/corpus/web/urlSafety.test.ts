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
    for (const url of ["http://127.1/", "http://0x7f000001/", "http://[::ffff:7f00:1]/", "http://[fe80::1]/"]) {
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
