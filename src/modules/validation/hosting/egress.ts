import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { parse as parseDomain } from 'tldts';

/**
 * Egress declarations (docs/validation.md "Managed hosting"): the external host names a hosted
 * extension may call. Everything else is blocked by the network policy Plaza generates
 * (docs/hosting.md), so an entry must be a host name and nothing more:
 *
 * - EGRESS-1 (ERROR) an entry is a non-empty string
 * - EGRESS-2 (ERROR) no scheme, port, path, query, fragment or credentials: a host name only
 * - EGRESS-3 (ERROR) no IP address, no localhost, no name outside the public DNS (`.internal`, `.local`, …)
 * - EGRESS-4 (ERROR) a wildcard only as the whole leftmost label, never `*` alone and never over a
 *   public suffix (`*.com`, `*.co.uk`); the ICANN section of the public-suffix list (tldts) decides
 * - EGRESS-5 (ERROR) a syntactically valid DNS name (labels of 1–63 letters, digits or hyphens, 253 in all)
 * - EGRESS-6 (INFO)  an internationalised name is stored in its punycode form (`münchen.de` → `xn--mnchen-3ya.de`)
 * - EGRESS-7 (WARN)  the same host (after normalising case, IDN and a trailing dot) listed twice
 *
 * The checker is pure and shared by the server and the CLI.
 */

export interface EgressFinding {
  rule: string;
  level: 'ERROR' | 'WARN' | 'INFO';
  /** Index of the entry in the declared list. */
  index: number;
  message: string;
  fix: string;
}

export interface EgressCheck {
  /** The valid entries, normalised (lower case, punycode, no trailing dot), sorted, without duplicates. */
  hosts: string[];
  findings: EgressFinding[];
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** ICANN suffixes only: `*.googleapis.com` is allowed although googleapis.com is in the list's private section. */
const PSL_OPTIONS = { allowPrivateDomains: false } as const;

type Normalised = { host: string } | { finding: Omit<EgressFinding, 'index'> };

/** Normalises one entry or says why it is refused. */
export function normaliseEgress(raw: unknown): Normalised & { idn?: string } {
  const refuse = (rule: string, message: string, fix: string): Normalised => ({ finding: { rule, level: 'ERROR', message, fix } });
  if (typeof raw !== 'string' || !raw.trim()) return refuse('EGRESS-1', `egress entry ${JSON.stringify(raw ?? null)} is not a host name`, "Write each entry as a host name such as 'api.slack.com'.");
  const entry = raw.trim();
  const shown = `'${entry}'`;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) {
    return refuse('EGRESS-2', `egress entry ${shown} has a scheme`, `Write the host only ('${entry.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/:?#]/)[0]}'); HTTPS is always enforced.`);
  }
  if (/[/?#@\\]/.test(entry)) {
    return refuse('EGRESS-2', `egress entry ${shown} is not a bare host (path, query, fragment or credentials)`, `Write the host only ('${entry.split(/[/?#\\]/)[0].replace(/^.*@/, '')}').`);
  }
  const bracketed = /^\[.*\]$/.test(entry) ? entry.slice(1, -1) : null;
  if (ipaddr.isValid(bracketed ?? entry) || ipaddr.IPv4.isValidFourPartDecimal(entry)) {
    return refuse('EGRESS-3', `egress entry ${shown} is an IP address`, 'Declare the host name the extension calls; addresses change and are never allowed.');
  }
  const port = /^(.*):(\d*)$/.exec(entry);
  if (port) return refuse('EGRESS-2', `egress entry ${shown} names a port`, `Write the host only ('${port[1]}'); the platform allows HTTPS on 443.`);
  let name = entry.toLowerCase().replace(/\.$/, '');
  let wildcard = false;
  if (name.includes('*')) {
    if (name === '*' || name === '*.') return refuse('EGRESS-4', `egress entry ${shown} allows every host`, 'List the domains the extension calls.');
    if (!name.startsWith('*.') || name.slice(2).includes('*')) {
      return refuse('EGRESS-4', `egress entry ${shown} uses '*' inside a label; a wildcard is only the whole leftmost label`, "Write '*.example.com' or list the hosts one by one.");
    }
    wildcard = true;
    name = name.slice(2);
  }
  const ascii = domainToASCII(name);
  if (!ascii) return refuse('EGRESS-5', `egress entry ${shown} is not a valid host name`, 'Use letters, digits, hyphens and dots only (internationalised names are fine).');
  if (ascii.length > 253 || !ascii.split('.').every(l => LABEL.test(l))) {
    return refuse('EGRESS-5', `egress entry ${shown} is not a valid host name`, 'Each label has 1–63 letters, digits or hyphens and does not start or end with a hyphen.');
  }
  if (ascii === 'localhost' || ascii.endsWith('.localhost')) return refuse('EGRESS-3', `egress entry ${shown} is localhost`, 'A hosted extension calls only public hosts; remove it.');
  const parsed = parseDomain(ascii, PSL_OPTIONS);
  if (!parsed.isIcann) {
    return refuse('EGRESS-3', `egress entry ${shown} is not under a public top-level domain`, 'Declare public host names only; internal names (.internal, .local, .corp, …) are never reachable.');
  }
  if (!parsed.domain) {
    return wildcard
      ? refuse('EGRESS-4', `egress entry ${shown} spans the public suffix '${ascii}' (every domain registered under it)`, `Name your provider's domain, for example '*.example.${ascii}'.`)
      : refuse('EGRESS-4', `egress entry ${shown} is a public suffix, not a host`, `Name the host, for example 'api.example.${ascii}'.`);
  }
  const host = (wildcard ? '*.' : '') + ascii;
  const idn = ascii !== name ? host : undefined;
  return { host, idn };
}

/** Checks a declared list. `items` keeps the caller's index for line lookups. */
export function checkEgressList(list: readonly unknown[]): EgressCheck {
  const findings: EgressFinding[] = [];
  const seen = new Map<string, number>();
  list.forEach((raw, index) => {
    const result = normaliseEgress(raw);
    if ('finding' in result) {
      findings.push({ ...result.finding, index });
      return;
    }
    if (result.idn) {
      findings.push({ rule: 'EGRESS-6', level: 'INFO', index, message: `egress entry '${String(raw).trim()}' is stored as '${result.idn}' (punycode)`, fix: `Write '${result.idn}' to silence this note.` });
    }
    const first = seen.get(result.host);
    if (first !== undefined) {
      findings.push({ rule: 'EGRESS-7', level: 'WARN', index, message: `egress entry '${result.host}' is listed twice (entries ${first + 1} and ${index + 1})`, fix: 'Remove the duplicate.' });
      return;
    }
    seen.set(result.host, index);
  });
  return { hosts: [...seen.keys()].sort(), findings };
}

/** The valid, normalised hosts of a list (what the review, the diff and the network policy use). */
export function normalisedEgress(list: readonly unknown[]): string[] {
  return checkEgressList(list).hosts;
}
