// `npm run bench:validator`: median time to validate, in process, a package the size of the
// largest real extension (bench/large-package.ts: 260 chat functions, ~36,000 lines of Python in
// 60 files) through the same validatePackage() the server and the CLI run. The cold-process figure
// (what `plaza validate` costs as a whole) is `npm run bench:validator:cold`.
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { PLATFORM_SCOPE_SET } from '../src/modules/validation/platform-scopes';
import { validatePackage } from '../src/modules/validation/validate-package';
import { largePackage, pythonStats } from './large-package';

const RUNS = 15;
const files = largePackage();
const stats = pythonStats(files);
const times: number[] = [];
let report = validatePackage(files, { platformScopes: PLATFORM_SCOPE_SET });
for (let i = 0; i < RUNS; i++) {
  const start = performance.now();
  report = validatePackage(files, { platformScopes: PLATFORM_SCOPE_SET });
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
console.log(`package: ${stats.files} Python files, ${stats.lines} lines, ${files.get('imperal.json')!.length} bytes of manifest`);
console.log(`report: ${report.errorCount} errors, ${report.warningCount} warnings, ${report.functionCount} functions`);
console.log(
  `validatePackage over ${RUNS} warm runs: median ${times[RUNS >> 1].toFixed(1)} ms, min ${times[0].toFixed(1)} ms, max ${times[RUNS - 1].toFixed(1)} ms`,
);
