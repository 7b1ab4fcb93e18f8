import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readPackageArchive } from './archive';
import { zipOf } from '../../../test/utils/packages';

describe('readPackageArchive retain option', () => {
  it('verifies every entry but keeps only the retained ones in memory, still reporting *.bak', async () => {
    const file = path.join(os.tmpdir(), `plaza-retain-${process.pid}.zip`);
    writeFileSync(file, await zipOf({ 'imperal.json': '{}', 'assets/big.bin': Buffer.alloc(4096, 7), 'old.py.bak': 'x = 1' }));
    const none = await readPackageArchive(file, {}, { retain: () => false });
    expect([...none.files.keys()]).toEqual([]);
    expect(none.totalUncompressedBytes).toBe(2 + 4096 + 5);
    expect(none.issues.map(i => i.rule)).toContain('PKG-BAK');
    const some = await readPackageArchive(file, {}, { retain: p => p.endsWith('.json') });
    expect([...some.files.keys()]).toEqual(['imperal.json']);
  });
});
