import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The backend serves the built files at / and answers GraphQL (HTTP and WebSocket) at /graphql.
// In development Vite serves the UI and forwards /graphql to a backend on port 3000.
const backend = process.env.SUPERFLUID_BACKEND ?? 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
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
  },
});
