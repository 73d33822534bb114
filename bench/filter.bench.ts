/**
 * Filter engine benchmark: parse and match throughput of src/filter against `ldap-filter`
 * and `@ldapjs/filter` in the same run. Run with `npx tsx bench/filter.bench.ts`
 * (part of `npm run bench`, not `npm test`).
 *
 * - Filters of 10 to 100,000 clauses in three shapes: flat (one OR of N items), balanced
 *   (a binary tree alternating & and |), deep (a chain of N nested sets; our parser is
 *   given maxDepth/maxLength to allow it, the peers overflow their stack at some depth).
 * - 100,000 generated user records; matching runs over as many of them as fit the time
 *   budget and reports ns per record·clause.
 * - Match counts are compared with `ldap-filter` and each kind of difference is explained.
 */
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import {
  compileFilter,
  formatFilter,
  parseFilter,
  type FilterNode,
  type ItemNode,
  type UserRecord,
} from '../src/filter/index.js';

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
 * A random clause in the subset all three engines read. Most clauses are false for most
 * records (values drawn from a larger pool), so OR/AND short-circuiting does not hide the
 * per-clause cost; a few are broad, so the match counts are interesting.
 */
const miss = (xs: readonly string[]): string =>
  rand() < 0.9 ? `${pick(xs)}-${Math.floor(rand() * 1000)}` : pick(xs);
function makeItem(): ItemNode {
  const r = rand();
  if (r < 0.3) return { type: 'equality', field: 'department', value: miss(DEPARTMENTS) };
  if (r < 0.45) return { type: 'equality', field: 'location', value: miss(CITIES) };
  if (r < 0.55)
    return { type: 'equality', field: 'officeLocation', value: miss(OFFICES.slice(0, 5)) };
  if (r < 0.7) return { type: 'substring', field: 'email', any: [], final: `@${miss(DOMAINS)}` };
  if (r < 0.8)
    return {
      type: 'substring',
      field: 'email',
      initial: `user${Math.floor(rand() * 5000)}.`,
      any: [],
    };
  if (r < 0.88) return { type: 'substring', field: 'email', any: [miss(['ann', 'bob', 'zed'])] };
  if (r < 0.89)
    return { type: 'present', field: pick(['location', 'phoneNumber', 'officeLocation']) };
  return {
    type: 'equality',
    field: 'phoneNumber',
    value: `+1555${100 + Math.floor(rand() * 900)}1000`,
  };
}

function flat(n: number): FilterNode {
  return { type: 'or', children: Array.from({ length: n }, makeItem) };
}
function balanced(n: number): FilterNode {
  // Bottom-up pairing: about log2(n) levels.
  let level: FilterNode[] = Array.from({ length: n }, makeItem);
  let and = true;
  while (level.length > 1) {
    const next: FilterNode[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const pair = level.slice(i, i + 2);
      next.push(
        pair.length === 1 ? (pair[0] as FilterNode) : { type: and ? 'and' : 'or', children: pair },
      );
    }
    level = next;
    and = !and;
  }
  return level[0] as FilterNode;
}
function deep(n: number): FilterNode {
  // (|(x1)(&(x2)(|(x3)…))): one clause per level, alternating | and &.
  let node: FilterNode = makeItem();
  for (let i = 1; i < n; i++) {
    node = { type: i % 2 ? 'or' : 'and', children: [makeItem(), node] };
  }
  return node;
}

function time(run: () => void, budgetMs: number, maxReps = 1e6): number {
  run(); // warm-up
  let reps = 0;
  const start = performance.now();
  let now = start;
  do {
    run();
    reps++;
    now = performance.now();
  } while (now - start < budgetMs && reps < maxReps);
  return ((now - start) * 1e6) / reps; // ns per run
}

const RECORDS = 100_000;
console.log(`Generating ${RECORDS.toLocaleString()} user records…`);
const records = Array.from({ length: RECORDS }, (_, i) => makeRecord(i));

type Row = { shape: string; clauses: number; ours: number; ldf: number; ldj: number };
const parseRows: Row[] = [];
const matchRows: Row[] = [];
const diffs: string[] = [];
const SIZES = [10, 100, 1_000, 10_000, 100_000];
const OUR_LIMITS = { maxLength: 1e9, maxDepth: 1e9 };

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

const t0 = performance.now();
for (const [shape, make] of [
  ['flat', flat],
  ['balanced', balanced],
  ['deep', deep],
] as const) {
  for (const n of SIZES) {
    const node = make(n);
    const text = formatFilter(node);
    const check = parseFilter(text, OUR_LIMITS);
    if (!check.ok) throw new Error(`generated filter does not parse: ${check.error.message}`);
    const budget = n >= 10_000 ? 300 : 150;

    const ours = time(() => parseFilter(text, OUR_LIMITS), budget);
    const ldfParsed = tryPeer(() => ldapFilter.parse(text));
    const ldjParsed = tryPeer(() => ldapjs.parseString(text));
    const ldf = ldfParsed ? time(() => ldapFilter.parse(text), budget) : NaN;
    const ldj = ldjParsed ? time(() => ldapjs.parseString(text), budget) : NaN;
    parseRows.push({ shape, clauses: n, ours: ours / n, ldf: ldf / n, ldj: ldj / n });

    // Match: as many records as fit the budget (each engine gets the same record count).
    const matcher = compileFilter(node);
    const count = Math.max(50, Math.min(RECORDS, Math.floor(4e6 / n)));
    const subset = records.slice(0, count);
    let oursCount = 0;
    const oursNs = time(() => {
      oursCount = 0;
      for (const r of subset) if (matcher(r)) oursCount++;
    }, budget);
    let ldfCount = -1;
    const ldfNs = ldfParsed
      ? (tryPeer(() =>
          time(
            () => {
              ldfCount = 0;
              for (const r of subset) if (ldfParsed.matches(r)) ldfCount++;
            },
            budget,
            3,
          ),
        ) ?? NaN)
      : NaN;
    let ldjCount = -1;
    const ldjNs = ldjParsed
      ? (tryPeer(() =>
          time(
            () => {
              ldjCount = 0;
              for (const r of subset) if (ldjParsed.matches(r)) ldjCount++;
            },
            budget,
            3,
          ),
        ) ?? NaN)
      : NaN;
    const per = count * n;
    matchRows.push({ shape, clauses: n, ours: oursNs / per, ldf: ldfNs / per, ldj: ldjNs / per });
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

const fmt = (x: number): string =>
  Number.isNaN(x) ? 'overflow' : x < 10 ? x.toFixed(2) : x.toFixed(0);
function table(title: string, unit: string, rows: Row[], goal: number): void {
  console.log(`\n${title} (${unit}; lower is better; goal ≥${goal}× faster than the faster peer)`);
  console.log(
    ['shape', 'clauses', 'ours', 'ldap-filter', '@ldapjs/filter', 'ratio', 'goal']
      .map((h, i) => (i < 2 ? h.padEnd(9) : h.padStart(15)))
      .join(''),
  );
  for (const r of rows) {
    const peer = Math.min(...[r.ldf, r.ldj].filter((x) => !Number.isNaN(x)));
    const ratio = Number.isFinite(peer) ? peer / r.ours : NaN;
    const verdict = Number.isNaN(ratio) ? 'peers overflow' : ratio >= goal ? 'met' : 'MISSED';
    console.log(
      [
        r.shape.padEnd(9),
        String(r.clauses).padEnd(9),
        fmt(r.ours),
        fmt(r.ldf),
        fmt(r.ldj),
        Number.isNaN(ratio) ? '-' : `${ratio.toFixed(1)}×`,
        verdict,
      ]
        .map((c, i) => (i < 2 ? c : c.padStart(15)))
        .join(''),
    );
  }
}
table('Parse', 'ns/clause', parseRows, 3);
table('Match', 'ns/record·clause', matchRows, 5);

console.log('\nMatch counts vs ldap-filter (same records):');
if (diffs.length === 0) console.log('  identical everywhere');
for (const d of diffs) console.log(`  ${d}`);
console.log(
  '  Why they differ: we match case-insensitively, compare phone numbers ignoring spaces, -, ., (, ),\n' +
    "  and treat '' as absent; ldap-filter is case-sensitive and exact. @ldapjs/filter also keeps escapes\n" +
    '  undecoded in equality values (bldg \\28a\\29 never matches "bldg (a)").',
);

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
console.log(`Total time ${((performance.now() - t0) / 1000).toFixed(0)} s`);
