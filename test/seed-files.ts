// Copies of seed/ for tests that need a broken or extended extraction: made in a temporary folder,
// edited, and removed again with `removeCopies()` (call it in the file's afterAll).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED_DIR } from '../src/seed/index.ts';

export const FILE = 'memcon-chervonenko-deng-1959-11-06.json';

const copies: string[] = [];

/** A copy of seed/ in a temporary folder. */
export function seedCopy(prefix = 'cwg-seed-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copies.push(dir);
  cpSync(SEED_DIR, dir, { recursive: true });
  return dir;
}

/** A copy of seed/ whose memorandum extraction has been edited. */
export function brokenCopy(edit: (x: any) => void): string {
  const dir = seedCopy();
  const path = join(dir, 'extractions', FILE);
  const x = JSON.parse(readFileSync(path, 'utf8'));
  edit(x);
  writeFileSync(path, JSON.stringify(x));
  return dir;
}

export function removeCopies(): void {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
}
