// Generates custom-elements.json from the elements' JSDoc (@summary, @fires,
// @csspart, @cssprop, @slot). The committed manifest is checked fresh by npm test.
export default {
  globs: ['src/components/**/*.ts', 'src/events/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  // npm test writes a fresh copy elsewhere and compares it with the committed one.
  outdir: process.env.UCX_CEM_OUTDIR ?? '.',
  litelement: true,
  dependencies: false,
  // Only the committed manifest is linked from package.json ("customElements").
  packagejson: !process.env.UCX_CEM_OUTDIR,
  plugins: [
    {
      // The globbed file order follows the file system's, which differs between
      // machines; sort so the committed manifest is the same everywhere.
      name: 'ucx-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
