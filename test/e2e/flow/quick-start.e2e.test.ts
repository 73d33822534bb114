// README's quick start, literally: `npm start` prints one URL; the page works in
// Chromium; Ctrl-C (SIGINT to the process group, as a terminal sends it) stops
// everything and exits 0.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser.js';
import { REPO_ROOT } from '../support/page-server.js';
import { rows } from '../support/demo-page.js';

let child: ChildProcess | undefined;
let dataDir: string | undefined;

afterAll(async () => {
  if (child?.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('npm start', () => {
  it('prints one URL, serves the demo, and stops on Ctrl-C', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'ucx-quick-start-'));
    // The documented default port, unless something on this machine already holds it.
    const env: NodeJS.ProcessEnv = { ...process.env, UCX_DATA_DIR: dataDir };
    delete env['PORT'];
    if (!(await portFree(8443))) env['PORT'] = '0';
    let output = '';
    child = spawn('npm', ['start'], { cwd: REPO_ROOT, env, detached: true, stdio: 'pipe' });
    child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<string>((resolve) =>
      child!.on('exit', (code, signal) => resolve(signal ?? String(code))),
    );

    const started = Date.now();
    while (!/https:\/\/localhost:\d+\//.test(output)) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() - started > 60_000) throw new Error(`no URL after 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, 200)); // the hint lines
    const urls = output.match(/https?:\/\/\S+/g) ?? [];
    expect(urls).toHaveLength(1);
    expect(output).toMatch(/admin@contoso\.example/);
    expect(output).toMatch(/certificate/);
    expect(output).not.toMatch(/WARNING|Error/);
    const url = urls[0]!;
    const port = Number(new URL(url).port);
    if (!env['PORT']) expect(port).toBe(8443);

    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      await page.goto(url);
      await rows(page).first().waitFor({ state: 'attached', timeout: 20_000 });
      expect(await page.locator('ucx-user-sync h2[part="title"]').innerText()).toMatch(
        /Synchronization/,
      );
    } finally {
      await browser.close();
    }

    process.kill(-child.pid!, 'SIGINT'); // what Ctrl-C in a terminal does
    const end = await Promise.race([
      exited,
      new Promise<string>((r) => setTimeout(() => r('hung'), 15_000)),
    ]);
    // Our server exits 0; npm re-raises the SIGINT it received on itself, as a shell expects.
    expect(['0', 'SIGINT']).toContain(end);
    expect(await refused(port)).toBe(true);
    // Nothing of the process group is left (npm, start.mjs, tsx, the server).
    const gone = async () => {
      for (let i = 0; i < 50; i++) {
        try {
          process.kill(-child!.pid!, 0);
        } catch {
          return true;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      return false;
    };
    expect(await gone()).toBe(true);
  });
});
