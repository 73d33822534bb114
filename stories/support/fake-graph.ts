// Microsoft Graph for the Preview stories: the element's preview calls
// `graphBaseUrl`, which the stories set to FAKE_GRAPH_BASE_URL; this wraps the
// page's fetch so requests there are answered in the browser from a generated
// directory, with the same $filter evaluator as the dev stack's Graph stand-in
// (demo/server/graph/odata-filter.ts). Everything else goes to the real fetch.
import { generateDirectory } from '../../demo/server/graph/directory.js';
import { compileODataFilter, parseODataFilter } from '../../demo/server/graph/odata-filter.js';

export const FAKE_GRAPH_BASE_URL = 'https://graph.storybook.invalid/v1.0';

const directory = generateDirectory({ count: 2000, seed: 7 });
let installed = false;

function matching(filter: string | null): typeof directory {
  if (!filter) return directory;
  const test = compileODataFilter(parseODataFilter(filter));
  return directory.filter((u) => test(u as unknown as Record<string, unknown>));
}

function answer(url: URL): Response {
  const filter = url.searchParams.get('$filter');
  const users = matching(filter);
  if (url.pathname.endsWith('/users/$count')) {
    return new Response(String(users.length), { headers: { 'Content-Type': 'text/plain' } });
  }
  const top = Number(url.searchParams.get('$top') ?? 100);
  const body: Record<string, unknown> = { value: users.slice(0, top) };
  if (url.searchParams.get('$count') === 'true') body['@odata.count'] = users.length;
  return Response.json(body);
}

/** Routes requests for FAKE_GRAPH_BASE_URL to the in-browser directory (idempotent). */
export function installFakeGraph(): void {
  if (installed) return;
  installed = true;
  const realFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.href.startsWith(FAKE_GRAPH_BASE_URL)) return realFetch(input, init);
    await new Promise((r) => setTimeout(r, 150)); // a network round trip, roughly
    return answer(url);
  };
}
