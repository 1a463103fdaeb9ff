import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The bundled CJK font (@fontsource/noto-sans-sc) ships each subset as woff2 and woff; every
 * Chromium reads woff2, so the woff copies are dropped rather than packaged.
 */
function woff2Only(): Plugin {
  return {
    name: 'seller-kb-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/][^?]+\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]+\.woff\)\s*format\('woff'\)/g, '');
    },
  };
}

// The renderer, built to dist/renderer with relative asset paths (served by app:// and by the bridge).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [woff2Only(), react()],
  build: {
    // Fonts stay files: the CSP's font-src 'self' refuses data: fonts.
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    modulePreload: { polyfill: false },
  },
});
