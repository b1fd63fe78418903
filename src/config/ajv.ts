import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { packageRoot, schemaPath } from '../core/paths.js';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (
  ajv: Ajv,
) => Ajv;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();
let registered = false;

/** Every schema in schemas/ is registered once, so that one can $ref another by its $id. */
function registerAll(): void {
  if (registered) return;
  registered = true;
  const dir = join(packageRoot(), 'schemas');
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.schema.json'))) {
    const schema = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { $id?: string };
    if (schema.$id && !ajv.getSchema(schema.$id)) ajv.addSchema(schema);
  }
}

/** A validator for one of the JSON Schemas in schemas/, compiled once. */
export function schemaValidator(name: string): ValidateFunction {
  let v = compiled.get(name);
  if (!v) {
    registerAll();
    const schema = JSON.parse(readFileSync(schemaPath(name), 'utf8')) as { $id?: string };
    v = (schema.$id && ajv.getSchema(schema.$id)) || ajv.compile(schema);
    compiled.set(name, v);
  }
  return v;
}

/** ajv errors as `field: problem` phrases, the field written as a dotted path. */
export function describeErrors(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'))
      .join('.');
    if (e.keyword === 'additionalProperties') {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      return `unknown key "${path ? `${path}.` : ''}${extra}"`;
    }
    if (e.keyword === 'enum') {
      const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v));
      return `field "${path || '(root)'}" must be one of ${allowed.join(', ')}`;
    }
    return `field "${path || '(root)'}" ${e.message ?? 'is invalid'}`;
  });
}
