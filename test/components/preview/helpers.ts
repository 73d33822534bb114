// Helpers for the preview tests: the Graph stand-in that test/fixture-server/wtr-plugin.mjs
// mounts under /fixture-graph (a generated directory of 2,000 users, seed 6).
import { generateDirectory } from '../../../demo/server/graph/directory.js';
import { graphUserToRecord, matchesFilter, parseFilter } from '../../../src/filter/index.js';
import type { UcxUserPreview } from '../../../src/components/preview/preview.js';
import { mount, waitFor, type Mounted } from '../user-sync/helpers.js';
import type { FixtureSetup } from '../../fixture-server/fixture.js';

export const GRAPH_BASE_URL = `${location.origin}/fixture-graph/v1.0`;
const CONTROL = '/fixture-graph/_stand-in';
/** Must match GRAPH_DIRECTORY in test/fixture-server/wtr-plugin.mjs. */
const DIRECTORY = generateDirectory({ count: 2000, seed: 6 });

/** How many users of the stand-in's directory `filter` matches (the sync's own matcher). */
export function expectedCount(filter: string): number {
  const parsed = parseFilter(filter);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return DIRECTORY.filter((u) => matchesFilter(parsed.filter, graphUserToRecord(u))).length;
}

export const graphControl = {
  reset: () => fetch(`${CONTROL}/reset`, { method: 'POST' }),
  latency: (ms: number) =>
    fetch(`${CONTROL}/latency`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ms }),
    }),
  failNext: (spec: {
    status: number;
    code?: string;
    message?: string;
    retryAfter?: number;
    times?: number;
  }) =>
    fetch(`${CONTROL}/fail-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    }),
  requests: async () =>
    (await (await fetch(`${CONTROL}/requests`)).json()) as {
      path: string;
      query: Record<string, string>;
      consistencyLevel: string | null;
      status: number;
    }[],
};

export interface PreviewMounted extends Mounted {
  tokens: number;
}

/** Mounts the section against the fixture backend, with Graph on the stand-in and a token. */
export async function mountWithGraph(
  setup: FixtureSetup = {},
  options: { lang?: string; threshold?: number } = {},
): Promise<PreviewMounted> {
  const m = (await mount(setup, options.lang ? { lang: options.lang } : {})) as PreviewMounted;
  m.tokens = 0;
  m.consent.getAccessToken = () => {
    m.tokens++;
    return m.consent.starts > 0 ? 'stand-in-access-token' : undefined;
  };
  m.el.graphBaseUrl = GRAPH_BASE_URL;
  if (options.threshold !== undefined) m.el.removalConfirmThreshold = options.threshold;
  await m.el.updateComplete;
  return m;
}

/** The preview element inside a dialog, and its parts. */
export function previewParts(dialog: HTMLElement) {
  const root = dialog.shadowRoot!;
  const preview = () => root.querySelector<UcxUserPreview>('ucx-user-preview')!;
  const pr = () => preview().shadowRoot!;
  const count = () => pr().querySelector<HTMLElement>('[part="preview-count"]');
  const impact = () => pr().querySelector<HTMLElement>('[part="impact"]');
  return {
    button: root.querySelector<HTMLButtonElement>('[part="preview-button"]')!,
    preview,
    count,
    /** The count once the preview has one (its figure in data-count). */
    counted: (timeout?: number) =>
      waitFor(() => (count()?.dataset.count ? count()! : undefined), 'the count', timeout),
    /** The impact once it has its figures (data-added, data-removed). */
    impacted: (timeout?: number) =>
      waitFor(() => (impact()?.dataset.removed ? impact()! : undefined), 'the impact', timeout),
    progress: () => pr().querySelector<HTMLProgressElement>('[part="preview-progress"]'),
    cancel: () => pr().querySelector<HTMLButtonElement>('[part="preview-cancel-button"]'),
    table: () => pr().querySelector<HTMLTableElement>('[part="preview-table"]'),
    clauses: () => [...pr().querySelectorAll<HTMLElement>('[part="clause-report"] li')],
    impact,
    error: () => pr().querySelector<HTMLElement>('[part="preview-error"]'),
    removal: () => root.querySelector<HTMLElement>('[part="removal-confirm"]'),
    text: () => pr().textContent?.replace(/\s+/g, ' ') ?? '',
  };
}
