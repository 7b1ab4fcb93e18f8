import { mkdir, mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { PackageRejectedError } from '../../shared/errors';
import { writeTempZip, removeTempZips } from '../../../test/utils/zip-craft';
import { CheckedPackage, readPackageArchive } from './archive';
import { packDirectory, readPackageDirectory } from './package-dir';

const MiB = 1024 * 1024;
let base: string;
let counter = 0;

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'plaza-package-dir-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
  await removeTempZips();
});

/** Writes a package folder: path → contents (a folder for paths ending in '/'). */
async function folder(files: Record<string, string | Buffer>): Promise<string> {
  const dir = path.join(base, `pkg-${++counter}`);
  await mkdir(dir);
  for (const [file, data] of Object.entries(files)) {
    const target = path.join(dir, file);
    if (file.endsWith('/')) {
      await mkdir(target, { recursive: true });
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, data);
  }
  return dir;
}

async function refusal(dir: string): Promise<string[]> {
  try {
    await readPackageDirectory(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(PackageRejectedError);
    expect((error as PackageRejectedError).message).toBe('The package folder was refused');
    return (error as PackageRejectedError).reasons;
  }
  throw new Error('the folder was accepted');
}

const text = (pkg: CheckedPackage) => Object.fromEntries([...pkg.files].map(([k, v]) => [k, v.toString('utf8')]));

/** The names in a zip, in the order written. */
async function zipNames(bytes: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(bytes);
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  return names;
}

const PACKAGE = {
  'app.py': 'from imperal_sdk import Extension\n',
  'imperal.json': '{"app_id": "my-extension"}\n',
  'icon.svg': '<svg viewBox="0 0 1 1"/>',
  'tests/__init__.py': '',
  'tests/test_app.py': 'def test(): pass\n',
  'notes.md.bak': 'old',
  'empty/': '',
  '.git/HEAD': 'ref: refs/heads/main\n',
  '.git/objects/ab/cdef': 'x',
  '__pycache__/app.cpython-312.pyc': 'x',
  'tests/__pycache__/t.cpython-312.pyc': 'x',
  'old.pyc': 'x',
  '.venv/pyvenv.cfg': 'home = /usr/bin\n',
  'venv/lib/site.py': 'x',
  'node_modules/left-pad/index.js': 'x',
};

describe('readPackageDirectory', () => {
  it('reads a package folder with the exclusions applied', async () => {
    const dir = await folder(PACKAGE);
    const pkg = await readPackageDirectory(dir);
    expect(text(pkg)).toEqual({
      'app.py': PACKAGE['app.py'],
      'icon.svg': PACKAGE['icon.svg'],
      'imperal.json': PACKAGE['imperal.json'],
      'notes.md.bak': 'old',
      'tests/__init__.py': '',
      'tests/test_app.py': PACKAGE['tests/test_app.py'],
    });
    expect(pkg.root).toBe('');
    expect(pkg.entryCount).toBe(6);
    expect(pkg.issues.map(i => `${i.rule} ${i.level} ${i.message.split(' (')[0]}`)).toEqual([
      'PKG-EXCLUDE INFO Dropped 1 path matching .git/',
      'PKG-EXCLUDE INFO Dropped 2 paths matching __pycache__/',
      'PKG-EXCLUDE INFO Dropped 1 path matching *.pyc',
      'PKG-EXCLUDE INFO Dropped 1 path matching .venv/',
      'PKG-EXCLUDE INFO Dropped 1 path matching venv/',
      'PKG-EXCLUDE INFO Dropped 1 path matching node_modules/',
      'PKG-BAK WARN "notes.md.bak" is a backup file.',
    ]);
  });

  it('drops a linked virtualenv rather than refusing the link', async () => {
    const dir = await folder({ 'app.py': 'x' });
    await symlink(os.tmpdir(), path.join(dir, '.venv'));
    const pkg = await readPackageDirectory(dir);
    expect([...pkg.files.keys()]).toEqual(['app.py']);
  });

  it('refuses symlinks', async () => {
    const dir = await folder({ 'app.py': 'x', 'lib/': '' });
    await symlink('/etc/passwd', path.join(dir, 'lib', 'passwd.txt'));
    await symlink('/etc', path.join(dir, 'etc'));
    expect(await refusal(dir)).toEqual([
      '"etc" is a symbolic link; links are refused.',
      '"lib/passwd.txt" is a symbolic link; links are refused.',
    ]);
  });

  it('refuses secrets', async () => {
    const dir = await folder({
      'app.py': 'x',
      '.env': 'K=V',
      'conf/prod.env.local': 'K=V',
      '.imperal/credentials': 't',
      '.imperal/config.json': '{}',
    });
    const tail = ' would ship secrets; .env, *.env.* and .imperal/credentials never go in a package.';
    expect(await refusal(dir)).toEqual([
      `".env"${tail}`,
      `".imperal/credentials"${tail}`,
      `"conf/prod.env.local"${tail}`,
    ]);
  });

  it('refuses names that would collide on another file system', async () => {
    const dir = await folder({
      'App.py': 'a',
      'app.py': 'b',
      'caf\u00e9.py': 'c',
      'cafe\u0301.py': 'd',
      Lib: 'e',
      'lib/x.py': 'f',
    });
    expect(await refusal(dir)).toEqual([
      '"App.py" and "app.py" differ only by letter case.',
      '"cafe\u0301.py" and "caf\u00e9.py" differ only by Unicode normalization.',
      '"Lib" is a file, but "lib/" uses it as a folder.',
    ]);
  });

  it('refuses names with backslashes or control characters', async () => {
    const dir = await folder({ 'a\\b.py': 'x', 'bell\u0007.py': 'y' });
    expect(await refusal(dir)).toEqual([
      `"a\\\\b.py" contains a backslash; zip paths use '/'.`,
      '"bell\\u0007.py" contains a control character.',
    ]);
  });

  it('refuses a file the server would refuse for its ratio', async () => {
    const dir = await folder({ 'app.py': 'x', 'zeros.bin': Buffer.alloc(3 * MiB) });
    expect(await refusal(dir)).toEqual([expect.stringMatching(/^"zeros\.bin" expands \d+:1 /)]);
  });

  it('applies the entry and size limits', async () => {
    const dir = await folder({ 'a.py': '1', 'b.py': '2', 'c.py': '3' });
    await expect(readPackageDirectory(dir, { maxEntries: 2 })).rejects.toMatchObject({
      reasons: ['The package has more than 2 files; the limit is 2.'],
    });
    await expect(readPackageDirectory(dir, { maxUncompressedBytes: 2 })).rejects.toMatchObject({
      reasons: ['The package holds 3 bytes; the limit is 2 bytes.'],
    });
    expect((await readPackageDirectory(dir, { maxEntries: 3, maxUncompressedBytes: 3 })).files.size).toBe(3);
  });
});

describe('packDirectory', () => {
  it('round-trips: the packed zip reads back as the same files', async () => {
    const dir = await folder({
      ...PACKAGE,
      'data/zeros.bin': Buffer.alloc(512 * 1024),
      'bin/blob': Buffer.from([0, 1, 2, 255]),
    });
    const fromDir = await readPackageDirectory(dir);
    const fromZip = await readPackageArchive(await writeTempZip(await packDirectory(dir)));
    expect(fromZip.root).toBe('');
    expect([...fromZip.files.keys()]).toEqual([...fromDir.files.keys()]);
    for (const [file, data] of fromDir.files) expect(fromZip.files.get(file)!.equals(data)).toBe(true);
    expect(fromZip.issues.filter(i => i.level === 'WARN')).toEqual(fromDir.issues.filter(i => i.level === 'WARN'));
  });

  it('is deterministic: sorted paths at the zip root, fixed timestamps', async () => {
    const dir = await folder(PACKAGE);
    const first = await packDirectory(dir);
    await utimes(path.join(dir, 'app.py'), new Date('2001-02-03T04:05:06Z'), new Date('2001-02-03T04:05:06Z'));
    const second = await packDirectory(dir);
    expect(second.equals(first)).toBe(true);
    expect(await zipNames(first)).toEqual([
      'app.py',
      'icon.svg',
      'imperal.json',
      'notes.md.bak',
      'tests/__init__.py',
      'tests/test_app.py',
    ]);
  });

  it('refuses what readPackageDirectory refuses', async () => {
    const dir = await folder({ 'app.py': 'x', '.env': 'K=V' });
    await expect(packDirectory(dir)).rejects.toBeInstanceOf(PackageRejectedError);
  });
});
