// The configured keys of a process and the check of a presented one. scrypt is paid once per key and
// process: a verified key is remembered by its SHA-256 digest (one per configured id, so the memory
// is bounded by the configuration), and a key that failed is remembered in a small LRU, so repeating
// a wrong key costs no scrypt either. Every comparison of digests or hashes is constant-time.
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.ts';
import { MAX_REFUSED_KEYS_REMEMBERED } from '../limits.ts';
import {
  KeyConfigError,
  type KeyEntry,
  parseKey,
  parseKeyFile,
  parseKeyList,
  uniqueEntries,
  verifyKey,
} from './keys.ts';
import type { Principal } from './roles.ts';

const digest = (key: string) => createHash('sha256').update(key).digest();

export class KeyStore {
  private readonly byId: Map<string, KeyEntry>;
  private readonly verified = new Map<string, Buffer>();
  private readonly refused = new LRUCache<string, true>({ max: MAX_REFUSED_KEYS_REMEMBERED });
  /** scrypt verifications run since the store was made (each key should cost one per process). */
  verifications = 0;

  constructor(entries: readonly KeyEntry[] = []) {
    this.byId = uniqueEntries(entries);
  }

  get size(): number {
    return this.byId.size;
  }

  /** The principal a key stands for, or null when it is malformed, unknown or wrong. */
  async authenticate(key: string): Promise<Principal | null> {
    const parsed = parseKey(key);
    const entry = parsed && this.byId.get(parsed.id);
    if (!entry) return null;
    const presented = digest(key);
    const known = this.verified.get(entry.id);
    if (known) return timingSafeEqual(presented, known) ? { keyId: entry.id, role: entry.role } : null;
    // the LRU is keyed by the digest, not the key: no key text is kept in memory after the request
    const hex = presented.toString('hex');
    if (this.refused.has(hex)) return null;
    this.verifications += 1;
    if (!(await verifyKey(key, entry.hash))) {
      this.refused.set(hex, true);
      return null;
    }
    this.verified.set(entry.id, presented);
    return { keyId: entry.id, role: entry.role };
  }
}

/** The key store the configuration describes: API_KEYS and the entries of API_KEYS_FILE. */
export function keyStoreFromConfig(c: Pick<Config, 'API_KEYS' | 'API_KEYS_FILE' | 'READS_REQUIRE_KEY'>) {
  const entries = c.API_KEYS ? parseKeyList(c.API_KEYS) : [];
  if (c.API_KEYS_FILE) {
    let text: string;
    try {
      text = readFileSync(c.API_KEYS_FILE, 'utf8');
    } catch (err) {
      throw new KeyConfigError(
        `API_KEYS_FILE ${c.API_KEYS_FILE}: ${(err as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      );
    }
    entries.push(...parseKeyFile(text, `API_KEYS_FILE ${c.API_KEYS_FILE}`));
  }
  const store = new KeyStore(entries);
  if (c.READS_REQUIRE_KEY && store.size === 0)
    throw new KeyConfigError('READS_REQUIRE_KEY is on but no key is configured (API_KEYS, API_KEYS_FILE)');
  return store;
}
