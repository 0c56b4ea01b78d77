// API keys: their form, how they are made and hashed, and how configured entries are read. A key is
// `cwg_<id>.<secret>`: a recognisable prefix, its id (so the one configured hash to check is found
// without trying every entry) and 32 random bytes in base64url. Only a hash is configured:
// `scrypt$N$r$p$salt$hash` (Node's built-in scrypt, no native dependency), compared in constant time.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { isRole, ROLES, type Role } from './roles.ts';

export const KEY_PREFIX = 'cwg_';
/** A key id: lowercase letters, digits and hyphens, starting with a letter (e.g. "alice"). */
export const KEY_ID_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const SECRET_BYTES = 32;
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** scrypt's cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s); weaker configured hashes are refused. */
export const SCRYPT_DEFAULTS = { N: 2 ** 15, r: 8, p: 1 } as const;
const MIN_N = 2 ** 14;
const HASH_BYTES = 32;
const SALT_BYTES = 16;

export interface KeyHash {
  N: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
}

export interface KeyEntry {
  id: string;
  role: Role;
  hash: KeyHash;
}

/** A configured entry that cannot be used; the message names the entry, never its hash. */
export class KeyConfigError extends Error {
  override name = 'KeyConfigError';
}

/** Splits a presented key into its id and secret, or null when it is not of our form. */
export function parseKey(key: string): { id: string; secret: string } | null {
  if (!key.startsWith(KEY_PREFIX)) return null;
  const rest = key.slice(KEY_PREFIX.length);
  const dot = rest.indexOf('.');
  if (dot < 0) return null;
  const id = rest.slice(0, dot);
  const secret = rest.slice(dot + 1);
  return KEY_ID_PATTERN.test(id) && SECRET_PATTERN.test(secret) ? { id, secret } : null;
}

/** A new random key for an id. */
export function newKey(id: string): string {
  if (!KEY_ID_PATTERN.test(id))
    throw new KeyConfigError(`key id "${id.slice(0, 60)}" must match ${KEY_ID_PATTERN} (e.g. "alice")`);
  return `${KEY_PREFIX}${id}.${randomBytes(SECRET_BYTES).toString('base64url')}`;
}

function derive(key: string, h: Omit<KeyHash, 'hash'>): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem: scrypt needs 128·N·r bytes; leave room above it
    scrypt(key, h.salt, HASH_BYTES, { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r }, (err, out) =>
      err ? reject(err) : resolve(out),
    );
  });
}

/** Hashes a key with a fresh salt: the text to configure (`scrypt$N$r$p$salt$hash`). */
export async function hashKey(key: string, cost: { N: number; r: number; p: number } = SCRYPT_DEFAULTS) {
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(key, { ...cost, salt });
  return formatHash({ ...cost, salt, hash });
}

export function formatHash(h: KeyHash): string {
  return ['scrypt', h.N, h.r, h.p, h.salt.toString('base64url'), h.hash.toString('base64url')].join('$');
}

/** Reads `scrypt$N$r$p$salt$hash`; throws a KeyConfigError saying what is wrong (not the text). */
export function parseHash(text: string, where: string): KeyHash {
  const parts = text.split('$');
  const [scheme, n, r, p, salt, hash] = parts;
  if (parts.length !== 6 || scheme !== 'scrypt')
    throw new KeyConfigError(`${where}: the hash must look like scrypt$N$r$p$salt$hash`);
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (!Number.isInteger(N) || N < MIN_N || N > 2 ** 20 || (N & (N - 1)) !== 0)
    throw new KeyConfigError(`${where}: scrypt N must be a power of two from ${MIN_N} to ${2 ** 20}`);
  if (!Number.isInteger(R) || R < 1 || R > 32 || !Number.isInteger(P) || P < 1 || P > 16)
    throw new KeyConfigError(`${where}: scrypt r must be 1..32 and p 1..16`);
  const saltBytes = Buffer.from(salt ?? '', 'base64url');
  const hashBytes = Buffer.from(hash ?? '', 'base64url');
  if (saltBytes.length < 16 || hashBytes.length !== HASH_BYTES)
    throw new KeyConfigError(`${where}: the salt must be 16 or more bytes and the hash ${HASH_BYTES}`);
  return { N, r: R, p: P, salt: saltBytes, hash: hashBytes };
}

/** Whether a key matches a configured hash (scrypt, then a constant-time comparison). */
export async function verifyKey(key: string, h: KeyHash): Promise<boolean> {
  const derived = await derive(key, h);
  return derived.length === h.hash.length && timingSafeEqual(derived, h.hash);
}

function entry(id: string, role: string, hash: string, where: string): KeyEntry {
  if (!KEY_ID_PATTERN.test(id)) throw new KeyConfigError(`${where}: the id must match ${KEY_ID_PATTERN}`);
  if (!isRole(role))
    throw new KeyConfigError(`${where} (${id}): the role must be one of ${ROLES.join(', ')}`);
  return { id, role, hash: parseHash(hash, `${where} (${id})`) };
}

/** API_KEYS: comma-separated `id:role:scrypt$N$r$p$salt$hash`. */
export function parseKeyList(text: string): KeyEntry[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((item, i) => {
      const [id = '', role = '', hash = '', ...extra] = item.split(':');
      if (extra.length) throw new KeyConfigError(`API_KEYS entry ${i + 1}: expected id:role:hash`);
      return entry(id, role, hash, `API_KEYS entry ${i + 1}`);
    });
}

/** API_KEYS_FILE: a JSON array of `{ "id", "role", "hash" }`. */
export function parseKeyFile(json: string, file: string): KeyEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new KeyConfigError(`${file}: not valid JSON`);
  }
  if (!Array.isArray(raw)) throw new KeyConfigError(`${file}: expected an array of { id, role, hash }`);
  return raw.map((x, i) => {
    const o = (x ?? {}) as Record<string, unknown>;
    const [id, role, hash] = [o.id, o.role, o.hash].map((v) => (typeof v === 'string' ? v : ''));
    return entry(id ?? '', role ?? '', hash ?? '', `${file} entry ${i + 1}`);
  });
}

/** Every entry once by id; a second entry with the same id is a mistake. */
export function uniqueEntries(entries: readonly KeyEntry[]): Map<string, KeyEntry> {
  const byId = new Map<string, KeyEntry>();
  for (const e of entries) {
    if (byId.has(e.id)) throw new KeyConfigError(`the key id "${e.id}" is configured twice`);
    byId.set(e.id, e);
  }
  return byId;
}
