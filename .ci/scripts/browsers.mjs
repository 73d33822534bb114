// Finds the browsers the tests need: Chromium and Firefox (ESR).
// Order: CHROME_PATH / FIREFOX_PATH, then the usual install locations.
// With { install: true } and root + apt-get, a missing one is installed from
// Debian's packages (chromium, firefox-esr); otherwise we stop with a message
// naming what to install. We never download a browser build of our own.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROME_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];
const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/usr/lib/firefox-esr/firefox-esr',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

/**
 * Flags for headless Chromium on a machine without internet (and as root):
 * without the background-networking ones it keeps trying to reach Google's
 * services. Shared by web-test-runner, the Storybook tests and the e2e suites.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

function firstExisting(envName, candidates) {
  const fromEnv = process.env[envName];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((p) => existsSync(p));
}

function canApt() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && existsSync('/usr/bin/apt-get');
}

function aptInstall(packages, log) {
  log(`Installing Debian's ${packages.join(' and ')} with apt-get (needed by the browser tests)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
    stdio: 'inherit',
    env,
  });
}

/**
 * @param {{ install?: boolean, firefox?: boolean, log?: (m: string) => void }} [options]
 *   `firefox: false` when only Chromium is needed (the benchmarks): Firefox is then
 *   neither installed nor reported missing.
 * @returns {{ chrome?: string, firefox?: string, missing: string[] }}
 */
export function findBrowsers({
  install = false,
  firefox: needFirefox = true,
  log = console.log,
} = {}) {
  let chrome = firstExisting('CHROME_PATH', CHROME_CANDIDATES);
  let firefox = firstExisting('FIREFOX_PATH', FIREFOX_CANDIDATES);
  const wanted = [];
  if (!chrome) wanted.push('chromium');
  if (!firefox && needFirefox) wanted.push('firefox-esr');
  if (install && wanted.length > 0 && canApt()) {
    try {
      aptInstall(wanted, log);
    } catch (error) {
      log(`apt-get could not install ${wanted.join(', ')}: ${error.message}`);
    }
    chrome ??= firstExisting('CHROME_PATH', CHROME_CANDIDATES);
    firefox ??= firstExisting('FIREFOX_PATH', FIREFOX_CANDIDATES);
  }
  const missing = [];
  if (!chrome) missing.push('Chromium (Debian: apt-get install chromium; or set CHROME_PATH)');
  if (!firefox && needFirefox)
    missing.push('Firefox (Debian: apt-get install firefox-esr; or set FIREFOX_PATH)');
  return { chrome, firefox, missing };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findBrowsers({ install: process.argv.includes('--install') });
  console.log(JSON.stringify(found, null, 2));
  process.exit(found.missing.length ? 1 : 0);
}
