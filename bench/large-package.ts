// A synthetic extension package the size of the largest real one (about 260 chat functions and
// 36,000 lines of Python over 60 files), laid out as real extensions are: main.py importing an app/
// package with config, core, params models in schemas/, return models in models/, and handlers
// split over many modules. The manifest matches the code, so the report is what a clean package gets.
import { VALID_ICON, validManifest } from '../test/fixtures/packages';

export interface LargePackageShape {
  functions: number;
  handlerFiles: number;
  schemaFiles: number;
  modelFiles: number;
}

export const LARGEST_REAL_SHAPE: LargePackageShape = { functions: 260, handlerFiles: 38, schemaFiles: 8, modelFiles: 7 };

const APP_ID = 'big-suite';

function body(i: number): string[] {
  // Ordinary handler code: store queries, branches, comprehension, a dict literal, error paths.
  const lines = [
    `    """Handle request ${i}: look the records up, filter and total them, and report."""`,
    '    page = await ctx.store.query("records", where={"owner": ctx.user.id}, limit=params.limit)',
    '    if not page.data:',
    `        return ActionResult.error("No records for request ${i}", code="NOT_FOUND")`,
  ];
  for (let k = 0; k < 9; k++) {
    lines.push(
      `    # pass ${k}: fold this window of records into the totals`,
      `    window_${k} = [r for r in page.data if r.data.get("bucket") == ${k}]`,
      `    for record in window_${k}:`,
      '        status = record.data.get("status", "open")',
      '        if status == "done":',
      '            continue',
      '        elif status == "blocked":',
      `            blocked_${k} = record.data.get("reason") or "unknown"`,
      `            notes.append(f"blocked: {blocked_${k}}")`,
      '        else:',
      `            totals["open"] = totals.get("open", 0) + record.data.get("weight", 1) * ${k + 1}`,
    );
  }
  lines.push(
    '    summary = {',
    `        "request": ${i},`,
    '        "open": totals.get("open", 0),',
    '        "notes": notes[:10],',
    '        "status": params.status,',
    '    }',
    `    await ctx.cache.set("summary:${i}", Result${i}(total=totals.get("open", 0)), ttl_seconds=60)`,
    `    return ActionResult.success(data=summary, summary=f"Request ${i}: {summary['open']} open")`,
  );
  return lines;
}

/** The one-line docstring and the rest of the body. */
function splitDoc(lines: string[]): [string[], string[]] {
  return [lines.slice(0, 1), lines.slice(1)];
}

export function largePackage(shape: LargePackageShape = LARGEST_REAL_SHAPE): Map<string, Buffer> {
  const files = new Map<string, string>();
  const tools: Record<string, unknown>[] = [];
  files.set('main.py', [
    '"""Entry point: importing the app package registers every handler."""',
    'from app import ext  # noqa: F401',
    ...Array.from({ length: shape.handlerFiles }, (_, h) => `from app.handlers import h${h}  # noqa: F401`),
    '',
  ].join('\n'));
  files.set('app/__init__.py', 'from .core import ext, chat  # noqa: F401\n');
  files.set('app/config.py', [
    `APP_ID = "${APP_ID}"`,
    'VERSION = "3.2.1"',
    'DISPLAY_NAME = "Big Suite"',
    'DESCRIPTION = (',
    '    "An operations suite the assistant drives in plain language: records, "',
    '    "reports, schedules and alerts."',
    ')',
    '',
  ].join('\n'));
  files.set('app/core.py', [
    'from imperal_sdk import Extension',
    'from imperal_sdk.chat import ChatExtension',
    '',
    'from .config import APP_ID, VERSION, DISPLAY_NAME, DESCRIPTION',
    '',
    'ext = Extension(APP_ID, version=VERSION, display_name=DISPLAY_NAME, description=DESCRIPTION,',
    '                icon="icon.svg", actions_explicit=True, capabilities=[APP_ID + ":read", APP_ID + ":write"])',
    'chat = ChatExtension(ext, tool_name="big_suite_chat", description="Operations suite assistant")',
    '',
    '',
    '@ext.health_check',
    'async def health(ctx) -> dict:',
    '    """Report health."""',
    '    return {"ok": True}',
    '',
    '',
    '@ext.on_install',
    'async def on_install(ctx) -> None:',
    '    """Provision storage."""',
    '',
  ].join('\n'));
  files.set('app/handlers/__init__.py', '');
  files.set('app/schemas/__init__.py', Array.from({ length: shape.schemaFiles }, (_, s) => `from .s${s} import *  # noqa: F401,F403`).join('\n') + '\n');
  files.set('app/models/__init__.py', '');

  const schema: string[][] = Array.from({ length: shape.schemaFiles }, () => ['from pydantic import BaseModel, Field', '']);
  const model: string[][] = Array.from({ length: shape.modelFiles }, () => ['from pydantic import BaseModel', '']);
  const handlers: string[][] = Array.from({ length: shape.handlerFiles }, () => [
    'from __future__ import annotations',
    '',
    'from imperal_sdk import ActionResult',
    '',
    'from app.core import chat',
    'from app import schemas',
    '',
  ]);
  for (let i = 0; i < shape.functions; i++) {
    const write = i % 4 === 0;
    const s = i % shape.schemaFiles;
    const m = i % shape.modelFiles;
    const h = i % shape.handlerFiles;
    schema[s].push(
      '',
      `class Params${i}(BaseModel):`,
      `    """Parameters of request ${i}."""`,
      '',
      `    status: str = Field("open", description="Only records in this status (request ${i})")`,
      '    limit: int = Field(50, ge=1, le=500, description="Page size")',
      '    owner: str | None = Field(None, description="Owner id; the caller when empty")',
      '    tags: list[str] = Field(default_factory=list, description="Tags the records must carry")',
      '',
    );
    model[m].push('', `class Result${i}(BaseModel):`, `    """What request ${i} returns."""`, '', '    total: int = 0', '    notes: list[str] = []', '');
    handlers[h].push(`from app.models.m${m} import Result${i}`);
    const decorator = [
      '',
      '',
      '@chat.function(',
      `    "request_${i}",`,
      `    description="Handle request ${i}: totals the user's open records by bucket and reports them.",`,
      `    action_type="${write ? 'write' : 'read'}",`,
      ...(write ? [`    effects=["update:record"],`, `    event="${APP_ID}.request_${i}",`] : []),
      ')',
      `async def request_${i}(ctx, params: schemas.Params${i}) -> ActionResult[Result${i}]:`,
    ];
    const [doc, rest] = splitDoc(body(i));
    handlers[h].push(...decorator, ...doc, '    totals: dict[str, int] = {}', '    notes: list[str] = []', ...rest);
    tools.push({
      name: `request_${i}`,
      description: `Handle request ${i}: totals the user's open records by bucket and reports them.`,
      action_type: write ? 'write' : 'read',
      chain_callable: true,
      effects: write ? ['update:record'] : [],
      params_schema: { type: 'object', properties: { status: { type: 'string' } }, title: `Params${i}` },
      return_schema: { type: 'object', properties: { total: { type: 'integer' } }, title: `Result${i}` },
      event: write ? `${APP_ID}.request_${i}` : '',
      scopes: [],
    });
  }
  // Imports go on top of each handler module; the decorated functions follow.
  handlers.forEach((lines, h) => {
    const imports = lines.filter(l => l.startsWith('from app.models.'));
    const rest = lines.filter(l => !l.startsWith('from app.models.'));
    files.set(`app/handlers/h${h}.py`, [...rest.slice(0, 7), ...imports, ...rest.slice(7), ''].join('\n'));
  });
  schema.forEach((lines, s) => files.set(`app/schemas/s${s}.py`, lines.join('\n') + '\n'));
  model.forEach((lines, m) => files.set(`app/models/m${m}.py`, lines.join('\n') + '\n'));

  const manifest = validManifest({
    app_id: APP_ID,
    version: '3.2.1',
    name: 'Big Suite',
    description: 'An operations suite the assistant drives in plain language: records, reports, schedules and alerts.',
    capabilities: [`${APP_ID}:read`, `${APP_ID}:write`],
    tools,
    required_scopes: [],
    schedules: [],
    lifecycle: { on_install: true, health_check: { interval_sec: 60 } },
  });
  const out = new Map<string, Buffer>([...files].map(([p, t]) => [p, Buffer.from(t)]));
  out.set('imperal.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  out.set('icon.svg', Buffer.from(VALID_ICON));
  return out;
}

export function pythonStats(files: Map<string, Buffer>): { files: number; lines: number } {
  const py = [...files].filter(([p]) => p.endsWith('.py'));
  return { files: py.length, lines: py.reduce((n, [, b]) => n + b.toString().split('\n').length, 0) };
}
