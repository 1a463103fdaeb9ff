import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer, built to dist/renderer with relative asset paths (served by app:// and by the bridge).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
