import { parser } from '@lezer/python';
import { largePackage } from '../../../../bench/large-package';
import { PLATFORM_SCOPE_SET } from '../platform-scopes';
import { validatePackage } from '../validate-package';
import { parsePythonFiles, parsePythonFilesReporting } from './parallel-parse';

/**
 * The two-thread parse must be invisible in the result: the worker's trees, rebuilt on this
 * thread, are the trees this thread would have parsed, so the report is the same to the byte.
 */

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The largest package shape plus the awkward files: one that does not parse, one with a BOM, one not UTF-8. */
function awkwardPackage(): Map<string, Buffer> {
  const files = largePackage();
  const broken = `${files.get('app/handlers/h3.py')!.toString('utf8')}\n\ndef oops(:\n    pass\n`;
  files.set('app/handlers/h3.py', Buffer.from(broken));
  files.set('app/bom.py', Buffer.concat([BOM, Buffer.from('"""With a byte-order mark."""\nX = 1\n')]));
  files.set('app/latin1.py', Buffer.from([0x58, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0x22, 0x0a])); // X = "é" in Latin-1
  return files;
}

const options = { platformScopes: PLATFORM_SCOPE_SET };

describe('parsePythonFiles (two threads)', () => {
  const files = awkwardPackage();

  it('gives every UTF-8 .py file the tree this thread parses from the same text, and skips the rest', async () => {
    const { trees, workerTrees } = await parsePythonFilesReporting(files, { minBytes: 0, threads: 2 });
    // About half the files came from the worker (this machine has 2 cores; CI's too).
    expect(workerTrees).toBeGreaterThan(10);
    expect(workerTrees).toBeLessThan(trees.size - 10);
    const python = [...files.keys()].filter(p => p.endsWith('.py'));
    expect([...trees.keys()].sort()).toEqual(python.filter(p => p !== 'app/latin1.py').sort());
    for (const path of trees.keys()) {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(files.get(path));
      expect(trees.get(path)!.toString()).toBe(parser.parse(text).toString());
      expect(trees.get(path)!.length).toBe(text.length);
    }
  });

  it('leaves the report unchanged, PY-SYNTAX included (file and line), with the other files still judged', async () => {
    const alone = validatePackage(files, options);
    const pythonTrees = await parsePythonFiles(files, { minBytes: 0, threads: 2 });
    const together = validatePackage(files, { ...options, pythonTrees });
    expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
    const broken = files.get('app/handlers/h3.py')!.toString('utf8');
    const line = broken.split('\n').findIndex(l => l.startsWith('def oops')) + 1;
    expect(together.issues.filter(i => i.rule === 'PY-SYNTAX')).toEqual([
      expect.objectContaining({ level: 'ERROR', file: 'app/handlers/h3.py', line }),
    ]);
    expect(together.functionCount).toBeGreaterThanOrEqual(250);
  });

  it('parses the worker share on this thread when the worker misses its deadline', async () => {
    const { trees, workerTrees } = await parsePythonFilesReporting(files, { minBytes: 0, threads: 2, deadlineMs: 0 });
    expect(workerTrees).toBe(0);
    const expected = await parsePythonFiles(files, { threads: 1 });
    expect(trees.size).toBe(expected.size);
    expect((await parsePythonFilesReporting(files, { threads: 1 })).workerTrees).toBe(0);
    for (const [path, tree] of expected) expect(trees.get(path)?.toString()).toBe(tree.toString());
  });
});
