// Starts the same one-origin stack as `npm start` (demo/server/dev/stack.ts) on
// an ephemeral port with a temporary data folder, and opens the demo page in
// Chromium with everything a test wants to watch: CSP / Trusted Types
// violations, console errors and the host events.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import {
  startDemoStack,
  type DemoStack,
  type DemoStackOptions,
} from '../../../demo/server/dev/stack.js';

export interface TestStack {
  stack: DemoStack;
  dataDir: string;
  /** Closes the stack and removes the data folder (unless kept). */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function startTestStack(
  options: DemoStackOptions & { dataDir?: string } = {},
): Promise<TestStack> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'ucx-flow-data-')));
  const stack = await startDemoStack({
    port: 0,
    firstSyncDelayMs: 0,
    ...options,
    dataDir,
    log: process.env['UCX_LOG'] ? (line) => console.log(line) : undefined,
  });
  return {
    stack,
    dataDir,
    async close({ keepData = false } = {}) {
      await stack.close();
      if (!keepData) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** `securitypolicyviolation` events seen by any page of the context. */
  violations(): Promise<string[]>;
  /** Console errors and page errors of every page of the context (popups included). */
  readonly consoleErrors: string[];
  close(): Promise<void>;
}

declare global {
  interface Window {
    __ucxViolations?: string[];
    __ucxEvents?: { type: string; detail: unknown }[];
  }
}

/** What a listener in the page records (installed before any page script runs). */
function installWatchers(): void {
  window.__ucxViolations = [];
  window.__ucxEvents = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__ucxViolations!.push(
      `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
    );
  });
  for (const type of [
    'ucx-integration-created',
    'ucx-integration-updated',
    'ucx-integration-deleted',
    'ucx-consent-granted',
    'ucx-before-create',
    'ucx-error',
  ]) {
    document.addEventListener(type, (e) => {
      const detail = (e as CustomEvent).detail as unknown;
      window.__ucxEvents!.push({ type, detail: JSON.parse(JSON.stringify(detail ?? null)) });
    });
  }
}

export async function openDemo(
  browser: Browser,
  stack: DemoStack,
  path = '/',
  options: { beforeGoto?: (page: Page) => void | Promise<void> } = {},
): Promise<Watched> {
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: { width: 1400, height: 900 },
  });
  await context.addInitScript(installWatchers);
  const consoleErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') consoleErrors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
  };
  context.on('page', watch);
  const page = await context.newPage();
  await options.beforeGoto?.(page);
  await page.goto(new URL(path, stack.origin).href);
  return {
    context,
    page,
    consoleErrors,
    async violations() {
      const all: string[] = [];
      for (const p of context.pages()) {
        if (p.isClosed()) continue;
        all.push(...(await p.evaluate(() => window.__ucxViolations ?? []).catch(() => [])));
      }
      return all;
    },
    close: () => context.close(),
  };
}

/** Host events recorded so far on the demo page. */
export function hostEvents(page: Page): Promise<{ type: string; detail: unknown }[]> {
  return page.evaluate(() => window.__ucxEvents ?? []);
}
