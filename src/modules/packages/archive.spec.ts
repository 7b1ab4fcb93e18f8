import zlib from 'node:zlib';
import { PackageRejectedError } from '../../shared/errors';
import {
  craftZip,
  CraftEntry,
  deflatedZeros,
  FLAG_ENCRYPTED,
  FLAG_STRONG_ENCRYPTION,
  FLAG_UTF8,
  localRecord,
  removeTempZips,
  S_IFLNK,
  S_IFREG,
  unicodePathExtra,
  unixAttributes,
  writeTempZip,
} from '../../../test/utils/zip-craft';
import { ArchiveLimits, CheckedPackage, decodeEntryName, readPackageArchive } from './archive';

const MiB = 1024 * 1024;
const APP = 'from imperal_sdk import Extension\n';
const MANIFEST = '{"app_id": "my-extension", "version": "1.0.0"}\n';

afterAll(removeTempZips);

async function read(entries: CraftEntry[] | Buffer, limits?: Partial<ArchiveLimits>): Promise<CheckedPackage> {
  return readPackageArchive(await writeTempZip(entries), limits);
}

/** The refusal's reasons; fails the test when the archive is accepted or fails some other way. */
async function refusal(entries: CraftEntry[] | Buffer, limits?: Partial<ArchiveLimits>): Promise<string[]> {
  try {
    await read(entries, limits);
  } catch (error) {
    expect(error).toBeInstanceOf(PackageRejectedError);
    expect((error as PackageRejectedError).message).toBe('The archive was refused');
    return (error as PackageRejectedError).reasons;
  }
  throw new Error('the archive was accepted');
}

const text = (pkg: CheckedPackage) => Object.fromEntries([...pkg.files].map(([k, v]) => [k, v.toString('utf8')]));

describe('readPackageArchive: accepted archives', () => {
  it('reads a package at the zip root', async () => {
    const pkg = await read([
      { name: 'app.py', data: APP },
      { name: 'imperal.json', data: MANIFEST, method: 0 },
      { name: 'tests/', method: 0 },
      { name: 'tests/__init__.py', data: '' },
    ]);
    expect(pkg.root).toBe('');
    expect(text(pkg)).toEqual({ 'app.py': APP, 'imperal.json': MANIFEST, 'tests/__init__.py': '' });
    expect(pkg.issues).toEqual([]);
    expect(pkg.entryCount).toBe(4);
    expect(pkg.totalUncompressedBytes).toBe(APP.length + MANIFEST.length);
  });

  it('strips the single top-level folder (one-folder package layout)', async () => {
    const pkg = await read([
      { name: 'my-extension/', method: 0 },
      { name: 'my-extension/app.py', data: APP },
      { name: 'my-extension/tests/test_handlers_crud.py', data: 'def test(): pass\n' },
    ]);
    expect(pkg.root).toBe('my-extension/');
    expect([...pkg.files.keys()]).toEqual(['app.py', 'tests/test_handlers_crud.py']);
  });

  it('keeps two top-level folders as they are', async () => {
    const pkg = await read([
      { name: 'a/app.py', data: APP },
      { name: 'b/x.py', data: '' },
    ]);
    expect(pkg.root).toBe('');
    expect([...pkg.files.keys()]).toEqual(['a/app.py', 'b/x.py']);
  });

  it('drops excluded paths with one INFO per pattern, and warns about *.bak', async () => {
    const pkg = await read([
      { name: 'my-extension/app.py', data: APP },
      { name: 'my-extension/app.py.bak', data: APP },
      { name: 'my-extension/.git/', method: 0 },
      { name: 'my-extension/.git/HEAD', data: 'ref: refs/heads/main\n' },
      { name: 'my-extension/.git/config', data: '[core]\n' },
      { name: 'my-extension/__pycache__/app.cpython-312.pyc', data: 'x' },
      { name: 'my-extension/tests/__pycache__/t.cpython-312.pyc', data: 'x' },
      { name: 'my-extension/stray.pyc', data: 'x' },
      { name: 'my-extension/.venv/bin/python', data: 'x', externalAttributes: unixAttributes(S_IFLNK | 0o777) },
      { name: 'my-extension/venv/lib/site.py', data: 'x' },
    ]);
    expect([...pkg.files.keys()]).toEqual(['app.py', 'app.py.bak']);
    const info = pkg.issues.filter(i => i.level === 'INFO');
    expect(info.every(i => i.rule === 'PKG-EXCLUDE')).toBe(true);
    expect(info.map(i => i.message.split(' (')[0])).toEqual([
      'Dropped 1 path matching .git/',
      'Dropped 2 paths matching __pycache__/',
      'Dropped 1 path matching *.pyc',
      'Dropped 1 path matching .venv/',
      'Dropped 1 path matching venv/',
    ]);
    expect(info[1].message).toContain('"tests/__pycache__/"');
    const warn = pkg.issues.filter(i => i.level === 'WARN');
    expect(warn).toEqual([expect.objectContaining({ rule: 'PKG-BAK', file: 'app.py.bak' })]);
  });

  it('accepts a highly compressible file under the ratio floor', async () => {
    const zeros = Buffer.alloc(512 * 1024);
    const pkg = await read([{ name: 'app.py', data: APP }, { name: 'zeros.bin', data: zeros }]);
    expect(pkg.files.get('zeros.bin')!.equals(zeros)).toBe(true);
  });

  it('decodes CP437 names when the UTF-8 flag is off, and UTF-8 names when it is on', async () => {
    const cp437 = Buffer.concat([Buffer.from('caf'), Buffer.from([0x82]), Buffer.from('.py')]);
    const pkg = await read([
      { name: cp437, data: 'a' },
      { name: Buffer.from('naïve.py', 'utf8'), flags: FLAG_UTF8, data: 'b' },
    ]);
    expect(text(pkg)).toEqual({ 'café.py': 'a', 'naïve.py': 'b' });
    expect(decodeEntryName(Buffer.from([0xe1, 0xff]), false)).toBe('ß\u00a0');
  });

  it('uses the Unicode Path extra field when its CRC matches the header name', async () => {
    const raw = Buffer.from('caf_.py');
    const pkg = await read([{ name: raw, data: 'x', extra: unicodePathExtra(raw, 'café.py') }]);
    expect([...pkg.files.keys()]).toEqual(['café.py']);
  });
});

describe('readPackageArchive: refused archives', () => {
  it('refuses a file that is not a zip', async () => {
    const reasons = await refusal(Buffer.from('just some text, not an archive\n'));
    expect(reasons).toEqual(['The file is not a zip archive.']);
  });

  it('refuses a truncated zip', async () => {
    const whole = craftZip([{ name: 'app.py', data: APP.repeat(50) }]);
    const reasons = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(reasons).toEqual(['The archive is truncated or corrupt: it has no end of central directory record.']);
  });

  it('refuses a bad central directory', async () => {
    const reasons = await refusal(craftZip([{ name: 'app.py', data: APP }], { centralDirectoryOffset: 3 }));
    expect(reasons).toEqual([
      expect.stringMatching(/^The archive is corrupt at central directory record 1: invalid central directory/),
    ]);
  });

  it('refuses central records the end record does not count', async () => {
    const entries = [{ name: 'app.py', data: APP }, { name: 'hidden.py', data: 'x' }];
    const reasons = await refusal(craftZip(entries, { entryCount: 1 }));
    expect(reasons).toEqual(['The central directory holds more than the 1 records its end record declares.']);
  });

  it('refuses a CRC mismatch', async () => {
    const reasons = await refusal([{ name: 'app.py', data: APP, crc32: 0x12345678 }]);
    expect(reasons).toEqual(['"app.py" fails its CRC-32 check (the data is corrupt).']);
  });

  it('refuses deflate data that cannot be inflated', async () => {
    const garbage = Buffer.alloc(64, 0xff);
    const reasons = await refusal([{ name: 'app.py', payload: garbage, uncompressedSize: 100, crc32: 0 }]);
    expect(reasons).toEqual([expect.stringMatching(/^"app\.py" cannot be inflated \(corrupt data: /)]);
  });

  it('refuses an entry whose data runs past the end of the file', async () => {
    const reasons = await refusal([
      { name: 'app.py', data: APP, method: 0, compressedSize: 5000, uncompressedSize: 5000 },
    ]);
    expect(reasons).toContain('"app.py" is truncated: its data runs past the end of the file.');
  });

  it('refuses encrypted entries', async () => {
    const reasons = await refusal([
      { name: 'app.py', data: APP },
      { name: 'secret.py', data: 'x', flags: FLAG_ENCRYPTED },
    ]);
    expect(reasons).toEqual(['"secret.py" is encrypted.']);
  });

  it('refuses strongly encrypted entries (yauzl stops reading; the entry is still named)', async () => {
    const reasons = await refusal([
      { name: 'app.py', data: APP },
      { name: 'vault.py', data: 'x', flags: FLAG_STRONG_ENCRYPTION },
    ]);
    expect(reasons).toEqual(['"vault.py" is encrypted (strong encryption).']);
  });

  it('refuses compression methods other than stored and deflate', async () => {
    const reasons = await refusal([{ name: 'app.py', data: APP, method: 12 }]);
    expect(reasons).toEqual([
      '"app.py" uses compression method 12 (bzip2); only stored (0) and deflate (8) are accepted.',
    ]);
  });

  it('refuses absolute paths', async () => {
    const reasons = await refusal([{ name: '/etc/cron.d/evil', data: 'x' }]);
    expect(reasons).toEqual(['"/etc/cron.d/evil" is an absolute path.']);
  });

  it("refuses '..' segments", async () => {
    expect(await refusal([{ name: 'my-extension/../../evil.py', data: 'x' }])).toEqual([
      `"my-extension/../../evil.py" contains a '..' segment.`,
    ]);
  });

  it('refuses backslashes', async () => {
    expect(await refusal([{ name: 'tests\\..\\evil.py', data: 'x' }])).toEqual([
      `"tests\\\\..\\\\evil.py" contains a backslash; zip paths use '/'.`,
    ]);
  });

  it('refuses drive letters', async () => {
    const reasons = await refusal([{ name: 'C:/Windows/evil.dll', data: 'x' }]);
    expect(reasons).toEqual(['"C:/Windows/evil.dll" starts with a drive letter.']);
  });

  it('refuses control characters in names', async () => {
    const bell = await refusal([{ name: 'app\u0007.py', data: 'x' }]);
    expect(bell).toEqual(['"app\\u0007.py" contains a control character.']);
    const del = await refusal([{ name: 'del\u007f.py', data: 'x' }]);
    expect(del).toEqual(['"del\u007f.py" contains a control character.']);
    // In a CP437 name too: its low half is ASCII.
    const newline = await refusal([{ name: Buffer.from('new\nline.py'), data: 'x' }]);
    expect(newline).toEqual(['"new\\nline.py" contains a control character.']);
  });

  it("refuses empty and '.' segments", async () => {
    expect(await refusal([{ name: 'a//b.py', data: 'x' }, { name: './c.py', data: 'x' }])).toEqual([
      `"a//b.py" contains an empty or '.' segment.`,
      `"./c.py" contains an empty or '.' segment.`,
    ]);
  });

  it('refuses names flagged UTF-8 that are not', async () => {
    const name = Buffer.from([0x61, 0xff, 0x2e, 0x70, 0x79]);
    const reasons = await refusal([{ name, flags: FLAG_UTF8, data: 'x' }]);
    expect(reasons).toEqual(['"a\ufffd.py" has a name that is not valid UTF-8, though its flags say it is.']);
  });

  it('checks the name in a Unicode Path extra field, and the header name beside it', async () => {
    const raw = Buffer.from('safe.py');
    expect(await refusal([{ name: raw, data: 'x', extra: unicodePathExtra(raw, '../evil.py') }])).toEqual([
      `"../evil.py" contains a '..' segment.`,
    ]);
    const bad = Buffer.from('/etc/evil.py');
    expect(await refusal([{ name: bad, data: 'x', extra: unicodePathExtra(bad, 'fine.py') }])).toEqual([
      '"/etc/evil.py" is an absolute path (its header name, beside "fine.py").',
    ]);
  });

  it('refuses symlinks', async () => {
    const reasons = await refusal([
      { name: 'app.py', data: APP },
      { name: 'link.py', data: '/etc/passwd', externalAttributes: unixAttributes(S_IFLNK | 0o777) },
    ]);
    expect(reasons).toEqual(['"link.py" is a symbolic link; links are refused.']);
  });

  it('refuses exact duplicate names', async () => {
    const reasons = await refusal([{ name: 'app.py', data: APP }, { name: 'app.py', data: 'evil' }]);
    expect(reasons).toEqual(['"app.py" appears more than once.']);
  });

  it('refuses names that differ only by case', async () => {
    const reasons = await refusal([{ name: 'App.py', data: APP }, { name: 'app.py', data: 'evil' }]);
    expect(reasons).toEqual(['"App.py" and "app.py" differ only by letter case.']);
  });

  it('refuses names that differ only by Unicode normalization', async () => {
    const reasons = await refusal([
      { name: 'caf\u00e9.py', data: 'precomposed' },
      { name: 'cafe\u0301.py', data: 'decomposed' },
    ]);
    expect(reasons).toEqual(['"caf\u00e9.py" and "cafe\u0301.py" differ only by Unicode normalization.']);
  });

  it('refuses a file that another entry uses as a folder', async () => {
    const reasons = await refusal([{ name: 'lib', data: 'x' }, { name: 'lib/x.py', data: 'y' }]);
    expect(reasons).toEqual(['"lib" is a file, but "lib/x.py" uses it as a folder.']);
  });

  it('refuses more than maxEntries entries', async () => {
    const entries = ['a', 'b', 'c', 'd'].map(n => ({ name: `${n}.py`, data: n }));
    expect(await refusal(entries, { maxEntries: 3 })).toEqual(['The archive has 4 entries; the limit is 3.']);
    expect((await read(entries, { maxEntries: 4 })).files.size).toBe(4);
  });

  it('refuses a declared total over maxUncompressedBytes', async () => {
    const entries = [{ name: 'a.bin', data: Buffer.alloc(800, 1) }, { name: 'b.bin', data: Buffer.alloc(800, 2) }];
    expect(await refusal(entries, { maxUncompressedBytes: 1000 })).toEqual([
      'The archive declares 1.6 KiB uncompressed; the limit is 1000 bytes.',
    ]);
  });

  it('refuses a 3 MiB file of zeros for its ratio', async () => {
    const reasons = await refusal([{ name: 'app.py', data: APP }, { name: 'zeros.bin', data: Buffer.alloc(3 * MiB) }]);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^"zeros\.bin" expands \d+:1 \([\d.]+ KiB to 3 MiB\); /);
    expect(reasons[0]).toMatch(/; entries of 1 MiB or more may expand at most 100:1\.$/);
  });

  it('refuses an entry that inflates past its declared size', async () => {
    const reasons = await refusal([{ name: 'app.py', data: APP.repeat(100), uncompressedSize: 100 }]);
    expect(reasons).toEqual(['"app.py" declares 100 bytes but inflates to more; inflating stopped there.']);
  });

  it('refuses an entry that inflates short of its declared size', async () => {
    const data = APP.repeat(10);
    const reasons = await refusal([{ name: 'app.py', data, uncompressedSize: data.length + 1000 }]);
    expect(reasons).toEqual([`"app.py" declares ${data.length + 1000} bytes but inflates to only ${data.length}.`]);
  });

  it('refuses a stored entry whose sizes disagree (yauzl stops reading; the entry is still named)', async () => {
    const reasons = await refusal([{ name: 'app.py', data: APP, method: 0, uncompressedSize: 10 }]);
    expect(reasons).toEqual([
      `"app.py" is stored uncompressed but declares ${APP.length} bytes compressed and 10 uncompressed.`,
    ]);
  });

  it('refuses a zip bomb quickly without inflating it', async () => {
    const bomb = deflatedZeros(1024 * MiB); // 1 GiB of zeros in about 1 MiB
    expect(bomb.length).toBeLessThan(2 * MiB);
    const path = await writeTempZip([{ name: 'app.py', payload: bomb, uncompressedSize: 1000, crc32: 0 }]);
    const before = process.memoryUsage().arrayBuffers;
    const started = Date.now();
    await expect(readPackageArchive(path)).rejects.toMatchObject({
      reasons: ['"app.py" declares 1000 bytes but inflates to more; inflating stopped there.'],
    });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(256 * MiB);
  });

  it('can build the bomb it tests with', () => {
    expect(zlib.inflateRawSync(deflatedZeros(3 * MiB + 5)).equals(Buffer.alloc(3 * MiB + 5))).toBe(true);
  });

  it('refuses secrets files anywhere', async () => {
    const reasons = await refusal([
      { name: 'my-extension/app.py', data: APP },
      { name: 'my-extension/.env', data: 'KEY=1' },
      { name: 'my-extension/config/prod.env.local', data: 'KEY=2' },
      { name: 'my-extension/.imperal/credentials', data: 'token' },
      { name: 'my-extension/tools/.imperal/credentials/api.json', data: '{}' },
      { name: 'my-extension/.imperal/config.json', data: '{}' },
    ]);
    const tail = ' would ship secrets; .env, *.env.* and .imperal/credentials never go in a package.';
    expect(reasons).toEqual([
      `"my-extension/.env"${tail}`,
      `"my-extension/config/prod.env.local"${tail}`,
      `"my-extension/.imperal/credentials"${tail}`,
      `"my-extension/tools/.imperal/credentials/"${tail}`,
    ]);
  });

  it('refuses a local header that disagrees with the central directory', async () => {
    const reasons = await refusal([{ name: 'app.py', data: APP, local: { name: 'evil.py' } }]);
    expect(reasons).toEqual(['"app.py" has a local header that disagrees with the central directory (name).']);
  });

  it('refuses entries that share bytes', async () => {
    const inner: CraftEntry = { name: 'b.py', data: 'inner', method: 0 };
    const reasons = await refusal([
      { name: 'a.bin', data: localRecord(inner), method: 0 },
      { ...inner, centralOnly: true, localHeaderOffset: 30 + 'a.bin'.length },
    ]);
    expect(reasons).toEqual(['"b.py" overlaps "a.bin" in the archive.']);
  });

  it('lists every problem at once, inflating nothing', async () => {
    const reasons = await refusal([
      { name: '/abs.py', data: 'x' },
      { name: 'ok.py', data: 'x', crc32: 1 },
      { name: 'link', data: 't', externalAttributes: unixAttributes(S_IFLNK | 0o777) },
      { name: '.env', data: 'K=V', externalAttributes: unixAttributes(S_IFREG | 0o600) },
      { name: 'x.py', data: 'x', method: 14 },
    ]);
    expect(reasons).toEqual([
      '"/abs.py" is an absolute path.',
      '"link" is a symbolic link; links are refused.',
      '".env" would ship secrets; .env, *.env.* and .imperal/credentials never go in a package.',
      '"x.py" uses compression method 14 (LZMA); only stored (0) and deflate (8) are accepted.',
    ]);
  });
});
