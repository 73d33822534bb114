// Runs after `lit-localize build`. @lit/localize-tools 0.8 HTML-escapes &, < and > in every
// message it writes into src/i18n/locales/*.ts, html-tagged or not; ours are all plain or
// str-tagged strings that end up as text, so an Italian admin would read "(&amp;…)" and
// "'&gt;='" (upstream defect class: goauthentik/authentik#23264). This turns the entities back
// into characters, and refuses an html`` template, which needs them.
// Workflow: npm run i18n
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'locales');
const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
for (const name of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
  const path = join(dir, name);
  const source = readFileSync(path, 'utf8');
  if (/\bhtml`/.test(source)) {
    console.error(`${name}: an html\`\` message needs its entities; decode it by hand`);
    process.exit(1);
  }
  // One pass: a translation that means the text "&lt;" arrives as &amp;lt; and stays &lt;.
  const text = source.replace(/&(amp|lt|gt|quot|apos);/g, (_, e) => entities[e]);
  if (text !== source) writeFileSync(path, text);
  console.log(`${name}: ${text === source ? 'nothing to decode' : 'entities decoded'}`);
}
