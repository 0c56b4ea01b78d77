// Builds the explorer page (explorer/index.html and src/) into dist/explorer, which the API serves
// at / (src/http/explorer.ts). `npm run build:explorer`; npm start and npm test build it when the
// sources are newer than the build (scripts/explorer-build.ts).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // sigma and graphology are most of the bundle; one chunk is fine at this size
    chunkSizeWarningLimit: 1024,
  },
});
