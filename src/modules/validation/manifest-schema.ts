/**
 * The imperal.json schema v3 as JSON Schema, mirroring the reference SDK's pydantic `Manifest`
 * model (shared/reference/imperal.md section 3): closed objects where the model is closed, the
 * same regexes, and pydantic's lax coercions (booleans from 0/1/"yes", integers from numeric
 * strings) but never a number where a string is required.
 */

export const APP_ID_PATTERN = '^[a-z0-9][a-z0-9-]*[a-z0-9]$';
export const MANIFEST_VERSION_PATTERN = '^\\d+\\.\\d+\\.\\d+(?:[.-][A-Za-z0-9.-]+)?$';
export const SCOPE_PATTERN = '^(?:\\*|[a-z][a-z0-9_-]*(?:[.:][a-z0-9_*-]+)+)$';
const CRON_PATTERN = '^(?:\\S+\\s+\\S+\\s+\\S+\\s+\\S+\\s+\\S+|@(?:hourly|daily|weekly|monthly|yearly|annually|reboot))$';

const laxBool = {
  anyOf: [
    { type: 'boolean' },
    { enum: [0, 1] },
    { enum: ['0', '1', 'true', 'false', 'True', 'False', 'TRUE', 'FALSE', 'yes', 'no', 'on', 'off', 't', 'f', 'y', 'n'] },
  ],
};
const laxInt = (min?: number, max?: number) => ({
  anyOf: [
    { type: 'integer', ...(min !== undefined ? { minimum: min } : {}), ...(max !== undefined ? { maximum: max } : {}) },
    { type: 'string', pattern: '^\\s*[-+]?\\d+\\s*$' },
  ],
});
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });
const str = { type: 'string' };
const nonEmpty = { type: 'string', minLength: 1 };
const strList = { type: 'array', items: str };
const scopeList = { type: 'array', items: { type: 'string', pattern: SCOPE_PATTERN } };
const obj = { type: 'object' };
const closed = (properties: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

const tool = closed(
  {
    name: { type: 'string', minLength: 1, pattern: '^[a-zA-Z_][a-zA-Z0-9_]*$' },
    description: nullable(str),
    scopes: scopeList,
    parameters: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          type: { enum: ['string', 'integer', 'number', 'boolean', 'array', 'object'] },
          required: laxBool,
        },
      },
    },
    action_type: nullable(str),
    chain_callable: nullable(laxBool),
    effects: nullable(strList),
    id_projection: nullable(str),
    params_schema: nullable(obj),
    return_schema: nullable(obj),
    event: nullable(str),
    background: nullable(laxBool),
    long_running: nullable(laxBool),
    owner_chat_tool: nullable(str),
    synthetic: nullable(laxBool),
  },
  ['name'],
);

const secret = {
  ...closed(
    {
      name: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
      description: { type: 'string', minLength: 1 },
      required: laxBool,
      write_mode: { enum: ['user', 'extension', 'both'] },
      max_bytes: laxInt(1, 65536),
      rotation_hint_days: nullable(laxInt(1)),
      scope: { enum: ['user', 'app'] },
      env_fallback: nullable({ type: 'string', pattern: '^IMPERAL_APPSECRET_' }),
    },
    ['name', 'description'],
  ),
};

const panel = {
  type: 'object',
  properties: {
    slot: { enum: ['center', 'left', 'right', 'overlay', 'bottom', 'chat-sidebar'] },
    tree: obj,
    panel_id: nullable(str),
    title: nullable(str),
    icon: nullable(str),
    refresh: nullable(str),
    center_overlay: nullable(laxBool),
    default_width: nullable(laxInt()),
    min_width: nullable(laxInt()),
    max_width: nullable(laxInt()),
  },
  required: ['slot'],
};

export const MANIFEST_SCHEMA = {
  $id: 'https://plaza.local/schemas/imperal-manifest-v3.json',
  ...closed(
    {
      manifest_schema_version: { enum: [1, 2, 3, null] },
      sdk_version: nullable(str),
      app_id: { type: 'string', pattern: APP_ID_PATTERN },
      version: { type: 'string', pattern: MANIFEST_VERSION_PATTERN },
      capabilities: strList,
      tools: { type: 'array', items: tool },
      signals: { type: 'array', items: closed({ name: nonEmpty, description: nullable(str) }, ['name']) },
      schedules: {
        type: 'array',
        items: closed({ name: nonEmpty, cron: { type: 'string', pattern: CRON_PATTERN }, description: nullable(str) }, ['name', 'cron']),
      },
      required_scopes: scopeList,
      migrations_dir: nullable(str),
      config_defaults: nullable(obj),
      webhooks: {
        type: 'array',
        items: closed(
          {
            path: { type: 'string', pattern: '^/[a-z0-9_/-]+$' },
            method: { enum: ['POST', 'GET', 'PUT', 'DELETE'] },
            secret_header: str,
          },
          ['path'],
        ),
      },
      events: closed({
        subscribes: { type: 'array', items: closed({ type: nonEmpty, handler: str }, ['type', 'handler']) },
        emits: { type: 'array', items: closed({ type: nonEmpty, schema_ref: nullable(str) }, ['type']) },
      }),
      exposed: { type: 'array', items: closed({ name: str, action_type: { enum: ['read', 'write'] } }, ['name']) },
      lifecycle: nullable(
        closed({
          on_install: nullable(laxBool),
          on_uninstall: nullable(laxBool),
          on_enable: nullable(laxBool),
          on_disable: nullable(laxBool),
          on_upgrade: nullable(strList),
          health_check: nullable(closed({ interval_sec: laxInt(30) })),
        }),
      ),
      lifecycle_hooks: nullable({ type: 'object', additionalProperties: obj }),
      tray: {
        type: 'array',
        items: closed(
          {
            tray_id: { type: 'string', pattern: '^[a-z][a-z0-9_-]+$' },
            icon: nullable(str),
            tooltip: nullable(str),
            zone: nullable({ enum: ['status', 'actions', 'system'] }),
            order: nullable(laxInt()),
          },
          ['tray_id'],
        ),
      },
      menu: {
        type: 'array',
        items: closed(
          {
            item_id: { type: 'string', pattern: '^[a-z][a-z0-9_-]+$' },
            label: str,
            icon: nullable(str),
            section: nullable({ enum: ['main', 'admin'] }),
            path: nullable(str),
            order: nullable(laxInt()),
            danger: nullable(laxBool),
          },
          ['item_id', 'label'],
        ),
      },
      actions_explicit: nullable(laxBool),
      icon_size_bytes: nullable(laxInt()),
      system: nullable(laxBool),
      hidden_in_sidebar: nullable(laxBool),
      secrets: { type: 'array', items: secret },
      file_sinks: {
        type: 'array',
        items: closed(
          {
            tool: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
            accepts: { type: 'array', items: str, minItems: 1 },
            arg: nonEmpty,
            arg_kind: { enum: ['text', 'file_id', 'bytes_ref'] },
            description: nullable({ type: 'string', maxLength: 200 }),
          },
          ['tool', 'accepts', 'arg'],
        ),
      },
      oauth: {
        type: 'array',
        items: closed(
          {
            provider: nonEmpty,
            collection: nullable({ type: 'string', pattern: '^[a-z][a-z0-9_]*$' }),
            scopes: strList,
            has_hook: laxBool,
          },
          ['provider'],
        ),
      },
      panels: { type: 'array', items: panel },
      name: nullable(str),
      description: nullable(str),
      author: nullable(str),
      license: nullable(str),
      homepage: nullable(str),
      icon: nullable(str),
      category: nullable(str),
      tags: nullable(strList),
      marketplace: nullable(obj),
      pricing: nullable(obj),
    },
    ['app_id', 'version'],
  ),
};

/** Truthiness with pydantic's lax boolean rules (manifest values may be 1, "yes", ...). */
export function laxTrue(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return typeof value === 'string' && ['1', 'true', 'yes', 'on', 't', 'y'].includes(value.toLowerCase());
}
