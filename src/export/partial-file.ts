// A file written as PATH.partial and renamed to PATH once complete, so that a failed export never
// leaves a file that looks whole. Writes wait for the stream to drain (bounded memory); a write
// error is thrown at the next write or at finish.
import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';

export interface PartialFile {
  write(text: string): Promise<void>;
  /** Closes the file and gives it its name. */
  finish(): Promise<void>;
  /** Closes and deletes the partial file. */
  abandon(): void;
}

export function partialFile(path: string): PartialFile {
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let failure: Error | undefined;
  stream.on('error', (err) => {
    failure = err;
  });
  return {
    async write(text: string) {
      if (failure) throw failure;
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
      if (failure) throw failure;
    },
    async finish() {
      stream.end();
      await once(stream, 'finish');
      if (failure) throw failure;
      renameSync(partial, path);
    },
    abandon() {
      stream.destroy();
      rmSync(partial, { force: true });
    },
  };
}
