import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import { parse as parseYaml } from 'yaml';

/**
 * Validates requests and responses against RevenueCat's OpenAPI 3.0 documents with ajv. OpenAPI 3.0 is not
 * JSON Schema, so schemas are translated first: `nullable` becomes a `null` type, siblings of `$ref` are
 * dropped (3.0 ignores them), and `#/components/...` refers into the document registered under its name.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const SHARED_DIR = process.env.REVENUECAT_DOCS_DIR ?? `${__dirname}/../../../../docs/revenuecat`;

export function readOpenApi(file: string): JsonObject {
  return parseYaml(readFileSync(`${SHARED_DIR}/${file}`, 'utf8')) as JsonObject;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 schema → JSON Schema (draft-07) for ajv. */
export function toJsonSchema(schema: Json, docId: string): Json {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, docId));
  if (!isObject(schema)) return schema;
  if (typeof schema.$ref === 'string') {
    const ref = { $ref: schema.$ref.startsWith('#') ? `${docId}${schema.$ref}` : schema.$ref };
    return schema.nullable === true ? { anyOf: [ref, { type: 'null' }] } : ref;
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key.startsWith('x-')) continue;
    if (key === 'properties' && isObject(value))
      out.properties = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v, docId)]));
    else if (
      ['items', 'additionalProperties', 'not'].includes(key) ||
      ['allOf', 'anyOf', 'oneOf'].includes(key)
    )
      out[key] = toJsonSchema(value, docId);
    else out[key] = value;
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  }
  return out;
}

export interface Problem {
  where: string;
  errors: string[];
}

export class OpenApiValidator {
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(
    private readonly doc: JsonObject,
    private readonly docId: string,
  ) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    this.ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
    this.ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat('float', { type: 'number', validate: () => true });
    this.ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    this.ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    this.ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:/i);
    this.ajv.addFormat('email', /^[^@\s]+@[^@\s]+$/);
    const schemas = ((doc.components as JsonObject | undefined)?.schemas ?? {}) as JsonObject;
    const translated = Object.fromEntries(
      Object.entries(schemas).map(([name, s]) => [name, toJsonSchema(s, docId)]),
    );
    this.ajv.addSchema({ $id: docId, components: { schemas: translated } });
  }

  private operation(method: string, path: string): JsonObject {
    const paths = this.doc.paths as JsonObject;
    const op = (paths[path] as JsonObject | undefined)?.[method.toLowerCase()];
    if (!isObject(op)) throw new Error(`${this.docId}: no operation ${method} ${path}`);
    return op;
  }

  private deref(value: Json | undefined): JsonObject | undefined {
    if (!isObject(value) || typeof value.$ref !== 'string') return isObject(value) ? value : undefined;
    let target: Json | undefined = this.doc;
    for (const part of value.$ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
    return this.deref(target);
  }

  private validate(key: string, schema: Json, data: unknown): string[] {
    let fn = this.compiled.get(key);
    if (!fn) {
      fn = this.ajv.compile(toJsonSchema(schema, this.docId) as object);
      this.compiled.set(key, fn);
    }
    return fn(data) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? ''}`);
  }

  /** Problems with a response: undocumented status, body not matching, documented headers missing. */
  response(method: string, path: string, status: number, body: unknown, headers: Headers): string[] {
    const responses = this.operation(method, path).responses as JsonObject;
    const response = this.deref(responses[String(status)]);
    if (!response) return [`status ${status} is not documented for ${method} ${path}`];
    const problems: string[] = [];
    const schema = this.deref((response.content as JsonObject | undefined)?.['application/json'])?.schema;
    if (schema !== undefined)
      problems.push(...this.validate(`res ${method} ${path} ${status}`, schema, body));
    for (const [name, header] of Object.entries((response.headers as JsonObject | undefined) ?? {})) {
      const definition = this.deref(header);
      const value = headers.get(name);
      if (value === null) {
        if (definition?.required === true) problems.push(`header ${name} is missing`);
      } else if ((definition?.schema as JsonObject | undefined)?.type === 'integer' && !/^\d+$/.test(value)) {
        problems.push(`header ${name} is not an integer: ${value}`);
      }
    }
    return problems;
  }

  /** Problems with a value against a named component schema. */
  schema(name: string, data: unknown): string[] {
    return this.validate(`schema ${name}`, { $ref: `#/components/schemas/${name}` }, data);
  }

  /** Problems with a JSON request body. */
  request(method: string, path: string, body: unknown): string[] {
    const requestBody = this.deref(this.operation(method, path).requestBody);
    if (!requestBody) return body === undefined ? [] : [`${method} ${path} documents no request body`];
    const schema = this.deref((requestBody.content as JsonObject)['application/json'])?.schema;
    if (body === undefined) return requestBody.required === true ? ['the request body is required'] : [];
    return schema === undefined ? [] : this.validate(`req ${method} ${path}`, schema, body);
  }
}

/**
 * The v1 document's own example and text say some string fields are null (`unsubscribe_detected_at`,
 * `management_url`: "it will be null", ...) while its schema does not mark them nullable. This marks exactly
 * those fields nullable: a property whose description mentions `null` or whose example value is null.
 */
export function relaxDocumentedNulls(doc: JsonObject): JsonObject {
  const copy = JSON.parse(JSON.stringify(doc)) as JsonObject;
  const exampleNulls = new Set<string>();
  const collect = (value: Json) => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (!isObject(value)) return;
    for (const [key, v] of Object.entries(value)) {
      if (v === null) exampleNulls.add(key);
      collect(v);
    }
  };
  collect(((copy.components as JsonObject).examples as JsonObject).Subscriber as Json);
  const relax = (schema: Json) => {
    if (Array.isArray(schema)) return schema.forEach(relax);
    if (!isObject(schema)) return;
    if (isObject(schema.properties))
      for (const [name, property] of Object.entries(schema.properties)) {
        if (!isObject(property)) continue;
        const says = typeof property.description === 'string' && /`?null`?/.test(property.description);
        if (property.type === 'string' && (says || exampleNulls.has(name))) property.nullable = true;
      }
    Object.values(schema).forEach(relax);
  };
  relax((copy.components as JsonObject).schemas as Json);
  return copy;
}
