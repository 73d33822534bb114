// The filter engine's messages in Italian, for the reference backend's `invalid-filter`
// problems. The engine writes English (FILTER_MESSAGES, "a UI translates by code"); a
// problem body carries only the finished sentence, so each English template is read back
// into its params and written again from the Italian one. One entry per code: the type
// makes a new engine code a compile error here until it is translated.
import { FILTER_MESSAGES } from '../../../src/filter/index.js';
import type { FilterErrorCode, FilterWarningCode } from '../../../src/filter/index.js';

const ITALIAN: Readonly<Record<FilterErrorCode | FilterWarningCode, string>> = {
  empty: 'filtro vuoto: scrivine uno, ad es. (department=Sales)',
  'too-long': '{length} caratteri, oltre {max}: accorcialo',
  'too-deep': 'questa ( in posizione {position} annida oltre {max} livelli: semplificalo',
  'raw-nul': 'NUL in posizione {position}: scrivilo come \\00',
  'lone-surrogate': 'carattere non valido in posizione {position}: riscrivilo',
  'missing-parentheses': 'aggiungi le parentesi: ({text})',
  'leading-text': "togli '{text}' prima del filtro",
  'unclosed-paren': 'questa ( in posizione {position} non viene mai chiusa',
  'unmatched-close-paren': 'questa ) in posizione {position} non ha una ( corrispondente: toglila',
  'multiple-filters': 'un secondo filtro in posizione {position}: mettili entrambi in (&…) o (|…)',
  'trailing-text': "togli '{text}' dopo il filtro",
  'connector-word': "LDAP non ha '{word}': scrivi {text}",
  'empty-parens': '() è vuoto: scrivici un filtro',
  'unexpected-open-paren':
    'questa ( in posizione {position} non è prevista: scrivi un campo, &, | o !',
  'whitespace-after-paren': 'togli lo spazio in posizione {position} dopo (',
  'operand-needs-parentheses': "metti '{text}' in posizione {position} tra parentesi",
  'invisible-character':
    'togli {char} in posizione {position}: tra i filtri vanno solo spazi, tabulazioni e a capo',
  'empty-and': '(&) deve contenere un filtro',
  'empty-or': '(|) deve contenere un filtro',
  'not-without-filter': '(!) deve contenere un filtro',
  'not-with-several': '(! accetta un solo filtro: usa (&…) o (|…)',
  'missing-field': 'manca il nome di un campo in posizione {position}: scrivilo',
  'missing-operator': "'{field}' non ha =: scrivi ({field}=valore)",
  'whitespace-in-field': 'togli lo spazio in posizione {position} nel campo',
  'whitespace-before-equals': 'togli lo spazio in posizione {position} prima di =',
  'invalid-field-character': "togli '{char}' in posizione {position} dal campo",
  'unknown-field': "campo sconosciuto '{field}': intendevi {suggestion}?",
  'unknown-field-no-suggestion': "campo sconosciuto '{field}': usa {fields}",
  'unsupported-oid': "l'OID '{field}' non è supportato: usa {fields}",
  'unsupported-attribute-option': "togli l'opzione '{option}'",
  'unsupported-extensible':
    'il confronto estensibile non è supportato: usa = con i caratteri jolly *',
  'unsupported-approx': "'~=' non è supportato: usa = con i caratteri jolly *",
  'unsupported-greater-or-equal': "'>=' non è supportato: usa = con i caratteri jolly *",
  'unsupported-less-or-equal': "'<=' non è supportato: usa = con i caratteri jolly *",
  'unsupported-not-equals': "'!=' non è supportato: scrivi (!({field}=valore))",
  'empty-value': "'{field}' ha un valore vuoto: scrivine uno, o *",
  'empty-substring-part': "'**' in posizione {position}: scrivi un solo *",
  'unescaped-paren-in-value': 'scrivi ( in posizione {position} come \\28, ) come \\29',
  'invalid-escape':
    "'{text}' in posizione {position} non è un escape: scrivi \\ e due cifre esadecimali",
  'truncated-escape': "'{text}' in posizione {position} richiede due cifre esadecimali",
  'invalid-utf8': "'{text}' in posizione {position} non è UTF-8 valido: scrivi il carattere stesso",
  internal: 'impossibile leggere il filtro ({text})',
  'value-leading-whitespace': "il valore di '{field}' inizia con uno spazio",
  'value-trailing-whitespace': "il valore di '{field}' finisce con uno spazio",
  'value-starts-with-equals': "il valore di '{field}' inizia con '='",
  'value-contains-connector':
    "il valore di '{field}' contiene '{word}': per combinare i filtri usa (&…) o (|…)",
};

/**
 * An English template as a pattern that reads its params back: `{name}` captures (the
 * same name again must repeat it), everything else is literal.
 */
function templatePattern(template: string): RegExp {
  const seen = new Set<string>();
  const source = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (seen.has(name)) return `\\k<${name}>`;
      seen.add(name);
      return `(?<${name}>[^]*?)`;
    })
    .join('');
  return new RegExp(`^${source}$`);
}

/** Each engine message as a pattern, and its Italian with the params put back (`$<name>`). */
export const FILTER_TEXTS: readonly (readonly [RegExp, string])[] = Object.entries(
  FILTER_MESSAGES,
).map(([code, english]) => [
  templatePattern(english),
  ITALIAN[code as FilterErrorCode].replace(/\{(\w+)\}/g, '$$<$1>'),
]);
