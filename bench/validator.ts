// `npm run bench:validator`: median time to validate a package with 200 tools and ~5,000 lines
// of Python, through the same validatePackage() the server and the CLI run.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { validManifest, VALID_ICON } from '../test/fixtures/packages';
import { PLATFORM_SCOPE_SET } from '../src/modules/validation/platform-scopes';
import { validatePackage } from '../src/modules/validation/validate-package';

const TOOLS = 200;

function bigPackage(): Map<string, Buffer> {
  const tools = [];
  const py: string[] = [
    'from __future__ import annotations',
    'from pydantic import BaseModel, Field',
    'from imperal_sdk import Extension, ActionResult',
    'from imperal_sdk.chat import ChatExtension',
    'ext = Extension("task-board", version="1.0.0")',
    'chat = ChatExtension(ext, tool_name="task_board_chat", description="Task board assistant")',
  ];
  for (let i = 0; i < TOOLS; i++) {
    const write = i % 3 === 0;
    tools.push({
      name: `tool_number_${i}`,
      description: `Tool number ${i} does a specific thing for the user, described at length.`,
      action_type: write ? 'write' : 'read',
      chain_callable: true,
      effects: write ? ['item.update'] : [],
      params_schema: { type: 'object', properties: { id: { type: 'string' } }, title: `Params${i}` },
      return_schema: { type: 'object', properties: { ok: { type: 'boolean' } }, title: `Result${i}` },
      event: write ? `task-board.changed_${i}` : '',
      scopes: [],
    });
    py.push(
      '',
      '',
      `class Params${i}(BaseModel):`,
      `    id: str = Field(description="The identifier of item ${i}")`,
      `    note: str = ""`,
      '',
      '',
      `@chat.function("tool_number_${i}", description="Tool number ${i} does a specific thing for the user, described at length.",`,
      `               action_type="${write ? 'write' : 'read'}", chain_callable=True)`,
      `async def tool_number_${i}(ctx, params: Params${i}) -> ActionResult:`,
      `    """Handle tool ${i}.`,
      '',
      '    Looks the item up in the store, totals the active ones and caches the result;',
      '    inactive items count against the total.',
      '    """',
      `    items = await ctx.store.query("items", where={"id": params.id})`,
      '    total = 0',
      '    for item in items:',
      '        if item.get("active"):',
      '            total += item.get("count", 0)',
      '        else:',
      '            total -= 1',
      '    result = {"ok": True, "total": total}',
      `    await ctx.cache.set("k${i}", result, ttl_seconds=60)`,
      '    return ActionResult.success(data=result, summary=f"Done {total}")',
    );
  }
  const manifest = validManifest({ tools, lifecycle: { on_install: true, health_check: { interval_sec: 60 } } });
  return new Map([
    ['imperal.json', Buffer.from(JSON.stringify(manifest, null, 2))],
    ['icon.svg', Buffer.from(VALID_ICON)],
    ['main.py', Buffer.from(py.join('\n'))],
  ]);
}

const files = bigPackage();
const lines = files.get('main.py')!.toString().split('\n').length;
const times: number[] = [];
let report = validatePackage(files, { platformScopes: PLATFORM_SCOPE_SET });
for (let i = 0; i < 25; i++) {
  const start = performance.now();
  report = validatePackage(files, { platformScopes: PLATFORM_SCOPE_SET });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`package: ${TOOLS} tools, ${lines} lines of Python, ${files.get('imperal.json')!.length} bytes of manifest`);
console.log(`report: ${report.errorCount} errors, ${report.warningCount} warnings, ${report.functionCount} functions`);
console.log(`validatePackage over 25 runs: median ${times[12].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[24].toFixed(1)} ms`);
