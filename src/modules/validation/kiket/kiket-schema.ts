import type { default as Ajv, ErrorObject, ValidateFunction } from 'ajv';

/**
 * JSON Schemas for the parts of a Kiket manifest (model_version "1.0", docs/validation.md
 * "Kiket manifests"). One schema per rule: an ajv error is reported under the rule whose schema
 * produced it, so every finding keeps a stable KIK id. Unknown keys inside `extension` are
 * allowed, as Kiket allows them (listing metadata, tags, rate limits, provider blocks); what
 * a schema cannot say (references between sections, duplicates, deprecations) is in
 * kiket-rules.ts.
 */

const nonEmpty = { type: 'string', minLength: 1 } as const;
const stringList = { type: 'array', items: nonEmpty } as const;
/** Milliseconds: the Kiket CLI accepts 100–60000 for a callback timeout. */
const timeoutMs = { type: 'integer', minimum: 100, maximum: 60000 } as const;

export const HOOKS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['event'],
    properties: {
      event: nonEmpty,
      endpoint: nonEmpty,
      url: nonEmpty,
      version: { type: ['string', 'integer'] },
      timeout: timeoutMs,
      retries: { type: 'integer', minimum: 0, maximum: 10 },
      template: nonEmpty,
      description: { type: 'string' },
      required: { type: 'boolean' },
    },
  },
} as const;

export const CALLBACK_SCHEMA = {
  type: 'object',
  required: ['url'],
  properties: {
    url: nonEmpty,
    secret: nonEmpty,
    timeout: timeoutMs,
    required: { type: 'boolean' },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
  },
} as const;

export const PERMISSIONS_SCHEMA = stringList;

export const CUSTOM_DATA_SCHEMA = {
  type: 'object',
  properties: {
    permissions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['module', 'operations'],
        properties: {
          module: { type: 'string', pattern: '^[a-z][a-z0-9_-]*(\\.[a-z0-9_-]+)+$' },
          operations: { type: 'array', minItems: 1, items: { enum: ['read', 'write', 'delete', 'admin'] } },
        },
      },
    },
  },
} as const;

/** Setting types: static ones plus the dynamic types Kiket resolves from the project context. */
export const SETTING_TYPES = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'template', 'html', 'text', 'project', 'issue_type', 'workflow_status', 'board', 'priority'];

export const CONFIGURATION_SCHEMA = {
  type: 'object',
  propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
  additionalProperties: {
    type: 'object',
    properties: {
      type: { enum: SETTING_TYPES },
      secret: { type: 'boolean' },
      required: { type: 'boolean' },
      scope: { enum: ['extension', 'installation', 'project', 'organization'] },
      label: { type: 'string' },
      description: { type: 'string' },
      options: { type: 'array', items: { type: 'object', required: ['value'] } },
      min: { type: 'number' },
      max: { type: 'number' },
      help_url: { type: 'string', pattern: '^https?://' },
      readonly: { type: 'boolean' },
      multiline: { type: 'boolean' },
    },
  },
} as const;

export const SECRETS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['key'],
    properties: { key: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' }, label: { type: 'string' }, description: { type: 'string' }, required: { type: 'boolean' } },
  },
} as const;

/** The install wizard: each step is a one-key mapping. `oauth` is not in the Kiket CLI's list but real manifests use it. */
export const SETUP_KINDS = ['secrets', 'configure', 'test', 'info', 'oauth'];

export const SETUP_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    minProperties: 1,
    maxProperties: 1,
    propertyNames: { enum: SETUP_KINDS },
    additionalProperties: {
      type: 'object',
      properties: {
        title: { type: 'string' },
        description: { type: 'string' },
        required: { type: 'boolean' },
        collect: stringList,
        fields: { type: 'array', items: { type: 'object', required: ['key'] } },
        links: { type: 'array', items: { type: 'object', required: ['url', 'label'] } },
        help_url: { type: 'string', pattern: '^https?://' },
      },
    },
  },
} as const;

export const COMMANDS_SCHEMA = {
  type: 'array',
  items: {
    type: 'object',
    required: ['command', 'title'],
    properties: {
      command: { type: 'string', pattern: '^[A-Za-z][\\w-]*(\\.[A-Za-z][\\w-]*)+$' },
      title: nonEmpty,
      description: { type: 'string' },
      category: { type: 'string' },
      icon: { type: 'string' },
      keywords: { type: 'array', items: { type: 'string' } },
      context: { type: 'string' },
      permissions: stringList,
      handler: {
        type: 'object',
        required: ['type'],
        properties: { type: { const: 'extension_event' }, event: nonEmpty },
        if: { properties: { type: { const: 'extension_event' } } },
        then: { required: ['event'] },
      },
    },
  },
} as const;

export const ACTIVATION_EVENTS_SCHEMA = { type: 'array', items: { type: 'string', pattern: '^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$' } } as const;

export const OUTPUT_FIELDS_SCHEMA = {
  type: 'object',
  propertyNames: { pattern: '^[a-z][a-z0-9_]*$' },
  additionalProperties: {
    type: 'object',
    required: ['label', 'type'],
    properties: {
      label: nonEmpty,
      type: { enum: ['copyable', 'url', 'code', 'badge', 'status'] },
      icon: { type: 'string', pattern: '^[a-z0-9-]+$' },
      help_url: { type: 'string', pattern: '^https?://' },
      description: { type: 'string' },
    },
  },
} as const;

// ajv is loaded with the first Kiket schema compiled, so an Imperal package (and the CLI's
// start-up) never loads the compiler.
let ajv: Ajv | undefined;
export const compiled = <T extends object>(schema: T): ValidateFunction => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ajv ??= new (require('ajv') as typeof import('ajv')).default({ allErrors: true, strict: false });
  return ajv.compile(schema);
};

/** One ajv error as a sentence: `hooks[2].timeout must be <= 60000`. */
export function describeError(base: string, error: ErrorObject): string {
  const where = `${base}${error.instancePath
    .split('/')
    .slice(1)
    .map(p => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`))
    .join('')}`;
  if (error.keyword === 'required') return `${where} is missing '${(error.params as { missingProperty: string }).missingProperty}'`;
  if (error.keyword === 'enum') return `${where} must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map(v => `'${String(v)}'`).join(', ')}`;
  if (error.keyword === 'propertyNames') return `${where} has a key that ${error.message ?? 'is not allowed'}`;
  if (error.keyword === 'additionalProperties') return `${where} has an unknown key '${(error.params as { additionalProperty: string }).additionalProperty}'`;
  return `${where} ${error.message ?? 'is invalid'}`;
}

/** The path of keys and indexes an ajv error points at, for line lookup. */
export function errorPath(base: readonly (string | number)[], error: ErrorObject): (string | number)[] {
  const parts = error.instancePath.split('/').slice(1).map(p => (/^\d+$/.test(p) ? Number(p) : p.replace(/~1/g, '/').replace(/~0/g, '~')));
  return [...base, ...parts];
}
