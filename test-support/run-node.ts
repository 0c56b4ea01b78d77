// Runs Node with arguments to its end, as a user would from a terminal, and hands back its exit
// code, standard output and standard error (for the export tests and the export benchmark).
import { spawn } from 'node:child_process';

export interface NodeRun {
  code: number | null;
  out: string;
  err: string;
}

export function runNode(args: string[], env: Record<string, string> = {}): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
