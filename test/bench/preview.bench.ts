// Preview of the 50,000-user directory through the Graph stand-in on loopback:
//   exact query (goal ≤ 300 ms) and with a residual filtered in the browser (goal ≤ 3 s),
//   side by side with the naive baseline "page through all users and filter with
//   matchesFilter". Run: npx tsx test/bench/preview.bench.ts [--json] [--runs N]
// The stand-in runs in its own process (as Graph does), so the preview's prefetch of the
// next page overlaps with the server's work like it would against the real service.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  GRAPH_USER_SELECT,
  graphUserToRecord,
  matchesFilter,
  parseFilter,
  type FilterNode,
  type GraphUser,
} from '../../src/filter/index.js';
import { previewMatchingUsers } from '../../src/graph/index.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const runsArg = args.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(args[runsArg + 1]) : 7;
const USERS = 50_000;
const token = 'bench-token';

function log(...parts: unknown[]): void {
  if (!json) console.log(...parts);
}

async function startStandIn(): Promise<{ baseUrl: string; child: ChildProcess }> {
  const main = fileURLToPath(new URL('../../demo/server/graph/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: { ...process.env, GRAPH_PORT: '0', GRAPH_USERS: String(USERS), GRAPH_SEED: '1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`stand-in did not start: ${out}`)), 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/v1\.0)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    child.once('exit', (code) => reject(new Error(`stand-in exited (${code}): ${out}`)));
  });
  return { baseUrl, child };
}

function filter(text: string): FilterNode {
  const r = parseFilter(text);
  if (!r.ok) throw new Error(`${text}: ${r.error.message}`);
  return r.filter;
}

/** The naive way: every user, 999 per page, filtered in the browser. */
async function naive(baseUrl: string, node: FilterNode): Promise<number> {
  let url: string | undefined = `${baseUrl}/users?$top=999&$select=${GRAPH_USER_SELECT}`;
  let count = 0;
  while (url) {
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
    const page = (await res.json()) as { value: GraphUser[]; '@odata.nextLink'?: string };
    for (const u of page.value) if (matchesFilter(node, graphUserToRecord(u))) count++;
    url = page['@odata.nextLink'];
  }
  return count;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface Case {
  name: string;
  text: string;
  goalMs: number;
}

const CASES: Case[] = [
  { name: 'exact (default query)', text: '(&(department=Sales)(location=Milan))', goalMs: 300 },
  {
    name: 'exact (advanced query)',
    text: '(&(!(department=Temp))(officeLocation=Bldg \\28A\\29))',
    goalMs: 300,
  },
  {
    name: 'residual (pre-filter + browser)',
    text: '(&(department=Sales)(phoneNumber=*555*))',
    goalMs: 3000,
  },
  { name: 'residual (full scan, no contains)', text: '(department=*ale*)', goalMs: 3000 },
];

const { baseUrl, child } = await startStandIn();
const results: {
  name: string;
  filter: string;
  exact: boolean;
  count: number;
  previewMedianMs: number;
  naiveMedianMs: number;
  speedup: number;
  goalMs: number;
  met: boolean;
}[] = [];
try {
  const cold = await time(() =>
    previewMatchingUsers({
      filter: filter('(department=Sales)'),
      getAccessToken: () => token,
      baseUrl,
    }),
  );
  log(
    `Graph stand-in ${baseUrl}, ${USERS} users, ${RUNS} runs per case (first preview, loading the Graph client: ${cold.toFixed(0)} ms)\n`,
  );
  for (const c of CASES) {
    const node = filter(c.text);
    const first = await previewMatchingUsers({
      filter: node,
      getAccessToken: () => token,
      baseUrl,
    });
    const check = await naive(baseUrl, node);
    if (check !== first.count)
      throw new Error(`${c.text}: preview ${first.count} ≠ naive ${check}`);
    const p: number[] = [];
    const n: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      p.push(
        await time(() =>
          previewMatchingUsers({ filter: node, getAccessToken: () => token, baseUrl }),
        ),
      );
      n.push(await time(() => naive(baseUrl, node)));
    }
    const pm = median(p);
    const nm = median(n);
    results.push({
      name: c.name,
      filter: c.text,
      exact: first.exact,
      count: first.count,
      previewMedianMs: Math.round(pm * 10) / 10,
      naiveMedianMs: Math.round(nm * 10) / 10,
      speedup: Math.round((nm / pm) * 10) / 10,
      goalMs: c.goalMs,
      met: pm <= c.goalMs,
    });
  }
} finally {
  child.kill('SIGTERM');
}

if (json) {
  console.log(JSON.stringify({ bench: 'preview', users: USERS, runs: RUNS, results }));
} else {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  log(
    pad('case', 34) +
      pad('filter', 56) +
      pad('exact', 7) +
      pad('count', 8) +
      pad('preview', 11) +
      pad('naive', 11) +
      pad('naive/preview', 15) +
      'goal',
  );
  for (const r of results) {
    log(
      pad(r.name, 34) +
        pad(r.filter, 56) +
        pad(r.exact ? 'yes' : 'no', 7) +
        pad(r.count, 8) +
        pad(`${r.previewMedianMs} ms`, 11) +
        pad(`${r.naiveMedianMs} ms`, 11) +
        pad(`${r.speedup}×`, 15) +
        `≤ ${r.goalMs} ms ${r.met ? '✔' : '✘'}`,
    );
  }
  log(
    `\nmedians of ${RUNS} runs; ${results.every((r) => r.met) ? 'all goals met' : 'some goals missed (is the machine busy?)'}`,
  );
}
