// `npm run bench:validator:cold`: `plaza validate` on a package the size of the largest real one
// (bench/large-package.ts), as a whole cold process, five times; prints the median wall time and
// the median CPU time (user + system) of the child. Runs the compiled CLI (dist/, as an image ships
// it; `npm run build` first) and, for comparison, bin/plaza.js from the source checkout (which
// compiles the TypeScript with swc on every start).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { largePackage, pythonStats } from './large-package';

const RUNS = 5;
const root = path.join(__dirname, '..');

function writePackage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-bench-'));
  for (const [name, bytes] of largePackage()) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

/** One cold `node <entry> validate <dir> --json`: wall ms and the child's CPU ms (from /usr/bin/time when present). */
function run(entry: string, dir: string): { wall: number; cpu: number | null; report: { errorCount: number; functionCount: number } } {
  const timer = existsSync('/usr/bin/time');
  const args = timer ? ['-f', '%U %S', process.execPath, entry, 'validate', dir, '--json'] : [entry, 'validate', dir, '--json'];
  const started = process.hrtime.bigint();
  const child = spawnSync(timer ? '/usr/bin/time' : process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (!child.stdout) throw new Error(`validate printed nothing: ${child.stderr}`);
  const times = timer ? child.stderr.trim().split('\n').pop()!.split(' ').map(Number) : null;
  return { wall, cpu: times ? (times[0] + times[1]) * 1000 : null, report: JSON.parse(child.stdout) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function bench(label: string, entry: string, dir: string): void {
  if (!existsSync(entry)) {
    console.log(`${label}: skipped (${path.relative(root, entry)} missing; run \`npm run build\`)`);
    return;
  }
  run(entry, dir); // warms the OS file cache only; every measured run is a fresh process
  const runs = Array.from({ length: RUNS }, () => run(entry, dir));
  const { report } = runs[0];
  const cpu = runs.every(r => r.cpu !== null) ? `, CPU median ${median(runs.map(r => r.cpu as number)).toFixed(0)} ms` : '';
  console.log(
    `${label}: wall median ${median(runs.map(r => r.wall)).toFixed(0)} ms (runs: ${runs.map(r => r.wall.toFixed(0)).join(', ')})${cpu}; ` +
      `report: ${report.functionCount} functions, ${report.errorCount} errors`,
  );
}

const dir = writePackage();
const stats = pythonStats(largePackage());
console.log(`package: ${stats.files} Python files, ${stats.lines} lines (${dir})`);
bench('plaza validate (compiled, dist/)', path.join(root, 'dist/src/cli/main.js'), dir);
bench('plaza validate (source checkout, bin/plaza.js + swc)', path.join(root, 'bin/plaza.js'), dir);
