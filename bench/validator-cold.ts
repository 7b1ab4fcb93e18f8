// `npm run bench:validator:cold`: `plaza validate` on a package the size of the largest real one
// (bench/large-package.ts), as a whole cold process, five times per variant; prints the median wall
// time and the median CPU time (user + system) of the child. Variants:
// - the compiled CLI (dist/, as an image ships it; `npm run build` first), which parses the Python
//   on two threads when the load average leaves a core spare, else on one;
// - the same forced to one thread and to two (PLAZA_PARSE_THREADS=1 / 2), to show what the worker
//   thread buys or costs at the load of the moment;
// - bin/plaza.js from the source checkout (compiles the TypeScript with swc on every start);
// - BENCH_BASELINE=<path to another build's dist/src/cli/main.js>: an older build, for before/after.
// The variants' runs are interleaved (run 1 of each, then run 2 of each, ...), so a change in the
// machine's load during the bench falls on all of them alike. Every run is a fresh process; nothing
// is cached between runs.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { largePackage, pythonStats } from './large-package';

const RUNS = 5;
const root = path.join(__dirname, '..');

interface Variant {
  label: string;
  entry: string;
  env?: Record<string, string>;
}

interface Run {
  wall: number;
  cpu: number | null;
  report: { errorCount: number; functionCount: number; issues: unknown[] };
}

function writePackage(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plaza-bench-'));
  for (const [name, bytes] of largePackage()) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

/** One cold `node <entry> validate <dir> --json`: wall ms and the child's CPU ms (from /usr/bin/time when present). */
function run(variant: Variant, dir: string): Run {
  const timer = existsSync('/usr/bin/time');
  const node = [variant.entry, 'validate', dir, '--json'];
  const args = timer ? ['-f', '%U %S', process.execPath, ...node] : node;
  const started = process.hrtime.bigint();
  const child = spawnSync(timer ? '/usr/bin/time' : process.execPath, args, {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    timeout: 120_000,
    env: { ...process.env, ...variant.env },
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  if (!child.stdout) throw new Error(`${variant.label}: validate printed nothing: ${child.stderr}`);
  const times = timer ? child.stderr.trim().split('\n').pop()!.split(' ').map(Number) : null;
  return { wall, cpu: times ? (times[0] + times[1]) * 1000 : null, report: JSON.parse(child.stdout) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const dist = path.join(root, 'dist/src/cli/main.js');
const variants: Variant[] = [
  { label: 'plaza validate (compiled, dist/; threads by load, as shipped)', entry: dist },
  { label: 'plaza validate (compiled, dist/, one thread)', entry: dist, env: { PLAZA_PARSE_THREADS: '1' } },
  { label: 'plaza validate (compiled, dist/, two threads)', entry: dist, env: { PLAZA_PARSE_THREADS: '2' } },
  { label: 'plaza validate (source checkout, bin/plaza.js + swc)', entry: path.join(root, 'bin/plaza.js') },
];
if (process.env.BENCH_BASELINE) variants.push({ label: `baseline (${process.env.BENCH_BASELINE})`, entry: path.resolve(process.env.BENCH_BASELINE) });

const dir = writePackage();
const stats = pythonStats(largePackage());
console.log(`package: ${stats.files} Python files, ${stats.lines} lines; ${os.availableParallelism()} cores, load average ${os.loadavg()[0].toFixed(1)}`);
const present = variants.filter(v => {
  if (existsSync(v.entry)) return true;
  console.log(`${v.label}: skipped (${path.relative(root, v.entry)} missing; run \`npm run build\`)`);
  return false;
});
for (const v of present) run(v, dir); // warms the OS file cache only; every measured run is a fresh process
const runs = new Map<Variant, Run[]>(present.map(v => [v, []]));
for (let i = 0; i < RUNS; i++) for (const v of present) runs.get(v)!.push(run(v, dir));
const reports = new Set<string>();
for (const v of present) {
  const rs = runs.get(v)!;
  const { report } = rs[0];
  reports.add(JSON.stringify(report));
  const cpu = rs.every(r => r.cpu !== null) ? `, CPU median ${median(rs.map(r => r.cpu as number)).toFixed(0)} ms` : '';
  console.log(
    `${v.label}: wall median ${median(rs.map(r => r.wall)).toFixed(0)} ms (runs: ${rs.map(r => r.wall.toFixed(0)).join(', ')})${cpu}; ` +
      `report: ${report.functionCount} functions, ${report.errorCount} errors, ${report.issues.length} issues`,
  );
}
console.log(reports.size === 1 ? 'reports: identical across variants' : `reports: ${reports.size} different reports across variants`);
console.log(`load average after: ${os.loadavg()[0].toFixed(1)}`);
rmSync(dir, { recursive: true, force: true });
