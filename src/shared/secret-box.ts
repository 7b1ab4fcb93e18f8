import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** A key's public id: the first 8 bytes of SHA-256 over a label and the key (the key cannot be recovered from it). */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('plaza-encryption-key-id\0').update(key).digest('hex').slice(0, 16);
}

function parseKey(hexKey: string): Buffer {
  const key = Buffer.from(hexKey, 'hex');
  if (key.length !== 32 || !/^[0-9a-fA-F]{64}$/.test(hexKey)) throw new Error('encryption key must be 32 bytes (64 hex characters)');
  return key;
}

/**
 * Secrets kept at rest (git access tokens, webhook secrets) are sealed with AES-256-GCM under
 * PLAZA_ENCRYPTION_KEY as `v2.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). Rotation without
 * downtime (README "Configuration"): the new key becomes PLAZA_ENCRYPTION_KEY and the old one goes to
 * PLAZA_ENCRYPTION_PREVIOUS_KEYS, so values sealed under it still open; `plaza secrets reseal`
 * then seals every stored value under the current key, after which the old key can be dropped.
 * `v1.<iv>.<tag>.<ciphertext>` values (sealed before key ids existed) carry no id and open under
 * whichever configured key authenticates them.
 */
export class SecretBox {
  private readonly current: { id: string; key: Buffer };
  private readonly keys = new Map<string, Buffer>();

  constructor(hexKey: string, previousHexKeys: readonly string[] = []) {
    const key = parseKey(hexKey);
    this.current = { id: keyIdOf(key), key };
    this.keys.set(this.current.id, key);
    for (const hex of previousHexKeys) {
      const previous = parseKey(hex);
      if (!this.keys.has(keyIdOf(previous))) this.keys.set(keyIdOf(previous), previous);
    }
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v2', this.current.id, ...[iv, cipher.getAuthTag(), data].map(p => p.toString('base64url'))].join('.');
  }

  /** The key id a sealed value names (null for a v1 value, which names none). */
  keyIdOfSealed(sealed: string): string | null {
    const [version, id] = sealed.split('.');
    return version === 'v2' ? id : null;
  }

  /** Whether the value is sealed under the current key (a reseal leaves it as it is). */
  isCurrent(sealed: string): boolean {
    return this.keyIdOfSealed(sealed) === this.current.id;
  }

  open(sealed: string): string {
    const parts = sealed.split('.');
    if (parts[0] === 'v2' && parts.length === 5) {
      const key = this.keys.get(parts[1]);
      if (!key) throw new Error(`sealed under key ${parts[1]}, which is not configured (PLAZA_ENCRYPTION_KEY / PLAZA_ENCRYPTION_PREVIOUS_KEYS)`);
      return decrypt(key, parts[2], parts[3], parts[4]);
    }
    if (parts[0] === 'v1' && parts.length === 4) {
      for (const key of this.keys.values()) {
        try {
          return decrypt(key, parts[1], parts[2], parts[3]);
        } catch {
          // not this key: the tag did not authenticate
        }
      }
      throw new Error('no configured key opens this sealed value');
    }
    throw new Error('unknown sealed format');
  }

  /** The value sealed under the current key (unchanged when it already is). */
  reseal(sealed: string): string {
    return this.isCurrent(sealed) ? sealed : this.seal(this.open(sealed));
  }
}

function decrypt(key: Buffer, iv: string, tag: string, data: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}
