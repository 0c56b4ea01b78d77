// API keys without a database: their form, scrypt hashing and constant-time verification, the
// configured entries (API_KEYS, API_KEYS_FILE) and what their errors say (never a hash), the store's
// cache (one scrypt per key and process) and the roles.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatHash,
  hashKey,
  KEY_PREFIX,
  KeyConfigError,
  newKey,
  parseHash,
  parseKey,
  parseKeyFile,
  parseKeyList,
  verifyKey,
} from '../../src/auth/keys.ts';
import { hasRole, requireRole } from '../../src/auth/roles.ts';
import { KeyStore, keyStoreFromConfig } from '../../src/auth/store.ts';
import { parseConfig } from '../../src/config.ts';
import { runNode } from '../../test-support/run-node.ts';
import { thrown } from './thrown.ts';

const COST = { N: 2 ** 14, r: 8, p: 1 };

/** The KeyConfigError a call throws (configuration mistakes are not GraphQL errors). */
function configError(call: () => unknown): KeyConfigError {
  try {
    call();
  } catch (err) {
    expect(err).toBeInstanceOf(KeyConfigError);
    return err as KeyConfigError;
  }
  throw new Error('expected the call to throw');
}

describe('keys', () => {
  it('are the prefix, the id and 32 random bytes in base64url, never twice the same', () => {
    const a = newKey('alice');
    const b = newKey('alice');
    expect(a).toMatch(/^cwg_alice\.[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(a.slice('cwg_alice.'.length), 'base64url')).toHaveLength(32);
    expect(a).not.toBe(b);
    expect(parseKey(a)).toEqual({ id: 'alice', secret: a.slice('cwg_alice.'.length) });
  });

  it('refuse ids that are not short lowercase words', () => {
    for (const id of ['', 'Alice', 'al ice', 'a.b', '9lives', 'x'.repeat(41)])
      expect(() => newKey(id), id).toThrow(KeyConfigError);
  });

  it('are not parsed from anything else', () => {
    const good = newKey('bob');
    for (const k of [
      '',
      good.slice(KEY_PREFIX.length),
      good.slice(0, -1),
      `${good}x`,
      good.replace('cwg_', 'xyz_'),
      good.replace('.', ''),
      `cwg_Bob.${good.split('.')[1]}`,
    ])
      expect(parseKey(k), k).toBeNull();
  });

  it('hash with scrypt and verify in constant time; a wrong key or salt fails', async () => {
    const key = newKey('carol');
    const text = await hashKey(key, COST);
    expect(text).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(text).not.toContain(key.split('.')[1]);
    const h = parseHash(text, 'test');
    expect(formatHash(h)).toBe(text);
    expect(await verifyKey(key, h)).toBe(true);
    expect(await verifyKey(newKey('carol'), h)).toBe(false);
    const otherSalt = parseHash(await hashKey(key, COST), 'test');
    expect(otherSalt.hash.equals(h.hash)).toBe(false);
  });

  it('refuse weak or malformed hashes, naming the entry and never echoing the text', () => {
    const salt = Buffer.alloc(16, 1).toString('base64url');
    const hash = Buffer.alloc(32, 2).toString('base64url');
    const cases: [string, RegExp][] = [
      [`bcrypt$16384$8$1$${salt}$${hash}`, /must look like scrypt/],
      [`scrypt$1024$8$1$${salt}$${hash}`, /N must be a power of two from 16384/],
      [`scrypt$20000$8$1$${salt}$${hash}`, /N must be a power of two/],
      [`scrypt$16384$0$1$${salt}$${hash}`, /r must be 1\.\.32/],
      [`scrypt$16384$8$1$${salt.slice(0, 8)}$${hash}`, /salt must be 16 or more bytes/],
      [`scrypt$16384$8$1$${salt}$${hash.slice(0, 20)}`, /hash 32/],
    ];
    for (const [text, message] of cases) {
      const e = configError(() => parseHash(text, 'API_KEYS entry 1 (alice)'));
      expect(e.message).toMatch(/^API_KEYS entry 1 \(alice\): /);
      expect(e.message).toMatch(message);
      expect(e.message).not.toContain(salt.slice(0, 8));
      expect(e.message).not.toContain(hash.slice(0, 20));
    }
  });
});

describe('configured entries', () => {
  it('read API_KEYS (id:role:hash, comma-separated) and say which entry is wrong', async () => {
    const h = await hashKey(newKey('alice'), COST);
    const entries = parseKeyList(` alice:editor:${h} , bob:admin:${h},`);
    expect(entries.map((e) => [e.id, e.role])).toEqual([
      ['alice', 'editor'],
      ['bob', 'admin'],
    ]);
    expect(configError(() => parseKeyList(`alice:editor:${h},bob:owner:${h}`)).message).toBe(
      'API_KEYS entry 2 (bob): the role must be one of editor, admin',
    );
    expect(configError(() => parseKeyList(`Alice:editor:${h}`)).message).toMatch(
      /^API_KEYS entry 1: the id must/,
    );
    expect(configError(() => parseKeyList(`alice:editor:${h}:x`)).message).toBe(
      'API_KEYS entry 1: expected id:role:hash',
    );
  });

  it('read API_KEYS_FILE (a JSON array) and refuse an id configured twice', async () => {
    const h = await hashKey(newKey('alice'), COST);
    const dir = mkdtempSync(join(tmpdir(), 'cwg-keys-'));
    try {
      const file = join(dir, 'keys.json');
      writeFileSync(file, JSON.stringify([{ id: 'dora', role: 'admin', hash: h }]));
      const store = keyStoreFromConfig({
        API_KEYS: `alice:editor:${h}`,
        API_KEYS_FILE: file,
        READS_REQUIRE_KEY: false,
      });
      expect(store.size).toBe(2);
      expect(configError(() => parseKeyFile('{"id": "x"}', 'keys.json')).message).toBe(
        'keys.json: expected an array of { id, role, hash }',
      );
      expect(configError(() => parseKeyFile('[', 'keys.json')).message).toBe('keys.json: not valid JSON');
      expect(
        configError(() =>
          keyStoreFromConfig({ API_KEYS: `dora:editor:${h}`, API_KEYS_FILE: file, READS_REQUIRE_KEY: false }),
        ).message,
      ).toBe('the key id "dora" is configured twice');
      expect(
        configError(() =>
          keyStoreFromConfig({ API_KEYS_FILE: join(dir, 'missing.json'), READS_REQUIRE_KEY: false }),
        ).message,
      ).toMatch(/missing\.json: ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('are required when reads require a key', () => {
    expect(configError(() => keyStoreFromConfig({ READS_REQUIRE_KEY: true })).message).toMatch(
      /READS_REQUIRE_KEY is on but no key is configured/,
    );
    expect(parseConfig({ READS_REQUIRE_KEY: 'true' }).READS_REQUIRE_KEY).toBe(true);
    expect(parseConfig({}).READS_REQUIRE_KEY).toBe(false);
  });
});

describe('the key store', () => {
  it('pays scrypt once per key: later checks compare digests; a wrong key is remembered too', async () => {
    const key = newKey('erin');
    const store = new KeyStore([
      { id: 'erin', role: 'editor', hash: parseHash(await hashKey(key, COST), 't') },
    ]);
    expect(await store.authenticate(key)).toEqual({ keyId: 'erin', role: 'editor' });
    expect(await store.authenticate(key)).toEqual({ keyId: 'erin', role: 'editor' });
    expect(store.verifications).toBe(1);
    // after a key is verified, another key for the id is refused by the digest comparison alone
    expect(await store.authenticate(newKey('erin'))).toBeNull();
    expect(store.verifications).toBe(1);
  });

  it('refuses unknown ids without scrypt, and a wrong key once verified the second time from memory', async () => {
    const key = newKey('finn');
    const store = new KeyStore([
      { id: 'finn', role: 'admin', hash: parseHash(await hashKey(key, COST), 't') },
    ]);
    const wrong = newKey('finn');
    expect(await store.authenticate(newKey('gina'))).toBeNull();
    expect(await store.authenticate('not a key')).toBeNull();
    expect(store.verifications).toBe(0);
    expect(await store.authenticate(wrong)).toBeNull();
    expect(await store.authenticate(wrong)).toBeNull();
    expect(store.verifications).toBe(1);
    expect(await store.authenticate(key)).toEqual({ keyId: 'finn', role: 'admin' });
  });
});

describe('roles', () => {
  it('admin includes editor; editor does not include admin', () => {
    expect(hasRole({ keyId: 'a', role: 'admin' }, 'editor')).toBe(true);
    expect(hasRole({ keyId: 'a', role: 'admin' }, 'admin')).toBe(true);
    expect(hasRole({ keyId: 'e', role: 'editor' }, 'editor')).toBe(true);
    expect(hasRole({ keyId: 'e', role: 'editor' }, 'admin')).toBe(false);
    expect(hasRole(null, 'editor')).toBe(false);
  });

  it('refuse with UNAUTHENTICATED without a key and FORBIDDEN without the role', () => {
    expect(thrown(() => requireRole(null, 'editor'))).toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
    expect(thrown(() => requireRole({ keyId: 'e', role: 'editor' }, 'admin'))).toMatchObject({
      message: 'The key "e" has the editor role; this needs the admin role.',
      extensions: { code: 'FORBIDDEN', keyId: 'e', role: 'editor', needs: 'admin' },
    });
  });
});

describe('npm run keys', () => {
  it('prints a new key once and the entries that let exactly that key in', async () => {
    const run = await runNode([
      '--import',
      'tsx',
      'scripts/keys.ts',
      'new',
      '--id',
      'hana',
      '--role',
      'admin',
    ]);
    expect(run.code, run.err).toBe(0);
    const lines = run.out.split('\n').map((l) => l.trim());
    const key = lines.find((l) => l.startsWith('cwg_')) as string;
    const entry = lines.find((l) => l.startsWith('hana:admin:scrypt$')) as string;
    const json = lines.find((l) => l.startsWith('{')) as string;
    expect(parseKey(key)?.id).toBe('hana');
    expect(run.out.split(key)).toHaveLength(2);
    for (const store of [new KeyStore(parseKeyList(entry)), new KeyStore(parseKeyFile(`[${json}]`, 'f'))]) {
      expect(await store.authenticate(key)).toEqual({ keyId: 'hana', role: 'admin' });
      expect(await store.authenticate(newKey('hana'))).toBeNull();
    }
  });

  it('refuses a bad id or role in one line with the usage', async () => {
    for (const args of [
      ['new', '--id', 'Hana', '--role', 'admin'],
      ['new', '--id', 'hana', '--role', 'owner'],
      ['old', '--id', 'hana', '--role', 'admin'],
    ]) {
      const run = await runNode(['--import', 'tsx', 'scripts/keys.ts', ...args]);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.err).toMatch(
        /^coldwar-graph: .*\nusage: npm run keys -- new --id <id> --role <editor\|admin>/,
      );
      expect(run.out).toBe('');
    }
  });
});
