import { createCipheriv, randomBytes } from 'node:crypto';
import { keyIdOf, SecretBox } from './secret-box';

const K1 = randomBytes(32).toString('hex');
const K2 = randomBytes(32).toString('hex');

/** A value in the format sealed before key ids existed: `v1.<iv>.<tag>.<ciphertext>`. */
function sealV1(hexKey: string, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(hexKey, 'hex'), iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map(p => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

describe('SecretBox key ids and rotation', () => {
  it('names the sealing key in every value, by an id that is not the key', () => {
    const box = new SecretBox(K1);
    const sealed = box.seal('ghp_secret');
    expect(sealed.split('.')).toHaveLength(5);
    expect(sealed.startsWith(`v2.${keyIdOf(Buffer.from(K1, 'hex'))}.`)).toBe(true);
    expect(box.currentKeyId).toMatch(/^[0-9a-f]{16}$/);
    expect(K1).not.toContain(box.currentKeyId);
    expect(box.open(sealed)).toBe('ghp_secret');
    expect(box.seal('ghp_secret')).not.toBe(sealed);
  });

  it('opens values sealed under a previous key, and reseals them under the current one', () => {
    const old = new SecretBox(K1).seal('token-a');
    const rotated = new SecretBox(K2, [K1]);
    expect(rotated.open(old)).toBe('token-a');
    expect(rotated.isCurrent(old)).toBe(false);
    const resealed = rotated.reseal(old);
    expect(rotated.isCurrent(resealed)).toBe(true);
    expect(rotated.reseal(resealed)).toBe(resealed);
    expect(new SecretBox(K2).open(resealed)).toBe('token-a');
    // A server that already knows the next key (as a previous one) opens what the new servers seal.
    expect(new SecretBox(K1, [K2]).open(resealed)).toBe('token-a');
  });

  it('refuses a value under a key it does not have, and a tampered value', () => {
    const sealed = new SecretBox(K1).seal('x');
    expect(() => new SecretBox(K2).open(sealed)).toThrow(/not configured/);
    const parts = sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => new SecretBox(K1).open(parts.join('.'))).toThrow();
    expect(() => new SecretBox(K1).open('v9.a.b')).toThrow(/unknown sealed format/);
  });

  it('still opens v1 values (no key id) under whichever configured key authenticates them', () => {
    const v1 = sealV1(K1, 'legacy');
    expect(new SecretBox(K1).open(v1)).toBe('legacy');
    expect(new SecretBox(K2, [K1]).open(v1)).toBe('legacy');
    expect(() => new SecretBox(K2).open(v1)).toThrow(/no configured key/);
    expect(new SecretBox(K2, [K1]).reseal(v1).startsWith(`v2.${keyIdOf(Buffer.from(K2, 'hex'))}.`)).toBe(true);
  });

  it('refuses keys that are not 32 bytes of hex', () => {
    expect(() => new SecretBox('abc')).toThrow(/32 bytes/);
    expect(() => new SecretBox(K1, ['zz'.repeat(32)])).toThrow(/32 bytes/);
  });
});
