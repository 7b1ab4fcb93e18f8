import { VALID_ICON, validManifest } from '../../../../test/fixtures/packages';
import type { ValidationIssue } from '../types';
import { validatePackage } from '../validate-package';
import { buildCodeModel, readModules } from './code-model';

/**
 * The rules on the Extension object, decided on the code model. Each package here mirrors how real
 * extensions are laid out (handlers over several files, params models in schemas.py and a models/
 * package, constants in config.py, PEP 563 annotations, ActionResult[T] returns), and most tests
 * pair a manifest that says one thing with code that says another: the verdict follows the code.
 */

type Files = Record<string, string>;

const CONFIG = `APP_ID = "task-board"
VERSION = "1.0.0"
DISPLAY_NAME = "Task Board"
# An implicit string join across lines, as real configs write long descriptions.
DESCRIPTION = (
    "A task manager the assistant can drive "
    "in plain language, with due dates."
)
`;

const CORE = `from imperal_sdk import Extension
from imperal_sdk.chat import ChatExtension

from .config import APP_ID, VERSION, DISPLAY_NAME, DESCRIPTION

ext = Extension(
    APP_ID,
    version=VERSION,
    display_name=DISPLAY_NAME,
    description=DESCRIPTION,
    icon="icon.svg",
    actions_explicit=True,
    capabilities=[APP_ID + ":read", APP_ID + ":write", "store:read"],
)
chat = ChatExtension(ext, tool_name="task_board_chat", description="Task board assistant")
`;

const SCHEMAS = `from pydantic import BaseModel, Field


class ListParams(BaseModel):
    status: str = "open"


class CreateTaskParams(BaseModel):
    title: str = Field(description="What needs to be done")
`;

const MODELS_BASE = `import pydantic


class Record(pydantic.BaseModel):
    """Every returned record derives from this package base."""
`;

const MODELS_TASKS = `from .base import Record


class TaskList(Record):
    tasks: list[dict] = []


class Created(Record):
    id: str
`;

const READ_HANDLERS = `from __future__ import annotations

from imperal_sdk import ActionResult

from . import schemas as s
from .core import chat
from .models import TaskList


@chat.function("list_tasks", description="List the tasks on the board, optionally filtered by status.",
               action_type="read")
async def list_tasks(ctx, params: s.ListParams) -> ActionResult[TaskList]:
    """List tasks from the store."""
    return ActionResult.success(data={"tasks": []}, summary="Listed tasks")
`;

const WRITE_HANDLERS = `from __future__ import annotations

from imperal_sdk import ActionResult

from .core import chat
from .models import Created
from .schemas import CreateTaskParams


@chat.function(
    "create_task",
    description="Add a task to the user's pending list with an optional due date.",
    action_type="write",
    effects=["task.create"],
    event="task-board.task_created",
    scopes=["task-board:write"],
    data_model=Created,
)
async def create_task(ctx, params: CreateTaskParams) -> ActionResult:
    """Create a task."""
    return ActionResult.success(data={"id": "1"}, summary="Created")
`;

const LIFECYCLE = `from .core import ext


@ext.on_install
async def on_install(ctx) -> None:
    """Provision storage."""


@ext.health_check
async def health(ctx) -> dict:
    """Report health."""
    return {"ok": True}
`;

const MAIN = `from app import ext  # noqa: F401
from app import handlers_read, handlers_write, lifecycle  # noqa: F401  (registers the functions)
`;

/** The split layout: main.py → app/ (config, core, schemas, models/, handlers over two files). */
function layout(overrides: Files = {}, remove: string[] = []): Files {
  const files: Files = {
    'main.py': MAIN,
    'app/__init__.py': 'from .core import ext, chat\n',
    'app/config.py': CONFIG,
    'app/core.py': CORE,
    'app/schemas.py': SCHEMAS,
    'app/models/__init__.py': 'from .tasks import TaskList, Created\n',
    'app/models/base.py': MODELS_BASE,
    'app/models/tasks.py': MODELS_TASKS,
    'app/handlers_read.py': READ_HANDLERS,
    'app/handlers_write.py': WRITE_HANDLERS,
    'app/lifecycle.py': LIFECYCLE,
    'tests/test_tools.py': 'from app.handlers_read import list_tasks\n\n\ndef test_it():\n    assert list_tasks\n',
    ...overrides,
  };
  for (const path of remove) delete files[path];
  return files;
}

function validate(files: Files, manifest: Record<string, unknown> = validManifest()) {
  const map = new Map<string, Buffer>(Object.entries(files).map(([p, t]) => [p, Buffer.from(t)]));
  map.set('icon.svg', Buffer.from(VALID_ICON));
  map.set('imperal.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  return validatePackage(map);
}

const rule = (issues: ValidationIssue[], id: string) => issues.filter(i => i.rule === id);
const rules = (issues: ValidationIssue[]) => issues.map(i => i.rule);
const manifestWith = (tool: string, patch: Record<string, unknown>, top: Record<string, unknown> = {}) => {
  const base = validManifest();
  const tools = (base.tools as Record<string, unknown>[]).map(t => (t.name === tool ? { ...t, ...patch } : t));
  return validManifest({ tools, ...top });
};
const edit = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`'${from}' not in fixture`);
  return text.replace(from, to);
};

describe('the code model', () => {
  it('reads a split package: constants across files, implicit joins, concatenation, re-exports, module aliases', () => {
    const modules = readModules(new Map(Object.entries(layout()).map(([p, t]) => [p, Buffer.from(t)])));
    const { model } = buildCodeModel(modules);
    expect(model).not.toBeNull();
    expect(model!.ext).toMatchObject({
      file: 'app/core.py',
      appId: 'task-board',
      version: '1.0.0',
      displayName: 'Task Board',
      description: 'A task manager the assistant can drive in plain language, with due dates.',
      actionsExplicit: true,
      capabilities: ['task-board:read', 'task-board:write', 'store:read'],
    });
    expect(model!.chats).toEqual([expect.objectContaining({ toolName: 'task_board_chat' })]);
    expect(model!.functions.map(f => [f.name, f.actionType, f.paramsModel, f.returnModel, f.chainCallable])).toEqual([
      ['list_tasks', 'read', 'ListParams', 'TaskList', true],
      ['create_task', 'write', 'CreateTaskParams', 'Created', true],
    ]);
    expect(model!.hooks.map(h => h.key).sort()).toEqual(['health_check', 'on_install']);
    expect(model!.incomplete).toBe(false);
  });

  it('judges the split package clean against its manifest, and the test module is not part of it', () => {
    const report = validate(layout());
    expect(report.issues).toEqual([]);
    expect(report.functionCount).toBe(2);
    expect(report.eventCount).toBe(1);
  });

  it('finds the Extension the way the reference does: main.ext, else the first Extension among main’s names', () => {
    const main = 'from app.core import ext as the_extension  # noqa\nfrom app import handlers_read, handlers_write, lifecycle  # noqa\n';
    expect(validate(layout({ 'main.py': main })).issues).toEqual([]);
    const none = validate(layout({ 'main.py': 'print("hello")\n' }));
    expect(rule(none.issues, 'CODE-MODEL')).toEqual([expect.objectContaining({ level: 'INFO', source: 'code' })]);
  });

  it('registers only the functions of modules that main.py imports (directly or through packages)', () => {
    const report = validate(layout({ 'main.py': 'from app import ext  # noqa\nfrom app import handlers_read, lifecycle  # noqa\n' }));
    const drift = rule(report.issues, 'MANIFEST-DRIFT');
    expect(drift).toHaveLength(1);
    expect(drift[0].message).toContain("tools 'create_task': code (absent), manifest chat function");
  });

  it('reports a value it cannot compute as INFO with file and line, and does not guess it', () => {
    const core = edit(CORE, 'description=DESCRIPTION,', 'description=os.environ.get("DESC", ""),');
    const report = validate(layout({ 'app/core.py': core }), validManifest({ description: 'short' }));
    const info = rule(report.issues, 'CODE-UNRESOLVED');
    expect(info).toEqual([
      expect.objectContaining({ level: 'INFO', file: 'app/core.py', line: core.split('\n').findIndex(l => l.includes('os.environ')) + 1, source: 'code' }),
    ]);
    expect(info[0].message).toContain('Extension(description=...)');
    // V14 was not decided (neither from the unknown value nor from the manifest's 'short').
    expect(rule(report.issues, 'V14')).toEqual([]);
  });
  it('evaluates f-strings whose fields are static, and only those', () => {
    const read = edit(
      READ_HANDLERS,
      'description="List the tasks on the board, optionally filtered by status.",',
      'description=f"List up to {MAX} tasks on the {BOARD!r} board, " f"{{filtered}} by {FIELD}.",',
    );
    const withConstants = `MAX = 50\nBOARD = "main"\nFIELD = "status"\n${read}`;
    const { model } = buildCodeModel(readModules(new Map(Object.entries(layout({ 'app/handlers_read.py': withConstants })).map(([p, t]) => [p, Buffer.from(t)]))));
    // `{BOARD!r}` has a conversion: the whole description is unresolved, not guessed.
    expect(model!.functions[0].description).toMatchObject({ unresolved: true, file: 'app/handlers_read.py' });
    const plain = withConstants.replace('{BOARD!r}', '{BOARD}');
    const again = buildCodeModel(readModules(new Map(Object.entries(layout({ 'app/handlers_read.py': plain })).map(([p, t]) => [p, Buffer.from(t)]))));
    expect(again.model!.functions[0].description).toBe('List up to 50 tasks on the main board, {filtered} by status.');
    expect(rules(validate(layout({ 'app/handlers_read.py': plain })).issues)).not.toContain('CODE-UNRESOLVED');
  });

  it('does not take defaults for arguments that may come from a ** splat', () => {
    const core = `${CORE}`.replace(
      /ext = Extension\([\s\S]*?\n\)\n/,
      'SETTINGS = load_settings()\next = Extension(APP_ID, **SETTINGS)\n',
    );
    expect(core).toContain('**SETTINGS');
    const report = validate(layout({ 'app/core.py': core }));
    expect(rules(report.issues)).not.toContain('V14');
    expect(rules(report.issues)).not.toContain('V15');
    expect(rules(report.issues)).not.toContain('V19');
    expect(rule(report.issues, 'CODE-UNRESOLVED').map(i => i.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('Extension(description=...)'), expect.stringContaining('Extension(actions_explicit=...)')]),
    );
  });
});

describe('rules on the code: the manifest says one thing, the code another', () => {
  it('V3: the code has neither tools nor a ChatExtension although imperal.json lists tools', () => {
    const files = {
      'main.py': 'from imperal_sdk import Extension\n\next = Extension("task-board", version="1.0.0", display_name="Task Board",\n'
        + '                description="A task manager the assistant can drive in plain language, with due dates.")\n',
    };
    const report = validate(files);
    expect(rule(report.issues, 'V3')).toEqual([expect.objectContaining({ level: 'ERROR', file: 'main.py', source: 'code' })]);
    // ...and the other way round: an empty tools[] beside code that has a ChatExtension passes V3.
    expect(rule(validate(layout(), validManifest({ tools: [] })).issues, 'V3')).toEqual([]);
  });

  it('V4: the code passes an invalid action_type, the manifest a valid one', () => {
    const write = edit(WRITE_HANDLERS, 'action_type="write"', 'action_type="update"');
    const report = validate(layout({ 'app/handlers_write.py': write }));
    expect(rule(report.issues, 'V4')).toEqual([
      expect.objectContaining({ message: "@chat.function 'create_task' must have explicit action_type ('read', 'write', or 'destructive'), got 'update'", file: 'app/handlers_write.py' }),
    ]);
    expect(rule(validate(layout(), manifestWith('create_task', { action_type: 'bogus' })).issues, 'V4')).toEqual([]);
  });

  it('V9 / V12: hooks are read from the decorators, not from lifecycle', () => {
    const report = validate(layout({}, ['app/lifecycle.py']), validManifest());
    expect(rule(report.issues, 'V9')).toEqual([expect.objectContaining({ level: 'WARN', source: 'code' })]);
    expect(rule(report.issues, 'V12')).toEqual([expect.objectContaining({ level: 'INFO', source: 'code' })]);
    const noLifecycle = validate(layout(), validManifest({ lifecycle: {} }));
    expect(rules(noLifecycle.issues)).not.toContain('V9');
    expect(rules(noLifecycle.issues)).not.toContain('V12');
  });

  it('V10 / V20: a write function without event= or effects= in the code', () => {
    const write = edit(edit(WRITE_HANDLERS, '    effects=["task.create"],\n', ''), '    event="task-board.task_created",\n', '');
    const report = validate(layout({ 'app/handlers_write.py': write }));
    expect(rule(report.issues, 'V10')).toEqual([expect.objectContaining({ level: 'WARN', message: "@chat.function 'create_task' (action_type='write') has no event=" })]);
    expect(rule(report.issues, 'V20')).toEqual([expect.objectContaining({ level: 'WARN' })]);
  });

  it('V11: a chat function without a docstring', () => {
    const read = edit(READ_HANDLERS, '    """List tasks from the store."""\n', '');
    expect(rule(validate(layout({ 'app/handlers_read.py': read })).issues, 'V11')).toEqual([
      expect.objectContaining({ level: 'WARN', file: 'app/handlers_read.py', source: 'code' }),
    ]);
  });

  it('V13: an @ext.tool named refresh_* in the code', () => {
    const lifecycle = `${LIFECYCLE}\n\n@ext.tool("refresh_inbox", scopes=[])\nasync def refresh_inbox(ctx) -> dict:\n    """Refresh."""\n    return {}\n`;
    const report = validate(layout({ 'app/lifecycle.py': lifecycle }));
    expect(rule(report.issues, 'V13')).toEqual([expect.objectContaining({ level: 'WARN', file: 'app/lifecycle.py' })]);
  });

  it('V14 / V15: the Extension arguments win over the manifest’s name and description', () => {
    const config = edit(edit(CONFIG, 'DISPLAY_NAME = "Task Board"', 'DISPLAY_NAME = "task-board"'), '"A task manager the assistant can drive "\n    "in plain language, with due dates."', '"Task " "board."');
    const report = validate(layout({ 'app/config.py': config }));
    expect(rule(report.issues, 'V14')).toEqual([
      expect.objectContaining({ message: "Extension 'task-board' description must be ≥40 chars and ≠ app_id (got len=11, value='Task board.')", file: 'app/core.py', source: 'code' }),
    ]);
    expect(rule(report.issues, 'V15')).toEqual([expect.objectContaining({ message: "Extension display_name 'task-board' verbatim equals app_id 'task-board' — provide human-readable name" })]);
    const stale = validate(layout(), validManifest({ name: 'x', description: 'short' }));
    expect(rules(stale.issues)).not.toContain('V14');
    expect(rules(stale.issues)).not.toContain('V15');
  });

  it('V16: the description comes from the decorator, else from the docstring', () => {
    const short = edit(READ_HANDLERS, 'description="List the tasks on the board, optionally filtered by status.",', 'description="List tasks",');
    expect(rule(validate(layout({ 'app/handlers_read.py': short })).issues, 'V16')).toEqual([
      expect.objectContaining({ message: "@chat.function 'list_tasks' (tool task_board_chat) description must be ≥20 chars (got len=10)" }),
    ]);
    const fromDoc = edit(
      edit(READ_HANDLERS, 'description="List the tasks on the board, optionally filtered by status.",\n', ''),
      '"""List tasks from the store."""',
      '"""List the tasks on the board, optionally filtered by status."""',
    );
    expect(rule(validate(layout({ 'app/handlers_read.py': fromDoc })).issues, 'V16')).toEqual([]);
  });

  it('V17: **kwargs, Any, explicit params= and a PEP 563 model nested in a function detect no model', () => {
    for (const signature of ['async def list_tasks(ctx, **kwargs: Any)', 'async def list_tasks(ctx, params: Any)', 'async def list_tasks(ctx, params: dict)']) {
      const read = edit(edit(READ_HANDLERS, 'async def list_tasks(ctx, params: s.ListParams)', signature), 'from imperal_sdk import ActionResult', 'from typing import Any\nfrom imperal_sdk import ActionResult');
      expect(rule(validate(layout({ 'app/handlers_read.py': read })).issues, 'V17')).toHaveLength(1);
    }
    const explicit = edit(READ_HANDLERS, 'action_type="read")', 'action_type="read", params={"status": {"type": "string"}})');
    expect(rule(validate(layout({ 'app/handlers_read.py': explicit })).issues, 'V17')).toHaveLength(1);
    const nested = `from __future__ import annotations

from pydantic import BaseModel
from imperal_sdk import ActionResult

from .core import chat
from .models import TaskList


def register():
    class ListParams(BaseModel):
        status: str = "open"

    @chat.function("list_tasks", description="List the tasks on the board, optionally filtered by status.", action_type="read")
    async def list_tasks(ctx, params: ListParams) -> ActionResult[TaskList]:
        """List."""
        return ActionResult.success(data={}, summary="ok")


register()
`;
    const report = validate(layout({ 'app/handlers_read.py': nested }));
    // get_type_hints cannot see the nested class under PEP 563: no params model, no return model.
    expect(rules(report.issues)).toEqual(expect.arrayContaining(['V17', 'V23']));
    // Without PEP 563 the annotation is the class object itself, nested or not.
    const eager = validate(layout({ 'app/handlers_read.py': nested.replace('from __future__ import annotations\n', '') }));
    expect(rules(eager.issues)).not.toContain('V17');
    expect(rules(eager.issues)).not.toContain('V23');
  });

  it('V17 / V23: one annotation get_type_hints cannot resolve (a TYPE_CHECKING-only import) hides both models under PEP 563', () => {
    const read = edit(
      edit(READ_HANDLERS, 'from imperal_sdk import ActionResult', 'from typing import TYPE_CHECKING\n\nfrom imperal_sdk import ActionResult\n\nif TYPE_CHECKING:\n    from imperal_sdk import Context'),
      'async def list_tasks(ctx, params',
      'async def list_tasks(ctx: Context, params',
    );
    const report = validate(layout({ 'app/handlers_read.py': read }));
    expect(rules(report.issues)).toEqual(expect.arrayContaining(['V17', 'V23']));
    // The same annotation with a run-time import resolves, and nothing fires.
    const runtime = read.replace('if TYPE_CHECKING:\n    from imperal_sdk import Context', 'from imperal_sdk import Context');
    const ok = validate(layout({ 'app/handlers_read.py': runtime }));
    expect(rules(ok.issues)).not.toContain('V17');
    expect(rules(ok.issues)).not.toContain('V23');
  });

  it('V17: a params model imported through a module alias counts, whatever params_schema says', () => {
    const report = validate(layout(), manifestWith('list_tasks', { params_schema: {} }));
    expect(rules(report.issues)).not.toContain('V17');
  });

  it('V18: a missing return annotation, or a string forward reference that does not resolve', () => {
    const none = edit(READ_HANDLERS, ' -> ActionResult[TaskList]:', ':');
    expect(rule(validate(layout({ 'app/handlers_read.py': none })).issues, 'V18')).toEqual([
      expect.objectContaining({ level: 'ERROR', file: 'app/handlers_read.py', line: none.split('\n').findIndex(l => l.startsWith('async def')) + 1 }),
    ]);
    const plain = edit(READ_HANDLERS, ' -> ActionResult[TaskList]:', ' -> "Missing":');
    expect(rule(validate(layout({ 'app/handlers_read.py': plain })).issues, 'V18')).toHaveLength(1);
    const model = edit(READ_HANDLERS, ' -> ActionResult[TaskList]:', ' -> "TaskList":');
    const ok = validate(layout({ 'app/handlers_read.py': model }));
    expect(rules(ok.issues)).not.toContain('V18');
    expect(rules(ok.issues)).not.toContain('V23');
  });

  it('V19: Extension(actions_explicit=False) and chain_callable=False on a write, whatever the manifest says', () => {
    const core = edit(CORE, 'actions_explicit=True', 'actions_explicit=False');
    expect(rule(validate(layout({ 'app/core.py': core })).issues, 'V19')).toEqual([
      expect.objectContaining({ message: "Extension 'task-board' must set actions_explicit=True", file: 'app/core.py' }),
    ]);
    const write = edit(WRITE_HANDLERS, 'action_type="write",', 'action_type="write", chain_callable=False,');
    expect(rule(validate(layout({ 'app/handlers_write.py': write })).issues, 'V19')).toEqual([
      expect.objectContaining({ message: "@chat.function 'create_task' (action_type=write) must have chain_callable=True under actions_explicit=True" }),
    ]);
    // A legacy manifest without actions_explicit beside current code: V19 follows the code.
    const legacy = validManifest({ actions_explicit: undefined });
    expect(rule(validate(layout(), legacy).issues, 'V19')).toEqual([]);
  });

  it('V22: an on_upgrade hook without from_version in the code', () => {
    const lifecycle = `${LIFECYCLE}\n\n@ext.on_upgrade("2.0.0")\nasync def up(ctx) -> None:\n    """Up."""\n`;
    expect(rule(validate(layout({ 'app/lifecycle.py': lifecycle })).issues, 'V22')).toEqual([
      expect.objectContaining({ message: "Lifecycle hook 'on_upgrade:2.0.0' missing required kwargs: ['from_version'].", file: 'app/lifecycle.py' }),
    ]);
    const ok = lifecycle.replace('async def up(ctx)', 'async def up(ctx, from_version: str = "")');
    const manifest = validManifest({ lifecycle_hooks: { 'on_upgrade:2.0.0': { signature: '(ctx)' } } });
    expect(rule(validate(layout({ 'app/lifecycle.py': ok }), manifest).issues, 'V22')).toEqual([]);
  });

  it('V23: a read function returning bare ActionResult although the manifest has a return_schema', () => {
    const bare = edit(READ_HANDLERS, ' -> ActionResult[TaskList]:', ' -> ActionResult:');
    const report = validate(layout({ 'app/handlers_read.py': bare }));
    expect(rule(report.issues, 'V23')).toEqual([expect.objectContaining({ level: 'ERROR', source: 'code' })]);
    const drift = rule(report.issues, 'MANIFEST-DRIFT');
    expect(drift[0].message).toContain("tools 'list_tasks'.return_schema: code (none), manifest 'TaskList'");
    // The ui_builder=True exemption, and data_model= beside a bare annotation.
    const builder = edit(bare, 'action_type="read")', 'action_type="read", ui_builder=True)');
    expect(rule(validate(layout({ 'app/handlers_read.py': builder })).issues, 'V23')).toEqual([]);
    const viaDataModel = edit(bare, 'action_type="read")', 'action_type="read", data_model=TaskList)');
    expect(rules(validate(layout({ 'app/handlers_read.py': viaDataModel })).issues)).not.toContain('V23');
    // ...and the other way round: the code declares ActionResult[TaskList], the manifest has no return_schema.
    const stale = validate(layout(), manifestWith('list_tasks', { return_schema: {} }));
    expect(rules(stale.issues)).not.toContain('V23');
    expect(rule(stale.issues, 'MANIFEST-DRIFT')[0].message).toContain("tools 'list_tasks'.return_schema: code 'TaskList', manifest (none)");
  });

  it('V24: a write function without a return model in the code', () => {
    const write = edit(WRITE_HANDLERS, '    data_model=Created,\n', '');
    expect(rule(validate(layout({ 'app/handlers_write.py': write })).issues, 'V24')).toEqual([expect.objectContaining({ level: 'WARN' })]);
  });
});

describe('MANIFEST-DRIFT', () => {
  it('lists every difference with its field, the code value and the manifest value, and says to run imperal build', () => {
    const manifest = manifestWith('create_task', { action_type: 'destructive', scopes: ['task-board:admin'] });
    (manifest.tools as unknown[]).push({ name: 'tool_task_board_chat', description: 'Legacy router', scopes: ['*'] });
    const report = validate(layout(), manifest);
    const drift = rule(report.issues, 'MANIFEST-DRIFT');
    expect(drift).toHaveLength(1);
    expect(drift[0]).toMatchObject({ level: 'ERROR', file: 'imperal.json', source: 'code' });
    expect(drift[0].message).toContain("tools 'create_task'.action_type: code 'write', manifest 'destructive'");
    expect(drift[0].message).toContain("tools 'create_task'.scopes: code ['task-board:write'], manifest ['task-board:admin']");
    expect(drift[0].message).toContain("tools 'tool_task_board_chat': code (absent), manifest tool");
    expect(drift[0].message).toContain('run `imperal build`');
    // The legacy entry is also V25 (manifest layer).
    expect(rule(report.issues, 'V25')).toEqual([expect.objectContaining({ source: 'manifest' })]);
  });

  it('lists a code function missing from tools[] with its file and line', () => {
    const manifest = validManifest({ tools: (validManifest().tools as Record<string, unknown>[]).slice(0, 1) });
    const drift = rule(validate(layout(), manifest).issues, 'MANIFEST-DRIFT');
    expect(drift[0].message).toContain("tools 'create_task': code @chat.function (app/handlers_write.py:");
  });

  it('does not claim a manifest tool is missing when a name is not static or a file does not parse', () => {
    const manifest = validManifest({ tools: [...(validManifest().tools as unknown[]), { name: 'ghost', action_type: 'read' }] });
    const dynamic = edit(READ_HANDLERS, '@chat.function("list_tasks",', '@chat.function(TOOL_NAME,');
    expect(rule(validate(layout({ 'app/handlers_read.py': `TOOL_NAME = make()\n${dynamic}` }), manifest).issues, 'MANIFEST-DRIFT')).toEqual([]);
  });
});

describe('files that do not parse', () => {
  it('PY-SYNTAX names the file and line; the other files are still judged', () => {
    const broken = `${WRITE_HANDLERS}\n\ndef oops(:\n    pass\n`;
    const read = edit(READ_HANDLERS, ' -> ActionResult[TaskList]:', ':');
    const report = validate(layout({ 'app/handlers_write.py': broken, 'app/handlers_read.py': read }));
    const line = broken.split('\n').findIndex(l => l.startsWith('def oops')) + 1;
    expect(rule(report.issues, 'PY-SYNTAX')).toEqual([expect.objectContaining({ level: 'ERROR', file: 'app/handlers_write.py', line, source: 'code' })]);
    expect(rule(report.issues, 'V18')).toEqual([expect.objectContaining({ file: 'app/handlers_read.py' })]);
  });
});

describe('without Python sources', () => {
  it('decides the runtime rules from imperal.json, marked source manifest', () => {
    const map = new Map([['imperal.json', Buffer.from(JSON.stringify(validManifest({ description: 'short' })))], ['icon.svg', Buffer.from(VALID_ICON)]]);
    const report = validatePackage(map);
    expect(rule(report.issues, 'V14')).toEqual([expect.objectContaining({ source: 'manifest', file: 'imperal.json' })]);
    expect(rules(report.issues)).not.toContain('CODE-MODEL');
  });
});

describe('a flat layout with a legacy manifest beside current code', () => {
  const main = `from imperal_sdk import Extension
from imperal_sdk.chat import ChatExtension

ext = Extension(
    "notes-lite",
    version="2.0.0",
    display_name="Notes Lite",
    description="Keeps short notes for the user " "and finds them again by words.",
    icon="icon.svg",
    actions_explicit=True,
)
chat = ChatExtension(ext, "tool_notes_lite_chat", "Notes assistant")

import handlers  # noqa: E402,F401  (registers the chat functions)
`;
  const schemas = `from pydantic import BaseModel


class FindParams(BaseModel):
    query: str


class NoteList(BaseModel):
    notes: list[str] = []
`;
  const handlers = `from __future__ import annotations

import schemas as s
from imperal_sdk import ActionResult

from main import chat, ext


@chat.function("find_notes", "Find the user's notes that contain the given words.", action_type="read")
async def find_notes(ctx, params: s.FindParams) -> ActionResult[s.NoteList]:
    """Find notes."""
    return ActionResult.success(data={"notes": []}, summary="found")


@ext.on_event("notes-lite.reindex")
async def reindex(ctx, event) -> None:
    """Rebuild the index."""


@ext.panel("sidebar", slot="left", title="Notes")
async def sidebar(ctx) -> dict:
    """The sidebar."""
    return {}


@ext.schedule("nightly", cron="0 3 * * *")
async def nightly(ctx) -> None:
    """Nightly cleanup."""
`;
  // What an SDK 4 build wrote: no sdk_version, the legacy router entry, no actions_explicit,
  // no params_schema / return_schema on the typed tool.
  const legacy = {
    app_id: 'notes-lite',
    version: '2.0.0',
    name: 'Notes Lite',
    description: 'Notes.',
    icon: 'icon.svg',
    capabilities: ['notes-lite:read'],
    tools: [
      { name: 'tool_notes_lite_chat', description: 'Notes assistant', scopes: ['*'] },
      { name: 'find_notes', description: 'Find notes', action_type: 'read', scopes: [] },
    ],
    signals: [],
    schedules: [{ name: 'nightly', cron: '0 3 * * *' }],
    required_scopes: [],
  };

  it('judges the runtime rules on the code and blames the manifest only for what it owns', () => {
    const report = validate({ 'main.py': main, 'schemas.py': schemas, 'handlers.py': handlers }, legacy);
    const byRule = new Map(report.issues.map(i => [i.rule, i]));
    // The code declares actions_explicit, a params model, a return model, a long description.
    for (const id of ['V14', 'V16', 'V17', 'V19', 'V23']) expect(byRule.has(id)).toBe(false);
    // The manifest layer: SDK-VERSION-1 and V25 stay on imperal.json; the drift names the stale parts.
    expect(byRule.get('SDK-VERSION-1')).toMatchObject({ source: 'manifest' });
    expect(byRule.get('V25')).toMatchObject({ source: 'manifest' });
    const drift = byRule.get('MANIFEST-DRIFT')!;
    expect(drift.message).toContain("tools 'find_notes'.return_schema: code 'NoteList', manifest (none)");
    expect(drift.message).toContain("tools 'tool_notes_lite_chat': code (absent), manifest tool");
    // The other decorators are in the model: the on_event handler counts as an event, the panel
    // is a synthetic tool (not counted, never drift), the schedule is recorded.
    expect(report).toMatchObject({ functionCount: 1, eventCount: 1, toolCount: 0 });
    const { model } = buildCodeModel(readModules(new Map(Object.entries({ 'main.py': main, 'schemas.py': schemas, 'handlers.py': handlers }).map(([p, t]) => [p, Buffer.from(t)]))));
    expect(model!.tools).toEqual([expect.objectContaining({ name: '__panel__sidebar', kind: 'panel' })]);
    expect(model!.decorated.map(d => [d.kind, d.args])).toEqual([
      ['on_event', { 0: 'notes-lite.reindex' }],
      ['schedule', { 0: 'nightly', cron: '0 3 * * *' }],
    ]);
    expect(model!.chats).toEqual([expect.objectContaining({ toolName: 'tool_notes_lite_chat', description: 'Notes assistant' })]);
  });

  it('does not claim absence when a handler registers by calling the decorator factory', () => {
    const called = `${handlers}\n\nasync def extra(ctx, params: s.FindParams) -> ActionResult[s.NoteList]:\n    """Extra."""\n\n\nchat.function("extra_tool", "An extra tool registered by a call.", action_type="read")(extra)\n`;
    const manifest = { ...legacy, tools: [...legacy.tools, { name: 'extra_tool', action_type: 'read' }] };
    const drift = rule(validate({ 'main.py': main, 'schemas.py': schemas, 'handlers.py': called }, manifest).issues, 'MANIFEST-DRIFT');
    expect(drift[0].message).not.toContain("'extra_tool'");
  });
});
