import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The client is built into client/dist and served by the Express server.
export default defineConfig({
  root: 'client',
  publicDir: 'public',
  resolve: {
    // Every `import … from 'zod/mini'` in the browser goes through the jitless switch (see the file).
    alias: [
      { find: /^zod\/mini$/, replacement: fileURLToPath(new URL('./client/src/zodJitless.ts', import.meta.url)) },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:8080',
      '/collab': { target: 'ws://127.0.0.1:8080', ws: true },
    },
  },
});
