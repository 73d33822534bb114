// Fills the <target>s of src/i18n/xliff/it.xlf from src/i18n/translations/it.*.json
// ({0}, {1}… stand for the source's placeholders, in order).
// Workflow: npm run i18n (lit-localize extract, this, lit-localize build, decode-entities.mjs)
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const xlf = join(here, 'xliff', 'it.xlf');
const table = {};
for (const name of readdirSync(join(here, 'translations')).sort()) {
  if (/^it\..+\.json$/.test(name)) {
    Object.assign(table, JSON.parse(readFileSync(join(here, 'translations', name), 'utf8')));
  }
}
const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const missing = [];
const text = readFileSync(xlf, 'utf8').replace(
  /<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g,
  (whole, id, body) => {
    if (!(id in table)) {
      missing.push(id);
      return whole;
    }
    const source = /<source>([\s\S]*?)<\/source>/.exec(body)[1];
    const placeholders = source.match(/<x [^>]*\/>/g) ?? [];
    let target = escape(table[id]);
    placeholders.forEach((ph, i) => (target = target.split(`{${i}}`).join(ph)));
    const cleaned = body.replace(/\s*<target>[\s\S]*?<\/target>/, '');
    return `<trans-unit id="${id}">${cleaned.replace('</source>', `</source>\n  <target>${target}</target>`)}</trans-unit>`;
  },
);
writeFileSync(xlf, text);
console.log(`translated ${Object.keys(table).length}, missing ${missing.length}`);
for (const id of missing) console.log(`  missing ${id}`);
