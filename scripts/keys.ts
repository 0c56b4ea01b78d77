// npm run keys -- new --id alice --role editor
// Makes a new API key: prints the key once (it is stored nowhere) and the hashed entry to configure,
// as an API_KEYS item and as an API_KEYS_FILE entry (README, "Editing the graph").
import { parseArgs } from 'node:util';
import { hashKey, KEY_ID_PATTERN, newKey } from '../src/auth/keys.ts';
import { isRole, ROLES } from '../src/auth/roles.ts';
import { fail } from '../src/runtime/cli.ts';

const USAGE = `usage: npm run keys -- new --id <id> --role <${ROLES.join('|')}>
  id: lowercase letters, digits and hyphens, starting with a letter (e.g. alice); it names the
  key in the audit trail`;

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { id: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const [command] = positionals;
  const { id, role } = values;
  if (command !== 'new' || positionals.length !== 1) throw new Error(`give the command "new"\n${USAGE}`);
  if (!id || !KEY_ID_PATTERN.test(id)) throw new Error(`--id must match ${KEY_ID_PATTERN}\n${USAGE}`);
  if (!role || !isRole(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}\n${USAGE}`);
  const key = newKey(id);
  const hash = await hashKey(key);
  process.stdout.write(
    [
      `key for ${id} (${role}), shown this once and stored nowhere; send it as "Authorization: Bearer <key>":`,
      `  ${key}`,
      'configure its hash, in API_KEYS (comma-separated entries):',
      `  ${id}:${role}:${hash}`,
      'or as an entry of the JSON array in API_KEYS_FILE:',
      `  ${JSON.stringify({ id, role, hash })}`,
      '',
    ].join('\n'),
  );
} catch (err) {
  fail(err);
}
