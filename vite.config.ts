import { defineConfig } from 'vite';
import { resolve } from 'node:path';
import pkg from './package.json' with { type: 'json' };

// Library build: one ES module per source file (preserveModules), so a host's
// bundler tree-shakes what it doesn't use and MSAL / the Graph client stay in
// their own lazily imported chunks. Dependencies are external: the host's
// bundler resolves (and dedupes) lit and MSAL. Declarations come from
// `tsc -p tsconfig.build.json`.
const external = [
  ...Object.keys(pkg.dependencies ?? {}),
  ...Object.keys(pkg.peerDependencies ?? {}),
];
const isExternal = (id: string) =>
  external.some((name) => id === name || id.startsWith(`${name}/`));

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        index: resolve(import.meta.dirname, 'src/index.ts'),
        'ucx-user-sync': resolve(import.meta.dirname, 'src/ucx-user-sync.ts'),
        'ucx-user-sync-dialogs': resolve(import.meta.dirname, 'src/ucx-user-sync-dialogs.ts'),
        'ucx-filter-editor': resolve(import.meta.dirname, 'src/ucx-filter-editor.ts'),
        'filter/index': resolve(import.meta.dirname, 'src/filter/index.ts'),
        'filter/tokenize': resolve(import.meta.dirname, 'src/filter/tokenize.ts'),
        'auth/index': resolve(import.meta.dirname, 'src/auth/index.ts'),
        'auth/redirect-bridge': resolve(import.meta.dirname, 'src/auth/redirect-bridge.ts'),
        'graph/index': resolve(import.meta.dirname, 'src/graph/index.ts'),
        'react/index': resolve(import.meta.dirname, 'src/react/index.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: {
      external: isExternal,
      output: {
        preserveModules: true,
        preserveModulesRoot: 'src',
        entryFileNames: '[name].js',
      },
    },
  },
});
