import { checkValueBounds, DataBounds, PACKAGE_DATA_BOUNDS, scanJsonText } from './json-bounds';
import { checkManifest, readManifestObject } from './manifest-layer';
import { validPackage } from '../../../test/fixtures/packages';

const nestedArrays = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const nestedObjects = (levels: number, leaf = '1') => '{"a":'.repeat(levels) + leaf + '}'.repeat(levels);
/** The same shape as a parsed value, built without recursion. */
function nestedValue(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

describe('scanJsonText (the bounds, before JSON.parse)', () => {
  it('states 8 MiB, 64 levels, 100,000 values and 65,536-character strings as the package bounds', () => {
    expect(PACKAGE_DATA_BOUNDS).toEqual({ maxBytes: 8_388_608, maxDepth: 64, maxValues: 100_000, maxStringLength: 65_536 });
  });

  it('refuses a file over 8 MiB (UTF-8 bytes) with JSON-SIZE, whatever it holds', () => {
    const strings = (count: number, char: string) => `[${Array.from({ length: count }, () => JSON.stringify(char.repeat(60_000))).join(',')}]`;
    expect(scanJsonText(strings(139, 'x'), 'f.json')).toBeNull(); // 8,340,279 bytes
    expect(scanJsonText(strings(140, 'x'), 'f.json')).toEqual({
      rule: 'JSON-SIZE',
      message: 'f.json is larger than 8 MiB; the limit is 8 MiB',
      line: 0,
      fix: expect.any(String),
    });
    // Counted in bytes: 47 strings of 60,000 three-byte characters are 8.46 MB in 2.8 million UTF-16 units.
    expect(scanJsonText(strings(47, '\u20ac'), 'f.json')?.rule).toBe('JSON-SIZE');
    expect(scanJsonText(strings(46, '\u20ac'), 'f.json')).toBeNull();
  });

  it.each([
    ['arrays', nestedArrays],
    ['objects', (n: number) => nestedObjects(n)],
  ])('accepts nesting of exactly 64 levels and refuses 65 (%s)', (_kind, make) => {
    expect(scanJsonText(make(64), 'f.json')).toBeNull();
    expect(JSON.parse(make(64))).toBeDefined();
    expect(scanJsonText(make(65), 'f.json')).toEqual({
      rule: 'JSON-DEPTH',
      message: 'f.json nests deeper than 64 levels (line 1); the limit is 64',
      line: 1,
      fix: expect.stringMatching(/Flatten/),
    });
  });

  it('refuses 5,000 and 1,000,000 levels without overflowing, in milliseconds', () => {
    const started = Date.now();
    expect(scanJsonText(nestedObjects(5000), 'f.json')?.rule).toBe('JSON-DEPTH');
    expect(scanJsonText(nestedArrays(1_000_000), 'f.json')?.rule).toBe('JSON-DEPTH');
    // Unbalanced and unterminated input is still only scanned, never trusted.
    expect(scanJsonText('['.repeat(1_000_000), 'f.json')?.rule).toBe('JSON-DEPTH');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ s: '['.repeat(500) + '\\"{{{' + '{'.repeat(500), t: ['"]]]'] });
    expect(scanJsonText(text, 'f.json')).toBeNull();
  });

  it('counts depth back down when containers close, so wide documents of shallow parts pass', () => {
    const wide = `[${Array.from({ length: 1000 }, () => nestedArrays(60)).join(',')}]`;
    expect(scanJsonText(wide, 'f.json')).toBeNull();
  });

  it('reports the line where the limit was passed', () => {
    const text = `{\n"a":\n${'['.repeat(70)}${']'.repeat(70)}}`;
    expect(scanJsonText(text, 'f.json')).toMatchObject({ rule: 'JSON-DEPTH', line: 3 });
  });

  it('counts values (not keys) against JSON-SIZE', () => {
    const small: DataBounds = { ...PACKAGE_DATA_BOUNDS, maxValues: 5 };
    // root object + 4 values: 5, with 4 keys not counted.
    expect(scanJsonText('{"a":1,"b":"x","c":true,"d":null}', 'f.json', small)).toBeNull();
    expect(scanJsonText('{"a":1,"b":"x","c":true,"d":null,"e":-1.5e3}', 'f.json', small)).toMatchObject({ rule: 'JSON-SIZE' });
    expect(scanJsonText('[1,2,3,4]', 'f.json', small)).toBeNull();
    expect(scanJsonText('[1,2,[3],4]', 'f.json', small)).toMatchObject({ rule: 'JSON-SIZE', message: 'f.json holds more than 5 values; the limit is 5' });
  });

  it('refuses 200,000 keys under the default bound', () => {
    const text = `{${Array.from({ length: 200_000 }, (_, i) => `"k${i}":0`).join(',')}}`;
    expect(scanJsonText(text, 'imperal.json')).toMatchObject({ rule: 'JSON-SIZE', message: 'imperal.json holds more than 100,000 values; the limit is 100,000' });
  });

  it('refuses a string (value or key) longer than 65,536 characters, counting an escape as one', () => {
    expect(scanJsonText(JSON.stringify({ a: 'x'.repeat(65_536) }), 'f.json')).toBeNull();
    expect(scanJsonText(`{"a":"${'\\n'.repeat(65_536)}"}`, 'f.json')).toBeNull();
    expect(scanJsonText(JSON.stringify({ a: 'x'.repeat(65_537) }), 'f.json')).toMatchObject({ rule: 'JSON-STRING', line: 1 });
    expect(scanJsonText(JSON.stringify({ ['k'.repeat(70_000)]: 1 }), 'f.json')).toMatchObject({ rule: 'JSON-STRING' });
    expect(scanJsonText(JSON.stringify({ a: 'x'.repeat(5_000_000) }), 'f.json')?.message).toBe(
      'f.json has a string longer than 65,536 characters (line 1); the limit is 65,536',
    );
  });

  it.each([
    ['an escaped NUL', '{"app_id":"task\\u0000board"}', 'a NUL character (\\u0000)'],
    ['a raw NUL', '{"app_id":"task\u0000board"}', 'a NUL character'],
    ['an escaped lone high surrogate', '{"a":"\\ud800x"}', 'an unpaired UTF-16 surrogate'],
    ['an escaped lone low surrogate', '{"a":"\\uDC00"}', 'an unpaired UTF-16 surrogate'],
    ['a raw lone surrogate', '{"a":"\ud800"}', 'an unpaired UTF-16 surrogate'],
  ])('refuses %s with JSON-CHAR', (_name, text, kind) => {
    expect(scanJsonText(text, 'f.json')).toMatchObject({ rule: 'JSON-CHAR', message: `f.json contains ${kind} in a string (line 1)` });
  });

  it('accepts escaped and raw surrogate pairs, and other escapes', () => {
    expect(scanJsonText('{"a":"\\ud83d\\ude00 \ud83d\ude00 \\u00e9 \\\\u0000"}', 'f.json')).toBeNull();
  });
});

describe('checkValueBounds (the same bounds over a parsed value, for YAML later)', () => {
  it('applies the depth bound with an explicit stack', () => {
    expect(checkValueBounds(nestedValue(63), 'f.yaml')).toBeNull();
    expect(checkValueBounds(nestedValue(65), 'f.yaml')).toMatchObject({ rule: 'JSON-DEPTH', message: 'f.yaml nests deeper than 64 levels; the limit is 64' });
    expect(checkValueBounds(nestedValue(100_000), 'f.yaml')?.rule).toBe('JSON-DEPTH');
  });

  it('applies the value, string and character bounds', () => {
    expect(checkValueBounds(Array.from({ length: 100_001 }, () => 0), 'f.yaml')?.rule).toBe('JSON-SIZE');
    expect(checkValueBounds({ a: 'x'.repeat(65_537) }, 'f.yaml')?.rule).toBe('JSON-STRING');
    expect(checkValueBounds({ ['a\u0000']: 1 }, 'f.yaml')?.rule).toBe('JSON-CHAR');
    expect(checkValueBounds(['\udc00'], 'f.yaml')?.rule).toBe('JSON-CHAR');
    expect(checkValueBounds({ ok: ['\ud83d\ude00', 1, null, true] }, 'f.yaml')).toBeNull();
  });
});

describe('the manifest layer applies the bounds before parsing', () => {
  const withManifest = (text: string) => {
    const files = validPackage();
    files.set('imperal.json', Buffer.from(text));
    return files;
  };

  it('refuses a params_schema nested 5,000 levels deep with one JSON-DEPTH issue and no manifest', () => {
    const text = JSON.stringify(JSON.parse(validPackage().get('imperal.json')!.toString())).replace('"params_schema":{', `"params_schema":{"x":${nestedObjects(5000)},`);
    const files = withManifest(text);
    const result = checkManifest(files);
    expect(result.manifest).toBeNull();
    expect(result.issues).toEqual([
      { rule: 'JSON-DEPTH', level: 'ERROR', message: 'imperal.json nests deeper than 64 levels (line 1); the limit is 64', file: 'imperal.json', line: 1, fix: expect.any(String), source: 'manifest' },
    ]);
    expect(readManifestObject(files)).toBeNull();
  });

  it('still reads a manifest within the bounds, and reports malformed JSON as M0', () => {
    expect(readManifestObject(validPackage())).toMatchObject({ app_id: 'task-board' });
    expect(checkManifest(withManifest('{"a": [1, 2')).issues.map(i => i.rule)).toEqual(['M0']);
  });
});
