import type { ValidateFunction } from 'ajv';
import { issue, IssueLevel, ValidationIssue } from '../types';
import { KIKET_MANIFEST_FILE } from './format';
import {
  ACTIVATION_EVENTS_SCHEMA,
  CALLBACK_SCHEMA,
  COMMANDS_SCHEMA,
  compiled,
  CONFIGURATION_SCHEMA,
  CUSTOM_DATA_SCHEMA,
  describeError,
  errorPath,
  HOOKS_SCHEMA,
  OUTPUT_FIELDS_SCHEMA,
  PERMISSIONS_SCHEMA,
  SECRETS_SCHEMA,
  SETUP_SCHEMA,
} from './kiket-schema';
import type { Locate } from './yaml-limits';

export type KiketManifest = Record<string, unknown> & { extension: Record<string, unknown> };
type Path = (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** What Kiket's CLI `marketplace validate` accepts: reverse-DNS, lower case, at least two segments. */
export const KIKET_ID_PATTERN = /^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$/;
/** The CLI's version pattern: MAJOR.MINOR.PATCH with an optional pre-release. */
const KIKET_VERSION_PATTERN = /^\d+\.\d+\.\d+(-[\w.]+)?$/;
/** `issues:read` (every real manifest), `read:issues` (docs, scaffold) and `custom_data.read` (SDK) all occur. */
export const KIKET_SCOPE_PATTERN = /^[a-z][a-z0-9_]*[:.][a-z][a-z0-9_]*$/;
const SDKS = ['ruby', 'python', 'node', 'java', 'dotnet', 'go'];
const TOP_LEVEL = new Set(['model_version', 'extension', 'deployment', 'secrets']);
/** Keys that, found at the top level, mean the manifest is in the flat form the Kiket CLI rejects. */
const FLAT_KEYS = ['id', 'name', 'version', 'delivery', 'callback', 'permissions', 'hooks'];
/** A secret is named, never written: `env.NAME` or `env:NAME`. */
const SECRET_REFERENCE = /^env[.:][A-Z][A-Z0-9_]*$/;
const PLACEHOLDER_URL = /^\$\{[A-Z][A-Z0-9_]*(:-[^}]*)?\}/;

export function isKiketShape(value: unknown): value is KiketManifest {
  return isObject(value) && isObject(value.extension);
}

/** Runs every KIK rule over a parsed manifest. `locate` turns a path into a line of the YAML file. */
export function checkKiketManifest(root: unknown, locate: Locate): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const add = (rule: string, level: IssueLevel, message: string, fix: string, path: Path = []) =>
    out.push(issue(rule, level, message, fix, { file: KIKET_MANIFEST_FILE, line: path.length ? locate(path) : 0 }));

  // KIK-1
  if (!isObject(root)) {
    const type = root === null || root === undefined ? 'an empty document' : Array.isArray(root) ? 'a list' : typeof root;
    add('KIK-1', 'ERROR', `the manifest must be a YAML mapping, got ${type}`, 'Start the file with `model_version: "1.0"` and an `extension:` mapping.');
    return out;
  }
  // KIK-2
  if (root.model_version === undefined) {
    add('KIK-2', 'ERROR', 'model_version is missing', 'Add `model_version: "1.0"` at the top of the manifest.');
  } else if (root.model_version !== '1.0') {
    const shown = typeof root.model_version === 'string' ? `'${root.model_version}'` : `${JSON.stringify(root.model_version)} (not a string)`;
    add('KIK-2', 'ERROR', `model_version ${shown} is not supported; only "1.0" is`, 'Write `model_version: "1.0"` (quoted, so YAML keeps it a string).', ['model_version']);
  }
  // KIK-3
  if (!isObject(root.extension)) {
    const flat = FLAT_KEYS.filter(k => k in root);
    const message = flat.length
      ? `the manifest is in the flat form (${flat.join(', ')} at the top level); Kiket reads only the nested form`
      : root.extension === undefined
        ? 'the `extension` mapping is missing'
        : '`extension` must be a mapping';
    add('KIK-3', 'ERROR', message, 'Move the extension fields under one `extension:` mapping (use the nested format).', root.extension === undefined ? [] : ['extension']);
    return out;
  }
  // KIK-4
  for (const key of Object.keys(root).filter(k => !TOP_LEVEL.has(k))) {
    add('KIK-4', 'WARN', `unknown top-level key '${key}'`, `Move '${key}' under \`extension:\` or remove it; only model_version, extension and deployment belong at the top.`, [key]);
  }
  const ext = root.extension;
  const E = (...rest: Path): Path => ['extension', ...rest];

  // KIK-5 … KIK-10: identity and metadata
  if (typeof ext.id !== 'string' || !ext.id) {
    add('KIK-5', 'ERROR', 'extension.id is missing', "Add a reverse-DNS id such as 'com.example.my-extension'.", E());
  } else if (!KIKET_ID_PATTERN.test(ext.id)) {
    const proposal = ext.id.toLowerCase().replace(/[^a-z0-9.-]+/g, '-').replace(/^[^a-z]+/, '');
    add('KIK-5', 'ERROR', `extension.id '${ext.id}' must be a lower-case reverse-DNS id (domain.name)`, `Use an id like '${proposal.includes('.') ? proposal : `com.${proposal || 'example'}`}'.`, E('id'));
  }
  if (typeof ext.name !== 'string' || !ext.name.trim()) add('KIK-6', 'ERROR', 'extension.name is missing', 'Add the display name people see in the marketplace.', E());
  if (ext.version === undefined) {
    add('KIK-7', 'ERROR', 'extension.version is missing', "Add `version: 1.0.0`; every release carries its own semantic version.", E());
  } else if (typeof ext.version !== 'string' || !KIKET_VERSION_PATTERN.test(ext.version)) {
    add('KIK-7', 'ERROR', `extension.version '${String(ext.version)}' must be MAJOR.MINOR.PATCH (an optional -pre-release)`, "Set version to for example '1.0.0'.", E('version'));
  }
  if (typeof ext.description !== 'string' || !ext.description.trim()) {
    add('KIK-8', 'WARN', 'extension.description is missing', 'Add one or two sentences: the marketplace listing shows them.', E());
  }
  if (ext.api_version !== undefined && !/^v\d+$/.test(str(ext.api_version))) {
    add('KIK-9', 'ERROR', `extension.api_version '${String(ext.api_version)}' must look like 'v1'`, "Set api_version to 'v1' or drop it (v1 is the default).", E('api_version'));
  }
  if (ext.sdk === undefined) {
    add('KIK-10', 'INFO', 'extension.sdk is not set', `Set sdk to one of ${SDKS.join(', ')} so managed hosting can pick a runtime.`, E());
  } else if (!SDKS.includes(str(ext.sdk))) {
    add('KIK-10', 'WARN', `extension.sdk '${String(ext.sdk)}' is not one of ${SDKS.join(', ')}`, `Use one of ${SDKS.join(', ')}.`, E('sdk'));
  }

  // KIK-11 / KIK-12: delivery and the callback endpoint
  if (ext.delivery === undefined) {
    add('KIK-11', 'ERROR', 'extension.delivery is missing', "Add `delivery: http` (events are POSTed to callback.url) or `delivery: internal`.", E());
  } else if (typeof ext.delivery !== 'string') {
    add('KIK-11', 'ERROR', 'extension.delivery must be a string; the object form is not read', "Write `delivery: http` and put the URL under `callback.url`.", E('delivery'));
  } else if (!['http', 'internal'].includes(ext.delivery)) {
    add('KIK-11', 'ERROR', `extension.delivery '${ext.delivery}' must be 'http' or 'internal'`, "Use `delivery: http` or `delivery: internal`.", E('delivery'));
  }
  if (ext.delivery === 'http' && ext.callback === undefined) {
    add('KIK-12', 'ERROR', 'delivery is http but extension.callback is missing', 'Add `callback: {url: ..., secret: env.KIKET_WEBHOOK_SECRET}`.', E('delivery'));
  }
  if (ext.callback !== undefined) {
    runSchema(add, 'KIK-12', 'extension.callback', E('callback'), compiledSchemas.callback, ext.callback, 'Give callback a url, a secret reference and a timeout between 100 and 60000 ms.');
    if (isObject(ext.callback)) {
      const url = str(ext.callback.url);
      if (url && !PLACEHOLDER_URL.test(url) && !/^https:\/\//.test(url)) {
        add('KIK-12', 'ERROR', `callback.url '${url}' must be an https:// URL or a hosting placeholder like \${EXTENSION_BASE_URL}`, 'Serve the callback over HTTPS.', E('callback', 'url'));
      }
      const secret = ext.callback.secret;
      if (typeof secret === 'string' && !SECRET_REFERENCE.test(secret)) {
        add('KIK-12', 'ERROR', 'callback.secret is written out in the manifest; it must be a reference', 'Write `secret: env.KIKET_WEBHOOK_SECRET` and keep the value in the secret store.', E('callback', 'secret'));
      }
    }
  }
  // KIK-13: hooks
  if (ext.hooks !== undefined) {
    runSchema(add, 'KIK-13', 'extension.hooks', E('hooks'), compiledSchemas.hooks, ext.hooks, 'Each hook needs an event; timeout is 100–60000 ms and retries 0–10.');
    if (Array.isArray(ext.hooks)) {
      ext.hooks.forEach((hook, i) => {
        if (isObject(hook) && typeof hook.retries === 'number' && hook.retries > 3 && hook.retries <= 10) {
          add('KIK-13', 'WARN', `hooks[${i}] retries ${hook.retries} times; Kiket extensions use 0–3`, 'Lower retries to 3 or fewer: a guard hook blocks the user while it retries.', E('hooks', i, 'retries'));
        }
      });
    }
  }

  // KIK-14: permissions (installation scopes)
  if (ext.permissions !== undefined) {
    runSchema(add, 'KIK-14', 'extension.permissions', E('permissions'), compiledSchemas.permissions, ext.permissions, 'List scopes as strings such as issues:read.');
    if (Array.isArray(ext.permissions)) {
      const seen = new Set<string>();
      ext.permissions.forEach((p, i) => {
        if (typeof p !== 'string') return;
        if (!KIKET_SCOPE_PATTERN.test(p)) {
          add('KIK-14', 'ERROR', `permission '${p}' is not a scope (resource:action)`, "Write scopes as resource:action, for example 'issues:read'.", E('permissions', i));
        } else if (seen.has(p)) {
          add('KIK-14', 'WARN', `permission '${p}' is listed twice`, 'Remove the duplicate.', E('permissions', i));
        }
        seen.add(p);
      });
    }
  } else {
    add('KIK-14', 'INFO', 'extension.permissions is empty: the installation token carries no API scope', 'List the scopes the extension calls, for example issues:read.', E());
  }
  // KIK-15: custom data permissions
  if (ext.custom_data !== undefined) {
    runSchema(add, 'KIK-15', 'extension.custom_data', E('custom_data'), compiledSchemas.customData, ext.custom_data, "Declare `permissions: [{module: com.example.data, operations: [read, write]}]`.");
  }

  // KIK-16 / KIK-17 / KIK-18: settings, secrets, the install wizard
  const settings = isObject(ext.configuration) ? ext.configuration : {};
  if (ext.configuration !== undefined) {
    runSchema(add, 'KIK-16', 'extension.configuration', E('configuration'), compiledSchemas.configuration, ext.configuration, 'Each setting is a mapping with a known type.');
    for (const [key, setting] of Object.entries(settings)) {
      if (!isObject(setting) || setting.secret !== true) continue;
      if (setting.default !== undefined && setting.default !== '') {
        add('KIK-16', 'ERROR', `secret setting '${key}' ships a default value`, 'Remove the default: a secret is entered at install time and never stored in the repository.', E('configuration', key, 'default'));
      }
      if (!/^[A-Z][A-Z0-9_]*$/.test(key)) {
        add('KIK-16', 'WARN', `secret setting '${key}' is not UPPER_SNAKE_CASE`, `Rename it to '${key.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}': secrets map to KIKET_SECRET_<KEY> variables.`, E('configuration', key));
      }
    }
  }
  if (ext.secrets !== undefined || root.secrets !== undefined) {
    const [list, base] = ext.secrets !== undefined ? [ext.secrets, E('secrets')] : [root.secrets, ['secrets']];
    runSchema(add, 'KIK-17', base.join('.'), base, compiledSchemas.secrets, list, 'Each secret is {key: UPPER_SNAKE, label, description, required}.');
    if (Array.isArray(list)) {
      list.forEach((s, i) => {
        if (isObject(s) && typeof s.key === 'string' && !str(s.description).trim()) {
          add('KIK-17', 'WARN', `secret '${s.key}' has no description`, 'Say where the value comes from: installers see it in the setup wizard.', [...base, i]);
        }
      });
    }
  }
  if (ext.setup !== undefined) {
    runSchema(add, 'KIK-18', 'extension.setup', E('setup'), compiledSchemas.setup, ext.setup, 'Each step is one of secrets, configure, test, info or oauth.');
    if (Array.isArray(ext.setup)) {
      ext.setup.forEach((step, i) => {
        if (!isObject(step)) return;
        for (const [kind, body] of Object.entries(step)) {
          if (!isObject(body) || !Array.isArray(body.collect)) continue;
          body.collect.forEach((key, j) => {
            if (typeof key === 'string' && !(key in settings)) {
              add('KIK-18', 'ERROR', `setup[${i}].${kind} collects '${key}', which extension.configuration does not define`, `Define '${key}' under configuration or remove it from collect.`, E('setup', i, kind, 'collect', j));
            }
          });
        }
      });
    }
  }

  // KIK-19 / KIK-20: commands and triggers
  const contributes = isObject(ext.contributes) ? ext.contributes : {};
  if (contributes.commands !== undefined) {
    runSchema(add, 'KIK-19', 'contributes.commands', E('contributes', 'commands'), compiledSchemas.commands, contributes.commands, "Each command needs a namespaced id ('slack.sendMessage') and a title.");
    if (Array.isArray(contributes.commands)) {
      const seen = new Set<string>();
      contributes.commands.forEach((c, i) => {
        if (!isObject(c) || typeof c.command !== 'string') return;
        if (seen.has(c.command)) add('KIK-19', 'ERROR', `command '${c.command}' is declared twice`, 'Give each command its own id.', E('contributes', 'commands', i, 'command'));
        seen.add(c.command);
      });
    }
  }
  if (ext.activationEvents !== undefined && ext.activation_events !== undefined) {
    add('KIK-20', 'WARN', 'both activationEvents and activation_events are set', 'Keep one spelling; Kiket reads either.', E('activation_events'));
  }
  for (const key of ['activationEvents', 'activation_events', 'lifecycleEvents']) {
    if (ext[key] !== undefined) runSchema(add, 'KIK-20', `extension.${key}`, E(key), compiledSchemas.events, ext[key], "List event names such as 'issue.created'.");
  }

  // KIK-21: the first generation's managed-hosting block
  if (root.deployment !== undefined) {
    add('KIK-21', 'WARN', 'the top-level `deployment` block is deprecated (January 2026)', 'Remove `deployment` and declare hosting under `extension.hosting`.', ['deployment']);
  }
  // KIK-22: output fields
  if (ext.output_fields !== undefined) {
    runSchema(add, 'KIK-22', 'extension.output_fields', E('output_fields'), compiledSchemas.outputFields, ext.output_fields, 'Each output field has a snake_case key, a label and a type (copyable, url, code, badge, status).');
  }
  return out;
}

/** Compiled on first use, so an Imperal package (and the CLI's start-up) never pays for them. */
function compiledOnUse<K extends string>(schemas: Record<K, object>): Record<K, ValidateFunction> {
  const out = {} as Record<K, ValidateFunction>;
  for (const key of Object.keys(schemas) as K[]) {
    let fn: ValidateFunction | undefined;
    Object.defineProperty(out, key, { enumerable: true, get: () => (fn ??= compiled(schemas[key])) });
  }
  return out;
}

const compiledSchemas = compiledOnUse({
  callback: CALLBACK_SCHEMA,
  hooks: HOOKS_SCHEMA,
  permissions: PERMISSIONS_SCHEMA,
  customData: CUSTOM_DATA_SCHEMA,
  configuration: CONFIGURATION_SCHEMA,
  secrets: SECRETS_SCHEMA,
  setup: SETUP_SCHEMA,
  commands: COMMANDS_SCHEMA,
  events: ACTIVATION_EVENTS_SCHEMA,
  outputFields: OUTPUT_FIELDS_SCHEMA,
});

/** Reports a schema's errors under its rule, one per path (ajv's `if/then` and `propertyNames` echo themselves). */
function runSchema(
  add: (rule: string, level: IssueLevel, message: string, fix: string, path?: Path) => void,
  rule: string,
  label: string,
  base: Path,
  validate: ValidateFunction,
  value: unknown,
  fix: string,
): void {
  if (validate(value)) return;
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'if') continue;
    const message = describeError(label, error);
    if (seen.has(message)) continue;
    seen.add(message);
    add(rule, 'ERROR', message, fix, errorPath(base, error));
  }
}
