import type { LookupAddress, LookupOptions } from "node:dns";
import type { Agent } from "undici";
import type { FetchImplementation, HostLookup } from "./types.js";
import { LinkRefused, isPublicAddress } from "./urlSafety.js";

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A fetch whose sockets connect only to addresses checked at connect time. assertFetchableUrl
 * checks a host's addresses before each request, but an ordinary fetch then resolves the name
 * again, and a hostile DNS server can answer with a public address the first time and
 * 127.0.0.1 or 169.254.169.254 the second (DNS rebinding). Here the resolution that the socket
 * uses *is* the checked one: undici's `connect.lookup` runs `lookup`, refuses any non-public
 * address (unless private hosts are allowed) and hands the socket exactly those addresses.
 */
export async function createPinnedFetch(options: { lookup: HostLookup; allowPrivateHosts: boolean }): Promise<{ fetch: FetchImplementation; close: () => Promise<void> }> {
  // Loaded on first use: only `--fetch-links` needs it, and it costs every start otherwise.
  const undici = await import("undici");
  const agent: Agent = new undici.Agent({ connect: { lookup: validatingLookup(options) } });
  const pinned = ((input: string | URL, init?: RequestInit) =>
    undici.fetch(input, { ...(init as Parameters<typeof undici.fetch>[1]), dispatcher: agent })) as unknown as FetchImplementation;
  return { fetch: pinned, close: () => agent.close() };
}

export function validatingLookup(options: { lookup: HostLookup; allowPrivateHosts: boolean }) {
  return (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback): void => {
    options.lookup(hostname).then(
      (resolved) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? resolved.filter((a) => a.family === lookupOptions.family) : resolved;
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND", hostname }), "", 0);
          return;
        }
        const blocked = options.allowPrivateHosts ? undefined : resolved.find((a) => !isPublicAddress(a.address));
        if (blocked !== undefined) {
          callback(new LinkRefused(`host ${hostname} resolved to a non-public address (${blocked.address}) when connecting; use --allow-private-hosts to allow it`), "", 0);
          return;
        }
        if (lookupOptions.all) callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, "", 0),
    );
  };
}
