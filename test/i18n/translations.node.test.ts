// Every user-visible string goes through msg() with a stable id; this checks
// that each id has an Italian translation in the generated locale module, so a
// new string can't ship in English only, and that the generated module is not
// stale (no translation for an id the source no longer has).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates } from '../../src/i18n/locales/it.js';

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'locales' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** ids of msg(…, { id: '…' }) calls in the element sources. */
function messageIds(): Set<string> {
  const ids = new Set<string>();
  const pattern = /\bmsg\([\s\S]*?\{\s*id:\s*'([^']+)'/g;
  for (const file of sourceFiles(join(root, 'src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) ids.add(match[1]!);
  }
  return ids;
}

describe('Italian translations', () => {
  const ids = messageIds();
  const translated = new Set(Object.keys(templates));

  it('finds the localized strings of the elements', () => {
    expect(ids.size).toBeGreaterThan(250);
  });

  it('translates every string the elements show', () => {
    const missing = [...ids].filter((id) => !translated.has(id));
    expect(missing, 'run the workflow in src/i18n/apply-translations.mjs').toEqual([]);
  });

  it('shows & < > as themselves, not as the entities lit-localize build writes (npm run i18n decodes them)', () => {
    const text = (t: unknown): string =>
      typeof t === 'string' ? t : ((t as { strings?: string[] }).strings ?? []).join('{}');
    const escaped = Object.entries(templates).filter(([, t]) =>
      /&(amp|lt|gt|quot|apos);/.test(text(t)),
    );
    expect(escaped.map(([id]) => id)).toEqual([]);
    expect(text(templates['filter-editor.error.empty-and'])).toContain('(&)');
    expect(text(templates['filter-editor.error.unsupported-greater-or-equal'])).toContain("'>='");
  });

  it('has no translation left for a string that no longer exists', () => {
    const stale = [...translated].filter((id) => !ids.has(id));
    expect(stale).toEqual([]);
  });
});
