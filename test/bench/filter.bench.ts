/**
 * Filter engine benchmark: parse and match throughput of src/filter against `ldap-filter`
 * and `@ldapjs/filter` in the same run. Run with `npx tsx test/bench/filter.bench.ts`
 * (part of `npm run bench`, not `npm test`).
 *
 * - Filters of 10 to 100,000 clauses in three shapes: flat (one AND of N items), balanced
 *   (a binary tree alternating & and |), deep (a chain of N nested sets; our parser is
 *   given maxDepth/maxLength to allow it, the peers overflow their stack at some depth).
 * - 100,000 generated user records; matching runs over as many of them as fit the time
 *   budget and reports ns per record·clause.
 * - Match counts are compared with `ldap-filter` and each kind of difference is explained.
 *
 * Options, for iterating on one part: `--parse` (parse only), `--match` (match only),
 * `--shapes=flat,deep` and `--sizes=10,100000` (subsets), `--rounds=N` (default 7).
 */
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  compileFilter,
  formatFilter,
  parseFilter,
  type FilterNode,
  type ItemNode,
  type UserRecord,
} from '../../src/filter/index.js';

const require = createRequire(import.meta.url);
interface PeerFilter {
  matches(target: object, strictAttrCase?: boolean): boolean;
}
const ldapFilter = require('ldap-filter') as { parse(text: string): PeerFilter };
const ldapjs = require('@ldapjs/filter') as { parseString(text: string): PeerFilter };

// Deterministic PRNG (mulberry32).
let seed = 0x5eed;
function rand(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

const DEPARTMENTS = [
  'sales',
  'marketing',
  'engineering',
  'hr',
  'finance',
  'support',
  'legal',
  'r&d',
  'Sales',
  'temp',
];
const CITIES = ['nyc', 'london', 'paris', 'berlin', 'tokyo', 'münchen', 'São Paulo', 'austin'];
const OFFICES = ['bldg (a)', 'bldg (b)', 'hq', 'remote', 'floor 3', ''];
const DOMAINS = ['company.com', 'example.org', 'contoso.com', 'Company.com'];

function makeRecord(i: number): UserRecord {
  const phoneDigits = `${100 + (i % 900)}${1000 + ((i * 7) % 9000)}`;
  return {
    email: rand() < 0.95 ? `user${i}.${pick(['ann', 'bob', 'cho', 'dee'])}@${pick(DOMAINS)}` : null,
    department: rand() < 0.9 ? pick(DEPARTMENTS) : undefined,
    officeLocation: pick(OFFICES),
    location: rand() < 0.8 ? pick(CITIES) : null,
    phoneNumber:
      rand() < 0.7
        ? pick([`+1 555 ${phoneDigits}`, `+1-555-${phoneDigits}`, `+1555${phoneDigits}`])
        : null,
  };
}

/**
 * A random clause in the subset all three engines read, that is true (`want`) or false for
 * most records. The trees below choose `want` so that evaluation never short-circuits on
 * the typical record: the first children of an AND are true, those of an OR are false. So
 * ns per record·clause measures real clause evaluations, at every shape and size.
 */
const tag = (): string => `${Math.floor(rand() * 100_000)}`;
function makeItem(want: boolean): ItemNode | FilterNode {
  const r = rand();
  if (want) {
    // True for every record with an email (95% of them): user<n>.<name>@<domain>.
    if (r < 0.25) return { type: 'not', child: makeItem(false) };
    if (r < 0.45) return { type: 'substring', field: 'email', initial: 'user', any: [] };
    if (r < 0.6) return { type: 'substring', field: 'email', any: ['.', '@'] };
    if (r < 0.75)
      return {
        type: 'substring',
        field: 'email',
        initial: 'u',
        any: ['@'],
      };
    if (r < 0.9) return { type: 'substring', field: 'email', any: [pick(['user', '@', '.'])] };
    return { type: 'present', field: 'email' };
  }
  if (r < 0.3)
    return { type: 'equality', field: 'department', value: `${pick(DEPARTMENTS)}-${tag()}` };
  if (r < 0.45) return { type: 'equality', field: 'location', value: `${pick(CITIES)}-${tag()}` };
  if (r < 0.55)
    return {
      type: 'equality',
      field: 'officeLocation',
      value: `${pick(OFFICES.slice(0, 5))} ${tag()}`,
    };
  if (r < 0.7)
    return { type: 'substring', field: 'email', any: [], final: `@${tag()}.${pick(DOMAINS)}` };
  if (r < 0.8) return { type: 'substring', field: 'email', initial: `nobody${tag()}.`, any: [] };
  if (r < 0.9) return { type: 'substring', field: 'email', any: [`zed${tag()}`] };
  return {
    type: 'equality',
    field: 'phoneNumber',
    value: `+1555${100 + Math.floor(rand() * 900)}${tag()}`,
  };
}

/** A set of two children: the first keeps evaluation going, the second carries `want`. */
function pair(and: boolean, first: FilterNode, second: FilterNode): FilterNode {
  return { type: and ? 'and' : 'or', children: [first, second] };
}
function flat(n: number): FilterNode {
  // One AND of n clauses, all true for most records.
  return { type: 'and', children: Array.from({ length: n }, () => makeItem(true)) };
}
function balanced(n: number, want = true, and = true): FilterNode {
  // A balanced binary tree alternating & and |, about log2(n) levels (iterative enough:
  // the recursion depth is log2(n)).
  if (n === 1) return makeItem(want);
  const left = Math.floor(n / 2);
  return pair(and, balanced(left, and, !and), balanced(n - left, want, !and));
}
function deep(n: number): FilterNode {
  // (|(x1)(&(x2)(|(x3)…))): one clause per level, alternating | and &.
  let node: FilterNode = makeItem(true);
  for (let i = 1; i < n; i++) {
    const and = i % 2 === 0;
    node = pair(and, makeItem(and), node);
  }
  return node;
}

/**
 * CPU time in ms (user + system of this process). The machine this runs on is often shared
 * (2 cores, other jobs), so wall time mostly measures the neighbours; CPU time does not.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/**
 * ns per run of one engine: repeats `run` for at least `budgetMs` of CPU time, in batches
 * that double (reading the CPU clock is a system call, too slow to do after every run).
 */
function timeOnce(run: () => void, budgetMs: number, maxReps: number): number {
  let reps = 0;
  let batch = 1;
  const start = cpuMs();
  let now = start;
  do {
    for (let i = 0; i < batch; i++) run();
    reps += batch;
    batch = Math.min(batch * 2, maxReps - reps);
    now = cpuMs();
  } while (now - start < budgetMs && batch > 0);
  return ((now - start) * 1e6) / reps;
}

if (process.argv.includes('--help')) {
  console.log(
    'Usage: npx tsx test/bench/filter.bench.ts [--parse | --match] [--shapes=flat,balanced,deep]\n' +
      '         [--sizes=10,100,...,100000] [--rounds=N (default 7)]\n' +
      'Parse and match throughput against ldap-filter and @ldapjs/filter; every shape and size by default.',
  );
  process.exit(0);
}
// Said, not fatal: `npm run bench` passes the same options to every benchmark it runs.
const known = /^--(parse|match|shapes=.*|sizes=.*|rounds=.*)$/;
const unknown = process.argv.slice(2).filter((a) => !known.test(a));
if (unknown.length) console.warn(`(filter bench: ignoring ${unknown.join(' ')}; see --help)`);

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const list = (name: string): string[] | undefined => arg(name)?.split(',');
const doParse = !process.argv.includes('--match');
const doMatch = !process.argv.includes('--parse');
const ROUNDS = Number(arg('rounds') ?? 7);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
};

/**
 * Sleeps 30 ms without returning to the event loop, so the collector's and the compiler's
 * background threads finish what the previous timing left them (process CPU time counts
 * those threads too, and would charge it to whichever engine runs next).
 */
const settle = (): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30);
};

/** Engine times in ns per run (median of the rounds), and ours against the faster peer. */
interface Timing {
  ns: number[];
  /** Median over the rounds of (faster peer ÷ ours) within the round; NaN with no peer. */
  ratio: number;
}

/**
 * Times several engines on the same input fairly: a warm-up budget each, then ROUNDS rounds
 * that interleave the engines (so a burst of load hits all of them alike). The first engine
 * is ours, the next two the peers; `undefined` engines (they overflowed) give NaN. The
 * ratio is taken round by round, so a slow spell on this shared machine, which slows
 * neighbouring timings alike, moves it less than it moves the medians. With `--expose-gc`
 * (scripts/bench.mjs passes it) a full collection precedes each timing.
 */
function timeAll(runs: ((() => void) | undefined)[], budgetMs: number, maxReps = 1e6): Timing {
  // Warm up: each engine runs for a full budget first, so the timed rounds see optimized code.
  for (const run of runs) if (run) timeOnce(run, budgetMs, maxReps);
  const samples: number[][] = runs.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    runs.forEach((run, i) => {
      if (!run) return;
      // Start each engine on a clean heap, so none pays for the garbage another left.
      (globalThis as { gc?: () => void }).gc?.();
      settle();
      samples[i]?.push(timeOnce(run, budgetMs, maxReps));
    });
  }
  const ratios = (samples[0] ?? []).map((ours, round) => {
    const peers = [samples[1]?.[round], samples[2]?.[round]].filter((x) => x !== undefined);
    return peers.length ? Math.min(...peers) / ours : NaN;
  });
  return {
    ns: samples.map((xs) => (xs.length ? median(xs) : NaN)),
    ratio: median(ratios),
  };
}

const RECORDS = 100_000;
console.log(`Generating ${RECORDS.toLocaleString()} user records…`);
const records = Array.from({ length: RECORDS }, (_, i) => makeRecord(i));

type Row = {
  shape: string;
  clauses: number;
  ours: number;
  ldf: number;
  ldj: number;
  /** Ours with `spans: true` (parse only). */
  spans?: number;
  ratio: number;
};
const parseRows: Row[] = [];
const matchRows: Row[] = [];
const diffs: string[] = [];
const SIZES = (list('sizes') ?? ['10', '100', '1000', '10000', '100000']).map(Number);
const OUR_LIMITS = { maxLength: 1e9, maxDepth: 1e9 };
// The peers record no positions, so the ratio is taken without spans; `with spans` shows
// what an editor that asks for them pays.
const WITH_SPANS = { ...OUR_LIMITS, spans: true };

function tryPeer<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined; // stack overflow on deep filters, reported as "overflow"
  }
}

/** Explains why our result differs from ldap-filter's for a record, clause by clause. */
function explain(node: FilterNode, record: UserRecord): string {
  const items: ItemNode[] = [];
  const stack = [node];
  while (stack.length) {
    const n = stack.pop() as FilterNode;
    if (n.type === 'and' || n.type === 'or') stack.push(...n.children);
    else if (n.type === 'not') stack.push(n.child);
    else items.push(n);
  }
  for (const item of items) {
    const text = formatFilter(item);
    const ours = compileFilter(item)(record);
    const theirs = ldapFilter.parse(text).matches(record);
    if (ours === theirs) continue;
    const value = String(record[item.field] ?? '');
    let why = 'other';
    if (item.field === 'phoneNumber')
      why = 'phone numbers compared ignoring spaces and - (ldap-filter: exact text)';
    else if (item.type === 'present' && value === '')
      why = "presence means non-empty (ldap-filter: '' is present)";
    else if (ours) why = 'case-insensitive match (ldap-filter: case-sensitive)';
    return `${text} on ${item.field}=${JSON.stringify(value)}: ours ${ours}, ldap-filter ${theirs}: ${why}`;
  }
  return 'no single clause differs';
}

const fmt = (x: number): string =>
  Number.isNaN(x) ? 'overflow' : x < 10 ? x.toFixed(2) : x.toFixed(0);
/** The last row's figures: ours / ldap-filter / @ldapjs/filter. */
const last = (rows: Row[]): string => {
  const r = rows[rows.length - 1] as Row;
  return `${fmt(r.ours)} / ${fmt(r.ldf)} / ${fmt(r.ldj)}`;
};
const t0 = performance.now();
const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
console.log(
  `Load average at start: ${load()} (${cpus().length} CPUs); times are CPU time, median of ${ROUNDS} interleaved rounds; each ratio is the median of the rounds' own ratios`,
);
for (const [shape, make] of [
  ['flat', flat],
  ['balanced', balanced],
  ['deep', deep],
] as const) {
  if (!(list('shapes') ?? [shape]).includes(shape)) continue;
  for (const n of SIZES) {
    const node = make(n);
    const text = formatFilter(node);
    const check = parseFilter(text, OUR_LIMITS);
    if (!check.ok) throw new Error(`generated filter does not parse: ${check.error.message}`);
    const budget = n >= 10_000 ? 60 : 30;

    const ldfParsed = tryPeer(() => ldapFilter.parse(text));
    const ldjParsed = tryPeer(() => ldapjs.parseString(text));
    if (doParse) {
      const timing = timeAll(
        [
          () => parseFilter(text, OUR_LIMITS),
          ldfParsed && (() => ldapFilter.parse(text)),
          ldjParsed && (() => ldapjs.parseString(text)),
          () => parseFilter(text, WITH_SPANS),
        ],
        budget,
      );
      const [ours, ldf, ldj, spans] = timing.ns as [number, number, number, number];
      parseRows.push({
        shape,
        clauses: n,
        ours: ours / n,
        ldf: ldf / n,
        ldj: ldj / n,
        spans: spans / n,
        ratio: timing.ratio,
      });
      console.log(
        `  ${shape} ${n}: parse ${last(parseRows)} ns/clause (ours / ldap-filter / @ldapjs/filter)`,
      );
    }
    if (!doMatch) continue;

    // Match: the same records for every engine, as many as fit the budget.
    const matcher = compileFilter(node);
    const count = Math.max(20, Math.min(RECORDS, Math.floor(5e5 / n)));
    const subset = records.slice(0, count);
    let oursCount = 0;
    let ldfCount = -1;
    let ldjCount = -1;
    // A peer may overflow its stack while matching a deep filter: then it is left out.
    const ldfMatches = ldfParsed && tryPeer(() => subset.every((r) => ldfParsed.matches(r) || 1));
    const ldjMatches = ldjParsed && tryPeer(() => subset.every((r) => ldjParsed.matches(r) || 1));
    const timing = timeAll(
      [
        () => {
          oursCount = 0;
          for (const r of subset) if (matcher(r)) oursCount++;
        },
        ldfMatches
          ? () => {
              ldfCount = 0;
              for (const r of subset) if (ldfParsed?.matches(r)) ldfCount++;
            }
          : undefined,
        ldjMatches
          ? () => {
              ldjCount = 0;
              for (const r of subset) if (ldjParsed?.matches(r)) ldjCount++;
            }
          : undefined,
      ],
      budget,
      20,
    );
    const [oursNs, ldfNs, ldjNs] = timing.ns as [number, number, number];
    const per = count * n;
    matchRows.push({
      shape,
      clauses: n,
      ours: oursNs / per,
      ldf: ldfNs / per,
      ldj: ldjNs / per,
      ratio: timing.ratio,
    });
    console.log(
      `  ${shape} ${n}: match ${last(matchRows)} ns/record·clause (ours / ldap-filter / @ldapjs/filter)`,
    );
    if (ldfCount >= 0 && ldfCount !== oursCount) {
      const sample = subset.find((r) => matcher(r) !== ldfParsed?.matches(r));
      diffs.push(
        `${shape} ${n}: ours ${oursCount}, ldap-filter ${ldfCount}, @ldapjs/filter ${ldjCount} of ${count} records` +
          (sample && n <= 1000 ? `\n    e.g. ${explain(node, sample)}` : ''),
      );
    } else if (ldjCount >= 0 && ldjCount !== oursCount) {
      diffs.push(
        `${shape} ${n}: ours ${oursCount}, @ldapjs/filter ${ldjCount} (ldap-filter agrees with us)`,
      );
    }
  }
}

function table(title: string, unit: string, rows: Row[], goal: number): void {
  console.log(`\n${title} (${unit}; lower is better; goal ≥${goal}× faster than the faster peer)`);
  console.log(
    ['shape', 'clauses', 'ours', 'ldap-filter', '@ldapjs/filter', 'ratio', 'goal']
      .concat(rows[0]?.spans === undefined ? [] : ['ours, spans'])
      .map((h, i) => (i < 2 ? h.padEnd(9) : h.padStart(15)))
      .join(''),
  );
  for (const r of rows) {
    const ratio = r.ratio;
    const verdict = Number.isNaN(ratio) ? 'peers overflow' : ratio >= goal ? 'met' : 'MISSED';
    console.log(
      [
        r.shape.padEnd(9),
        String(r.clauses).padEnd(9),
        fmt(r.ours),
        fmt(r.ldf),
        fmt(r.ldj),
        // Rounded down, so a cell that misses never reads as the goal.
        Number.isNaN(ratio) ? '-' : `${(Math.floor(ratio * 100) / 100).toFixed(2)}×`,
        verdict,
      ]
        .concat(r.spans === undefined ? [] : [fmt(r.spans)])
        .map((c, i) => (i < 2 ? c : c.padStart(15)))
        .join(''),
    );
  }
}
if (doParse) table('Parse', 'ns/clause', parseRows, 3);
if (doMatch) table('Match', 'ns/record·clause', matchRows, 5);

if (doMatch) console.log('\nMatch counts vs ldap-filter (same records):');
if (doMatch && diffs.length === 0) console.log('  identical everywhere');
for (const d of diffs) console.log(`  ${d}`);
if (doMatch) {
  console.log(
    '  Why they differ: we match case-insensitively, compare phone numbers ignoring spaces, hyphens, ., (, ),\n' +
      "  and treat '' as absent; ldap-filter is case-sensitive and exact. @ldapjs/filter also keeps escapes\n" +
      '  undecoded in equality values (bldg \\28a\\29 never matches "bldg (a)").',
  );
}

try {
  const gz = execSync(
    'npx esbuild src/filter/index.ts --bundle --minify --format=esm | gzip -9 | wc -c',
    {
      encoding: 'utf8',
    },
  );
  console.log(`\nBrowser bundle of src/filter (esbuild --minify, gzip -9): ${gz.trim()} bytes`);
} catch {
  console.log('\nBrowser bundle size: esbuild not available');
}
console.log(`Load average at end: ${load()}`);
console.log(`Total time ${((performance.now() - t0) / 1000).toFixed(0)} s`);
