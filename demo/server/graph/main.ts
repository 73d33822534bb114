// Runs the Graph stand-in on its own: `npx tsx demo/server/graph/main.ts`
// Environment: GRAPH_PORT (default 4010), GRAPH_USERS (default 50000), GRAPH_SEED (default 1),
// GRAPH_JWKS_URL (accept only tokens signed by these keys; default: any non-empty bearer token).
import { startGraph } from './app.js';
import { generateDirectory } from './directory.js';
import { jwksAccessTokenVerifier } from './token.js';

const port = Number(process.env.GRAPH_PORT ?? 4010);
const count = Number(process.env.GRAPH_USERS ?? 50_000);
const seed = Number(process.env.GRAPH_SEED ?? 1);
const jwksUrl = process.env.GRAPH_JWKS_URL;

const started = Date.now();
const users = generateDirectory({ count, seed });
const graph = await startGraph({
  port,
  users,
  ...(jwksUrl ? { verifyAccessToken: jwksAccessTokenVerifier({ jwksUrl }) } : {}),
});
console.log(
  `Graph stand-in: ${graph.baseUrl} (${users.length} users, seed ${seed}, ready in ${Date.now() - started} ms; ` +
    `tokens: ${jwksUrl ? `signed by ${jwksUrl}` : 'any bearer token'})`,
);
const stop = () => void graph.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
