// A @web/dev-server plugin that serves React (CommonJS on npm) to the browser
// as ES modules, bundled once with esbuild so `react` and `react-dom/client`
// share one React instance. Needed by test/react/*.browser.test.ts; add
// `reactEsmPlugin()` to the `plugins` of web-test-runner.config.mjs.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const BUNDLE = '/__ucx-react/bundle.js';
const MODULES = {
  react: { url: '/__ucx-react/react.js', global: 'React' },
  'react/jsx-runtime': { url: '/__ucx-react/jsx-runtime.js', global: 'JsxRuntime' },
  'react-dom': { url: '/__ucx-react/react-dom.js', global: 'ReactDOM' },
  'react-dom/client': { url: '/__ucx-react/react-dom-client.js', global: 'ReactDOMClient' },
};
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function reactEsmPlugin() {
  let bundle;
  const modules = new Map(Object.entries(MODULES).map(([spec, m]) => [m.url, { spec, ...m }]));
  return {
    name: 'ucx-react-esm',
    resolveImport({ source }) {
      return MODULES[source]?.url;
    },
    async serve(context) {
      if (context.path === BUNDLE) {
        bundle ??= build({
          stdin: {
            contents: Object.entries(MODULES)
              .map(([spec, m]) => `export * as ${m.global} from ${JSON.stringify(spec)};`)
              .join('\n'),
            resolveDir: process.cwd(),
            loader: 'js',
          },
          bundle: true,
          format: 'esm',
          write: false,
          define: { 'process.env.NODE_ENV': '"development"' },
          logLevel: 'silent',
        }).then((r) => r.outputFiles[0].text);
        return { body: await bundle, type: 'js' };
      }
      const m = modules.get(context.path);
      if (!m) return undefined;
      // Named exports: whatever the CommonJS module exports in Node.
      // (Read in a child process: React's development build writes to a
      // console that the test runner has replaced.)
      const names = JSON.parse(
        execFileSync(
          process.execPath,
          ['-e', `console.log(JSON.stringify(Object.keys(require(${JSON.stringify(m.spec)}))))`],
          {
            cwd: process.cwd(),
            encoding: 'utf8',
            env: { ...process.env, NODE_ENV: 'development' },
          },
        ),
      ).filter((n) => IDENTIFIER.test(n) && n !== 'default');
      const body = [
        `import { ${m.global} as ns } from '${BUNDLE}';`,
        `const mod = ns.default ?? ns;`,
        `export default mod;`,
        ...names.map((n) => `export const ${n} = mod[${JSON.stringify(n)}];`),
      ].join('\n');
      return { body, type: 'js' };
    },
  };
}
