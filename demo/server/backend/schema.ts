// Request validation against the JSON Schemas of src/backend/openapi.yaml
// (OpenAPI 3.1 schemas are JSON Schema 2020-12), compiled once with Ajv.
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import type { FieldError } from '../../../src/backend/types.js';

export const OPENAPI_URL = new URL('../../../src/backend/openapi.yaml', import.meta.url);

const SCHEMA_ID = 'urn:ucx-user-sync:openapi';

export type SchemaName =
  'Integration' | 'IntegrationList' | 'CreateIntegration' | 'UpdateIntegration' | 'Problem';

export interface ContractSchemas {
  /** The parsed openapi.yaml document. */
  document: Record<string, unknown>;
  /** Field errors of `value` against a component schema; empty when valid. */
  check(name: SchemaName, value: unknown): FieldError[];
  /** The `Idempotency-Key` header parameter's schema, compiled. */
  checkIdempotencyKey(value: string | undefined): FieldError[];
}

// ajv-formats ships CommonJS with `exports.default`; under tsx/Node ESM the
// default import is sometimes the module object.
type AddFormats = (ajv: Ajv2020) => Ajv2020;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ??
  (addFormatsModule as unknown as AddFormats);

let cached: ContractSchemas | undefined;

export function loadContractSchemas(): ContractSchemas {
  if (cached) return cached;
  const document = parseYaml(readFileSync(OPENAPI_URL, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  // The components live under a keyword JSON Schema doesn't know; declare it so
  // strict mode accepts the wrapper, and refs like #/components/schemas/X resolve.
  ajv.addKeyword({ keyword: 'components' });
  ajv.addSchema({ $id: SCHEMA_ID, components: document['components'] });
  const validators = new Map<string, ValidateFunction>();
  const get = (pointer: string): ValidateFunction => {
    let v = validators.get(pointer);
    if (!v) {
      const found = ajv.getSchema(`${SCHEMA_ID}#${pointer}`);
      if (!found) throw new Error(`openapi.yaml has no schema at ${pointer}`);
      v = found;
      validators.set(pointer, v);
    }
    return v;
  };
  // Compile everything eagerly so a broken contract fails at start-up.
  const names: SchemaName[] = [
    'Integration',
    'IntegrationList',
    'CreateIntegration',
    'UpdateIntegration',
    'Problem',
  ];
  for (const n of names) get(`/components/schemas/${n}`);
  get('/components/parameters/IdempotencyKey/schema');

  cached = {
    document,
    check(name, value) {
      const v = get(`/components/schemas/${name}`);
      return v(value) ? [] : toFieldErrors(v.errors ?? []);
    },
    checkIdempotencyKey(value) {
      if (value === undefined) {
        return [
          {
            field: 'Idempotency-Key',
            code: 'required',
            message: 'The Idempotency-Key header is required.',
          },
        ];
      }
      const v = get('/components/parameters/IdempotencyKey/schema');
      return v(value)
        ? []
        : [
            {
              field: 'Idempotency-Key',
              code: 'format',
              message: 'The Idempotency-Key header must be 1 to 255 visible ASCII characters.',
            },
          ];
    },
  };
  return cached;
}

/** `/consent/idToken` → `consent.idToken`. */
function fieldOf(e: ErrorObject): string {
  const parts = e.instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required' && typeof params['missingProperty'] === 'string') {
    parts.push(params['missingProperty']);
  }
  if (e.keyword === 'additionalProperties' && typeof params['additionalProperty'] === 'string') {
    parts.push(params['additionalProperty']);
  }
  return parts.join('.');
}

const CODES: Record<string, string> = {
  required: 'required',
  additionalProperties: 'unknown-field',
  type: 'type',
  const: 'invalid-value',
  enum: 'invalid-value',
  format: 'format',
  pattern: 'format',
  minLength: 'too-short',
  maxLength: 'too-long',
  maxItems: 'too-long',
  minimum: 'out-of-range',
  maximum: 'out-of-range',
};

function messageOf(e: ErrorObject, field: string): string {
  const params = e.params as Record<string, unknown>;
  const name = field === '' ? 'The body' : `"${field}"`;
  switch (e.keyword) {
    case 'required':
      return `${name} is required.`;
    case 'additionalProperties':
      return `${name} is not a known field.`;
    case 'type':
      return `${name} must be ${String(params['type']).split(',').join(' or ')}.`;
    case 'const':
      return `${name} must be ${JSON.stringify(params['allowedValue'])}.`;
    case 'enum':
      return `${name} must be one of ${JSON.stringify(params['allowedValues'])}.`;
    case 'format':
      return `${name} must be a valid ${String(params['format'])}.`;
    case 'maxLength':
      return `${name} must be at most ${String(params['limit'])} characters long.`;
    case 'pattern':
      return `${name} has an invalid format.`;
    case 'minLength':
      return `${name} must not be empty.`;
    default:
      return `${name} ${e.message ?? 'is invalid'}.`;
  }
}

export function toFieldErrors(errors: readonly ErrorObject[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const field = fieldOf(e);
    const code = CODES[e.keyword] ?? 'invalid';
    const key = `${field}\u0000${code}`;
    if (seen.has(key)) continue; // e.g. type errors of both branches of [string, null]
    seen.add(key);
    out.push({ field, code, message: messageOf(e, field) });
  }
  return out;
}
