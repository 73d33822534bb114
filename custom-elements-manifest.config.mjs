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
};
