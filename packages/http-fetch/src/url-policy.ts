import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Which URLs a fetch may go to. The default refuses every non-public address. */
export interface UrlPolicy {
  /** Allow loopback, private, link-local and other non-public addresses (private deployments, tests). */
  allowPrivate?: boolean;
  /** Hostnames or IP addresses exempt from the private-address refusal (exact, case-insensitive). */
  allowHosts?: string[];
  /** Resolver seam for tests; the default is `dns.lookup` with `all: true`. */
  resolve?: (host: string) => Promise<string[]>;
}

/** A URL the policy refuses: wrong scheme, or a host that is or resolves to a non-public address. */
export class BlockedUrlError extends Error {
  override readonly name = 'BlockedUrlError';
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`refused ${url}: ${reason}`);
  }
}

/** Resolve every address of a host with the system resolver. */
export function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    dnsLookup(host, { all: true, verbatim: true }, (err, addresses: LookupAddress[]) => {
      if (err) reject(err);
      else resolve(addresses.map((a) => a.address));
    });
  });
}

/** A URL hostname without the brackets WHATWG URL keeps around IPv6 literals. */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Why an address is not public, or null when it is. Only global unicast passes: IPv4 outside the
 * special ranges, IPv6 inside 2000::/3 and outside its special ranges. IPv4-mapped, IPv4-compatible,
 * NAT64, 6to4 and Teredo IPv6 addresses are refused (they can reach IPv4 hosts the IPv4 check would
 * refuse).
 */
export function nonPublicReason(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.split('%')[0] ?? address);
  } catch {
    return `"${address}" is not an IP address`;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) {
      const inner = nonPublicReason(v6.toIPv4Address().toString());
      return `IPv4-mapped IPv6 address${inner ? ` (${inner})` : ''}`;
    }
    const range = v6.range();
    if (range !== 'unicast') return `${range} address ${address}`;
    const first = v6.parts[0] ?? 0;
    // Global unicast is 2000::/3; everything else (including IPv4-compatible ::a.b.c.d) is not public.
    if ((first & 0xe000) !== 0x2000) return `non-global IPv6 address ${address}`;
    return null;
  }
  const range = (parsed as ipaddr.IPv4).range();
  return range === 'unicast' ? null : `${range} address ${address}`;
}

function isExempt(value: string, policy: UrlPolicy): boolean {
  const wanted = bareHost(value).toLowerCase();
  return (policy.allowHosts ?? []).some((h) => bareHost(h.trim()).toLowerCase() === wanted);
}

/**
 * Throw a BlockedUrlError when `address` (what `host` resolved to) must not be connected to under
 * `policy`. Used both before a request and in the socket `lookup`, so a rebinding resolver cannot
 * switch to a private address between the check and the connection.
 */
export function assertAddressAllowed(
  url: string,
  host: string,
  address: string,
  policy: UrlPolicy = {},
): void {
  if (policy.allowPrivate) return;
  if (isExempt(host, policy) || isExempt(address, policy)) return;
  const reason = nonPublicReason(address);
  if (reason) {
    const via = bareHost(host) === address ? '' : `${host} resolves to `;
    throw new BlockedUrlError(url, `${via}${reason}`);
  }
}

/**
 * Refuse a URL that is not http(s), or whose host is, or resolves to, a loopback, private, link-local,
 * multicast, reserved or unspecified address (IPv4 or IPv6, IPv4-mapped included), unless the policy
 * allows it. Resolver failures are rethrown as they are (they are not policy refusals).
 */
export async function assertUrlAllowed(url: string, policy: UrlPolicy = {}): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BlockedUrlError(url, 'not a valid absolute URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new BlockedUrlError(url, `scheme ${parsed.protocol.replace(/:$/, '')} is not http or https`);
  if (parsed.username || parsed.password) throw new BlockedUrlError(url, 'credentials in the URL');
  const host = bareHost(parsed.hostname);
  if (policy.allowPrivate || isExempt(host, policy)) return;
  const addresses = isIP(host) ? [host] : await (policy.resolve ?? resolveAll)(host);
  if (addresses.length === 0) throw new BlockedUrlError(url, `${host} resolves to no address`);
  for (const address of addresses) assertAddressAllowed(url, host, address, policy);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s) agents that resolves like `dns.lookup` (or with the policy's resolver) and
 * fails the connection when any resolved address is refused: the address checked is the address
 * connected to, so DNS rebinding cannot slip past the URL check.
 */
export function createGuardedLookup(policy: UrlPolicy = {}) {
  return function guardedLookup(
    hostname: string,
    options: { all?: boolean; family?: number | string } | number | undefined,
    callback: LookupCallback,
  ): void {
    const all = typeof options === 'object' && options !== null && options.all === true;
    const resolver = policy.resolve ?? resolveAll;
    resolver(hostname).then(
      (addresses) => {
        try {
          if (addresses.length === 0)
            throw new BlockedUrlError(`//${hostname}`, `${hostname} resolves to no address`);
          for (const address of addresses) assertAddressAllowed(`//${hostname}`, hostname, address, policy);
        } catch (err) {
          callback(err as NodeJS.ErrnoException, all ? [] : '', 4);
          return;
        }
        const entries = addresses.map((address) => ({ address, family: isIP(address) === 6 ? 6 : 4 }));
        if (all) callback(null, entries);
        else callback(null, entries[0]?.address ?? '', entries[0]?.family ?? 4);
      },
      (err: unknown) => callback(err as NodeJS.ErrnoException, all ? [] : '', 4),
    );
  };
}
