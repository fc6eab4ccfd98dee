import { lookup as dnsLookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { BadInput } from "../../errors.js";
import type { HostLookup } from "./types.js";

/**
 * A link we decline to fetch on principle (scheme, private address, robots.txt, video site):
 * reported as "skipped", never retried, never counted as a failure.
 */
export class LinkRefused extends BadInput {}

export const defaultHostLookup: HostLookup = async (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** IANA's global unicast allocation for IPv6: every publicly routed IPv6 address lies in it. */
const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

/**
 * Only globally routable unicast addresses count as public. Everything ipaddr.js puts in a
 * named range (loopback, private, linkLocal — which holds 169.254.169.254 —, carrierGradeNat,
 * uniqueLocal, reserved, rfc6052/NAT64, rfc6145, 6to4 and teredo tunnels that can wrap a
 * private IPv4…) is refused. ipaddr.js calls the rest of IPv6 "unicast", including the
 * deprecated IPv4-compatible ::/96 (`[::127.0.0.1]` is ::7f00:1, `[::a9fe:a9fe]` is
 * 169.254.169.254) that some stacks still route to the embedded IPv4; so an IPv6 address must
 * also lie in the global unicast allocation 2000::/3, which none of those forms do.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() unwraps IPv4-mapped IPv6 (::ffff:127.0.0.1) so it is judged as the IPv4 it is.
  const parsed = ipaddr.process(address);
  if (parsed.range() !== "unicast") return false;
  return parsed.kind() === "ipv4" || parsed.match(IPV6_GLOBAL_UNICAST);
}

export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new LinkRefused(`not a valid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new LinkRefused(`scheme ${url.protocol} is never fetched`);
  }
  if (url.username || url.password) throw new LinkRefused("URLs with credentials are never fetched");
  return url;
}

/**
 * Refuses a URL unless it is http(s) and every address its host resolves to is public. Checking
 * all addresses (not just the first) stops a host with one public and one private record.
 * Called for every redirect hop.
 */
export async function assertFetchableUrl(
  raw: string,
  options: { allowPrivateHosts: boolean; lookup: HostLookup },
): Promise<URL> {
  const url = parseHttpUrl(raw);
  if (options.allowPrivateHosts) return url;
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  if (ipaddr.isValid(host)) {
    addresses = [host];
  } else {
    try {
      addresses = (await options.lookup(host)).map((a) => a.address);
    } catch {
      throw new LinkRefused(`host ${host} does not resolve`);
    }
  }
  if (addresses.length === 0) throw new LinkRefused(`host ${host} does not resolve`);
  const blocked = addresses.find((a) => !isPublicAddress(a));
  if (blocked !== undefined) {
    throw new LinkRefused(`host ${host} resolves to a non-public address (${blocked}); use --allow-private-hosts to allow it`);
  }
  return url;
}
