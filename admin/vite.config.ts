import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are resolved from this file, so the config works whatever the
// working directory (`npm run build:admin` runs it from the repository root).
const adminRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: adminRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/admin', import.meta.url)),
    emptyOutDir: true,
    // One cacheable chunk per family of libraries, so no chunk passes the
    // 500 kB warning and an app change does not invalidate the vendors.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, priority: 20 },
            // Phone-number metadata (the search page finds numbers again in free text).
            { name: 'libphonenumber', test: /node_modules[\\/]libphonenumber-js[\\/]/, priority: 25 },
            // The dashboard's chart: recharts and what only it uses (d3, redux toolkit...).
            {
              name: 'charts',
              test: /node_modules[\\/](recharts|victory-vendor|d3-[^\\/]+|internmap|decimal\.js-light|es-toolkit|immer|reselect|redux|redux-thunk|react-redux|@reduxjs[\\/]toolkit|tiny-invariant)[\\/]/,
              priority: 15,
            },
            // react-admin's Material UI components, apart from its core and the other libraries.
            { name: 'ra-ui', test: /node_modules[\\/]ra-ui-materialui[\\/]/, priority: 12 },
            { name: 'react-admin', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': {
        target: 'http://localhost:3000',
        changeOrigin: false,
      },
    },
  },
});
