import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Server-side request forgery guard for webhook URLs (docs/events.md, "Which URLs are allowed"). A partner chooses the URL, so
 * Plaza must never be made to call into its own network: private, loopback, link-local (which
 * holds the cloud metadata service at 169.254.169.254), carrier-grade NAT, unique-local IPv6
 * and every other non-unicast range are refused, at creation and again at every delivery.
 * The delivery check runs inside the socket's DNS lookup, so the address that is checked is
 * the address that is connected to (a hostname cannot be re-pointed between check and use).
 */

/** Hostnames of metadata services that resolve to internal addresses on some clouds. */
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'metadata.azure.com', 'instance-data', 'instance-data.ec2.internal']);

export interface UrlPolicy {
  /** PLAZA_ALLOW_LOOPBACK_WEBHOOKS: allow http:// and loopback addresses (tests, local development). */
  allowLoopback: boolean;
}

export class WebhookUrlRefused extends Error {}

/** Why an address may not be called, or null when it is a public unicast address. */
export function refusalOf(address: string, policy: UrlPolicy): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  let ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === 'unicast') {
    // IPv4-compatible IPv6 (::a.b.c.d, deprecated) is classed as unicast by ipaddr.js: refuse ::/96.
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).parts.slice(0, 6).every(part => part === 0)) return `${address} is an IPv4-compatible IPv6 address`;
    return null;
  }
  if (range === 'loopback' && policy.allowLoopback) return null;
  const label: Record<string, string> = {
    private: 'a private network address',
    loopback: 'a loopback address',
    linkLocal: 'a link-local address (cloud metadata lives there)',
    uniqueLocal: 'a private (unique local) IPv6 address',
    carrierGradeNat: 'a carrier-grade NAT address',
    unspecified: 'the unspecified address',
    broadcast: 'a broadcast address',
    multicast: 'a multicast address',
    reserved: 'a reserved address',
  };
  return `${address} is ${label[range] ?? `not a public address (${range})`}`;
}

/** Checks the shape of a webhook URL; returns the parsed URL or throws with a readable reason. */
export function parseWebhookUrl(raw: string, policy: UrlPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookUrlRefused('is not a valid URL');
  }
  if (url.username || url.password) throw new WebhookUrlRefused('must not carry credentials; authenticate with the signature instead');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowLoopback)) throw new WebhookUrlRefused('must use https');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (METADATA_HOSTS.has(host) || host.endsWith('.internal')) throw new WebhookUrlRefused(`host ${host} is an internal name`);
  if (ipaddr.isValid(host)) {
    const refusal = refusalOf(host, policy);
    if (refusal) throw new WebhookUrlRefused(`points to ${refusal}`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(host)) throw new WebhookUrlRefused('must use https (plain http is allowed only to loopback)');
  return url;
}

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || (ipaddr.isValid(host) && ipaddr.parse(host).range() === 'loopback');
}

type Resolve = (host: string) => Promise<string[]>;

const systemResolve: Resolve = async host => (await dns.promises.lookup(host, { all: true, verbatim: true })).map(a => a.address);

/** Creation-time check: the URL's shape and every address its host resolves to. */
export async function checkWebhookUrl(raw: string, policy: UrlPolicy, resolve: Resolve = systemResolve): Promise<URL> {
  const url = parseWebhookUrl(raw, policy);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    throw new WebhookUrlRefused(`host ${host} does not resolve`);
  }
  if (!addresses.length) throw new WebhookUrlRefused(`host ${host} does not resolve`);
  for (const address of addresses) {
    const refusal = refusalOf(address, policy);
    if (refusal) throw new WebhookUrlRefused(`resolves to ${refusal}`);
  }
  return url;
}

/**
 * A `lookup` for http(s).request that resolves as usual and then refuses the connection when
 * any resolved address is not allowed. `lookupImpl` is the resolver (dns.lookup by default).
 */
export function guardedLookup(policy: UrlPolicy, lookupImpl: typeof dns.lookup = dns.lookup): LookupFunction {
  return (hostname, options, callback) => {
    lookupImpl(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as unknown as dns.LookupAddress[];
      for (const { address } of list) {
        const refusal = refusalOf(address, policy);
        if (refusal) return callback(new WebhookUrlRefused(`refused: ${hostname} resolves to ${refusal}`), '', 4);
      }
      if ((options as dns.LookupOptions).all) return callback(null, list as never);
      callback(null, list[0].address, list[0].family);
    });
  };
}
