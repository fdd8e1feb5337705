import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The staff app: built to dist/web and served by Fastify under /app.
export default defineConfig({
  root: 'src/web',
  base: '/app/',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
