import type dns from 'node:dns';
import { checkWebhookUrl, guardedLookup, parseWebhookUrl, refusalOf } from './url-guard';

const strict = { allowLoopback: false };
const loopbackOk = { allowLoopback: true };

describe('webhook URL guard (no server-side request forgery)', () => {
  it.each([
    ['10.0.0.1', 'private network'],
    ['172.16.5.4', 'private network'],
    ['192.168.0.10', 'private network'],
    ['127.0.0.1', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['0.0.0.0', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'unique local'],
    ['::ffff:10.0.0.1', 'private network'],
    ['224.0.0.1', 'multicast'],
    ['::7f00:1', 'IPv4-compatible'],
    ['::a9fe:a9fe', 'IPv4-compatible'],
  ])('refuses %s (%s)', (address, label) => {
    expect(refusalOf(address, strict)).toContain(label);
  });

  it('allows public unicast addresses, and loopback only when configured', () => {
    expect(refusalOf('93.184.216.34', strict)).toBeNull();
    expect(refusalOf('2606:2800:220:1:248:1893:25c8:1946', strict)).toBeNull();
    expect(refusalOf('127.0.0.1', loopbackOk)).toBeNull();
    expect(refusalOf('::1', loopbackOk)).toBeNull();
    expect(refusalOf('10.0.0.1', loopbackOk)).toContain('private');
  });

  it('requires https, except plain http to loopback when configured', () => {
    expect(() => parseWebhookUrl('http://127.0.0.1:8080/h', strict)).toThrow('must use https');
    expect(parseWebhookUrl('http://127.0.0.1:8080/h', loopbackOk).port).toBe('8080');
    expect(parseWebhookUrl('http://localhost:8080/h', loopbackOk).hostname).toBe('localhost');
    expect(() => parseWebhookUrl('http://example.com/h', loopbackOk)).toThrow('plain http is allowed only to loopback');
    expect(() => parseWebhookUrl('ftp://example.com/h', strict)).toThrow('must use https');
  });

  it('checks every address a host name resolves to at creation', async () => {
    await expect(checkWebhookUrl('https://hooks.example.com/h', strict, async () => ['93.184.216.34'])).resolves.toBeInstanceOf(URL);
    await expect(checkWebhookUrl('https://rebind.example.com/h', strict, async () => ['93.184.216.34', '10.0.0.7'])).rejects.toThrow('resolves to 10.0.0.7 is a private network address');
    await expect(checkWebhookUrl('https://nowhere.example.com/h', strict, async () => { throw new Error('ENOTFOUND'); })).rejects.toThrow('does not resolve');
  });

  it('refuses inside the connection\'s lookup when a name resolves to a forbidden address at delivery', async () => {
    const fakeDns = ((addresses: string[]) =>
      ((_host: string, _options: unknown, callback: (e: Error | null, a: dns.LookupAddress[]) => void) =>
        callback(null, addresses.map(address => ({ address, family: address.includes(':') ? 6 : 4 })))) as unknown as typeof dns.lookup);
    const lookupWith = (addresses: string[]) =>
      new Promise<string>((resolve, reject) =>
        guardedLookup(strict, fakeDns(addresses))('hooks.example.com', { all: false } as dns.LookupOneOptions, (error, address) => (error ? reject(error) : resolve(address as string))),
      );
    await expect(lookupWith(['93.184.216.34'])).resolves.toBe('93.184.216.34');
    await expect(lookupWith(['169.254.169.254'])).rejects.toThrow('refused: hooks.example.com resolves to 169.254.169.254 is a link-local address');
    // Node 20's net.connect asks for every address (all: true): the same refusal applies.
    const lookupAll = (addresses: string[]) =>
      new Promise<unknown>((resolve, reject) =>
        guardedLookup(strict, fakeDns(addresses))('hooks.example.com', { all: true } as dns.LookupAllOptions, (error, list) => (error ? reject(error) : resolve(list))),
      );
    await expect(lookupAll(['93.184.216.34', '2606:2800:220:1::1'])).resolves.toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1::1', family: 6 },
    ]);
    await expect(lookupAll(['93.184.216.34', '10.0.0.1'])).rejects.toThrow('resolves to 10.0.0.1 is a private network address');
  });
});
