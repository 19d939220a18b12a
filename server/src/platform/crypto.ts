import crypto from 'node:crypto';

/**
 * Field protection with the national algorithms from Node's OpenSSL (GB/T 39786):
 * SM4-CBC with a random IV for ID and phone numbers at rest, and an SM3-HMAC blind index so that
 * look-ups and uniqueness work without decrypting. Keys are derived from the master key by HKDF-SM3.
 */
const MASK_CACHE_SIZE = 20_000;
const FILE_MAGIC = Buffer.from('AUSMENC1');

export class FieldCrypto {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;
  private readonly fileKey: Buffer;
  private readonly fileMacKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('master key must be 32 bytes');
    this.encKey = Buffer.from(crypto.hkdfSync('sm3', masterKey, Buffer.alloc(0), 'ausm-sm4-field', 16));
    this.indexKey = Buffer.from(crypto.hkdfSync('sm3', masterKey, Buffer.alloc(0), 'ausm-sm3-index', 32));
    this.fileKey = Buffer.from(crypto.hkdfSync('sm3', masterKey, Buffer.alloc(0), 'ausm-sm4-file', 16));
    this.fileMacKey = Buffer.from(crypto.hkdfSync('sm3', masterKey, Buffer.alloc(0), 'ausm-sm3-file-mac', 32));
  }

  /** Returns "v1:<iv hex>:<ciphertext base64>". */
  encrypt(plain: string): string {
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('sm4-cbc', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `v1:${iv.toString('hex')}:${ct.toString('base64')}`;
  }

  decrypt(stored: string): string {
    const [version, ivHex, ctB64] = stored.split(':');
    if (version !== 'v1' || !ivHex || ctB64 === undefined) throw new Error('unknown ciphertext format');
    const decipher = crypto.createDecipheriv('sm4-cbc', this.encKey, Buffer.from(ivHex, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(ctB64, 'base64')), decipher.final()]).toString('utf8');
  }

  /**
   * The masked display of a stored value (e.g. 1101**********002X). Decrypting costs more than the
   * rest of a signed-in request, and the same records are shown again and again, so each mask's
   * results are remembered by ciphertext (a new value has a new random IV, hence a new entry). Only
   * masked text is kept in memory, never a plaintext; bounded, oldest out first.
   */
  masked(stored: string, mask: (plain: string) => string): string {
    let cache = this.maskCaches.get(mask);
    if (!cache) this.maskCaches.set(mask, (cache = new Map()));
    const hit = cache.get(stored);
    if (hit !== undefined) return hit;
    const value = mask(this.decrypt(stored));
    if (cache.size >= MASK_CACHE_SIZE) cache.delete(cache.keys().next().value ?? '');
    cache.set(stored, value);
    return value;
  }

  private readonly maskCaches = new WeakMap<(plain: string) => string, Map<string, string>>();

  /**
   * Uploaded files at rest: SM4-CTR with a random IV, then an SM3-HMAC over magic, IV and ciphertext
   * (encrypt-then-MAC; OpenSSL offers no SM4-GCM here), so a changed byte is refused, not served.
   */
  encryptBytes(plain: Buffer): Buffer {
    const iv = crypto.randomBytes(16);
    const cipher = crypto.createCipheriv('sm4-ctr', this.fileKey, iv);
    const body = Buffer.concat([FILE_MAGIC, iv, cipher.update(plain), cipher.final()]);
    return Buffer.concat([body, crypto.createHmac('sm3', this.fileMacKey).update(body).digest()]);
  }

  decryptBytes(stored: Buffer): Buffer {
    if (stored.length < FILE_MAGIC.length + 16 + 32 || !stored.subarray(0, FILE_MAGIC.length).equals(FILE_MAGIC)) throw new Error('not an encrypted file');
    const body = stored.subarray(0, stored.length - 32);
    const tag = stored.subarray(stored.length - 32);
    if (!crypto.timingSafeEqual(tag, crypto.createHmac('sm3', this.fileMacKey).update(body).digest())) throw new Error('encrypted file failed its integrity check');
    const iv = body.subarray(FILE_MAGIC.length, FILE_MAGIC.length + 16);
    const decipher = crypto.createDecipheriv('sm4-ctr', this.fileKey, iv);
    return Buffer.concat([decipher.update(body.subarray(FILE_MAGIC.length + 16)), decipher.final()]);
  }

  /** Deterministic keyed index of a normalised value, scoped so equal strings of different kinds differ. */
  blindIndex(scope: string, value: string): string {
    return crypto.createHmac('sm3', this.indexKey).update(`${scope}\u0000${value}`).digest('hex');
  }
}

/** SM3 digest (session ids, one-time codes) */
export function sm3(value: string): string {
  return crypto.createHash('sm3').update(value).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function randomDigits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += crypto.randomInt(0, 10).toString();
  return s;
}

export function timingSafeEqualText(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
