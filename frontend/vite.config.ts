import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The backend serves the built files at / and answers GraphQL (HTTP and WebSocket) at /graphql.
// In development Vite serves the UI and forwards /graphql to a backend on port 3000.
const backend = process.env.SUPERFLUID_BACKEND ?? 'http://127.0.0.1:3000';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Each built script and style sheet also written compressed, once, at the best settings (brotli
 * quality 11, gzip level 9): x.js.br and x.js.gz beside x.js, which the backend sends as they are
 * (backend/src/system/frontend-serving.ts) instead of compressing every answer quickly and worse.
 */
function precompress(): Plugin {
  return {
    name: 'superfluid-precompress',
    apply: 'build',
    async writeBundle({ dir }) {
      if (!dir) return;
      const assets = join(dir, 'assets');
      const names = (await readdir(assets)).filter((name) => /\.(js|css|svg|json)$/.test(name));
      await Promise.all(
        names.map(async (name) => {
          const data = await readFile(join(assets, name));
          const br = await brotli(data, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
          });
          const gz = await gzipped(data, { level: 9 });
          // Not worth it for a file that does not shrink (the server then sends it whole).
          if (br.length < data.length) await writeFile(join(assets, `${name}.br`), br);
          if (gz.length < data.length) await writeFile(join(assets, `${name}.gz`), gz);
        }),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/graphql': { target: backend, ws: true, changeOrigin: true },
      '/healthz': { target: backend },
      '/api': { target: backend },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Maps for whoever has the build (the server refuses to serve them); the script does not point to them.
    sourcemap: 'hidden',
    chunkSizeWarningLimit: 2500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What the entry imports statically (the layout, the data provider and the catalog, the
          // first page) as one script: the automatic split made ~50 small shared chunks of it, each
          // a request of its own that compresses worse. Every other page stays a chunk loaded
          // when it is first shown (common/lazyPage.ts).
          groups: [{ name: 'index', tags: ['$initial'] }],
        },
      },
    },
  },
});
