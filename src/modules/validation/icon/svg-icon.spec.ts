import { describeWithMaterial, IMPERAL_CORPUS } from '../../../../test/utils/corpus';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidationIssue } from '../types';
import { checkIcon, checkSvgBytes, MAX_ICON_BYTES } from './svg-icon';

const SVG_NS = 'xmlns="http://www.w3.org/2000/svg"';
const XLINK_NS = 'xmlns:xlink="http://www.w3.org/1999/xlink"';
const GOOD = `<svg ${SVG_NS} viewBox="0 0 24 24"><rect width="24" height="24" rx="4" fill="#123"/></svg>`;

/** An icon whose root carries the SVG namespace and a viewBox, around `body`. */
const svg = (body: string, rootAttrs = ''): string =>
  `<svg ${SVG_NS} ${XLINK_NS} viewBox="0 0 24 24"${rootAttrs ? ` ${rootAttrs}` : ''}>${body}</svg>`;

const check = (text: string | Buffer, path = 'icon.svg'): ValidationIssue[] =>
  checkSvgBytes(path, typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const messages = (issues: ValidationIssue[]): string[] => issues.map((i) => i.message);

/** Asserts exactly one V21 ERROR whose message matches `pattern`, and returns it. */
function expectOne(text: string | Buffer, pattern: RegExp): ValidationIssue {
  const issues = check(text);
  expect(messages(issues)).toEqual([expect.stringMatching(pattern)]);
  const [only] = issues;
  expect(only).toMatchObject({ rule: 'V21', level: 'ERROR', file: 'icon.svg' });
  expect(only.fix.length).toBeGreaterThan(10);
  return only;
}

describe('checkIcon (V21, manifest field + package file)', () => {
  const files = new Map([['icon.svg', Buffer.from(GOOD)], ['assets/logo.svg', Buffer.from(GOOD)]]);

  it.each([[undefined], [null], ['']])('requires an icon (%p)', (field) => {
    expect(checkIcon('my-app', field, files)).toEqual([
      {
        rule: 'V21',
        level: 'ERROR',
        message: "Extension 'my-app' must declare icon='icon.svg' (V21 — required SVG marketplace icon)",
        file: '',
        line: 0,
        fix: expect.any(String),
        source: 'manifest',
      },
    ]);
  });

  it('refuses a non-string icon field', () => {
    expect(messages(checkIcon('my-app', 42, files))).toEqual([
      "Extension 'my-app' icon must be a path string, got number",
    ]);
  });

  it.each(['icon.png', 'icon.svg.png', 'icon'])('requires the .svg extension (%s)', (field) => {
    const issues = checkIcon('my-app', field, files);
    expect(messages(issues)).toEqual([`Extension icon '${field}' must be SVG (.svg extension)`]);
    expect(issues[0].file).toBe(field);
  });

  it('accepts the extension case-insensitively', () => {
    expect(checkIcon('my-app', 'ICON.SVG', new Map([['ICON.SVG', Buffer.from(GOOD)]]))).toEqual([]);
  });

  it.each([
    ['icon.svg', 'icon.svg'],
    ['./icon.svg', 'icon.svg'],
    ['assets/logo.svg', 'assets/logo.svg'],
    ['./assets/./logo.svg', 'assets/logo.svg'],
  ])('resolves %s relative to the package root', (field) => {
    expect(checkIcon('my-app', field, files)).toEqual([]);
  });

  const outside = ['../icon.svg', 'assets/../../icon.svg', '/etc/icon.svg', '\\icon.svg', 'C:\\x\\icon.svg'];
  it.each([...outside, '..\\icon.svg'])('refuses a path outside the package (%s)', (field) => {
    expect(messages(checkIcon('my-app', field, files))).toEqual([
      `Extension icon '${field}' must be a path inside the package (no '..', not absolute)`,
    ]);
  });

  it('refuses a declared icon that is missing from the package (unlike the reference)', () => {
    const issues = checkIcon('my-app', './missing.svg', files);
    expect(messages(issues)).toEqual([
      "Extension icon 'missing.svg' is declared but the file is not in the package",
    ]);
    expect(issues[0].file).toBe('missing.svg');
  });

  it('runs the byte checks on the resolved file', () => {
    const bad = new Map([['assets/logo.svg', Buffer.from(`<svg ${SVG_NS}/>`)]]);
    expect(checkIcon('my-app', './assets/logo.svg', bad)).toEqual([
      expect.objectContaining({
        message: "Icon 'assets/logo.svg' missing viewBox attribute on <svg>",
        file: 'assets/logo.svg',
      }),
    ]);
  });
});

describe('checkSvgBytes — reference checks', () => {
  it('accepts a plain icon', () => {
    expect(check(GOOD)).toEqual([]);
    expect(check(`<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n${GOOD}\n`)).toEqual([]);
  });

  it('refuses more than 100 KB without parsing it', () => {
    const head = `<svg ${SVG_NS} viewBox="0 0 1 1"><!--`;
    const tail = '--></svg>';
    const exact = head + 'x'.repeat(MAX_ICON_BYTES - head.length - tail.length) + tail;
    expect(Buffer.byteLength(exact)).toBe(102_400);
    expect(check(exact)).toEqual([]);
    // One byte more, and not even XML: only the size is reported.
    const over = '<'.repeat(MAX_ICON_BYTES + 1);
    expectOne(over, /^Icon 'icon\.svg' is 102401 bytes — max 100KB$/);
  });

  it('reports the parser message and line for malformed XML', () => {
    const broken = `<svg ${SVG_NS} viewBox="0 0 1 1">\n  <g>\n</svg>`;
    const issue = expectOne(broken, /^Icon 'icon\.svg' is not valid XML: /);
    expect(issue.message).toMatch(/unexpected close tag\. \(line 3, column \d+\)$/);
    expect(issue.line).toBe(3);
    expectOne(`<svg ${SVG_NS} viewBox="0 0 1 1"><path d="M0 0" & /></svg>`, /not valid XML/);
    expectOne(`<svg ${SVG_NS} viewBox="0 0 1 1"/><svg/>`, /not valid XML: documents may contain only one root/);
    expectOne('', /not valid XML/);
  });

  it('requires declared namespace prefixes, and accepts a declared xmlns:xlink', () => {
    const unbound = `<svg ${SVG_NS} viewBox="0 0 1 1"><use xlink:href="#a"/></svg>`;
    expectOne(unbound, /unbound namespace prefix: "xlink"/);
    expect(check(svg('<defs><path id="a" d="M0 0h1"/></defs><use xlink:href="#a"/>'))).toEqual([]);
  });

  it('requires an <svg> root (by local name)', () => {
    expectOne(`<g ${SVG_NS} viewBox="0 0 1 1"/>`, /^Icon 'icon\.svg' root element is <g>, must be <svg>$/);
    expectOne(`<html viewBox="0 0 1 1"/>`, /root element is <html>, must be <svg>/);
    expect(check('<s:svg xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>')).toEqual([]);
  });

  it('requires viewBox on the root', () => {
    expectOne(`<svg ${SVG_NS} width="24" height="24"/>`, /^Icon 'icon\.svg' missing viewBox attribute on <svg>$/);
    expectOne(`<svg ${SVG_NS} viewbox="0 0 1 1"/>`, /missing viewBox/);
    expectOne(`<svg ${SVG_NS}><svg viewBox="0 0 1 1"/></svg>`, /missing viewBox/);
    expect(check(`<svg ${SVG_NS} viewBox="0 0 1 1"/>`)).toEqual([]);
  });

  it('refuses an embedded raster once, with or without base64', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const issue = expectOne(
      svg(`\n<image href="${png}"/>\n<image xlink:href="${png}"/>`),
      /^Icon 'icon\.svg' contains an embedded raster in <image href=\.\.\.> \(data:image\)$/,
    );
    expect(issue.line).toBe(2);
    expectOne(svg('<image xlink:href="data:image/gif,GIF89a"/>'), /embedded raster/);
    expectOne(svg('<image href="  DATA:image/png;base64,AAAA"/>'), /embedded raster/);
    expect(check(svg('<defs><symbol id="s"/></defs><image href="#s"/>'))).toEqual([]);
  });
});

describe('checkSvgBytes — browser safety', () => {
  it('allows a plain public DOCTYPE but refuses an internal subset (entity declarations)', () => {
    expect(
      check(
        '<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n' +
          ` "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n${GOOD}`,
      ),
    ).toEqual([]);
    const laughs =
      '<!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      `<svg ${SVG_NS} viewBox="0 0 1 1"><text>&b;</text></svg>`;
    // The entity is never expanded: saxes does not read DTDs, so its use is also a parse error.
    expect(messages(check(laughs))).toEqual([
      expect.stringMatching(/contains a <!DOCTYPE> declaration/),
      expect.stringMatching(/not valid XML: undefined entity/),
    ]);
    expect(check(`<svg ${SVG_NS} viewBox="0 0 1 1"><text>&lt;&amp;&#x41;</text></svg>`)).toEqual([]);
  });

  it('refuses processing instructions other than the XML declaration', () => {
    const issue = expectOne(
      `<?xml version="1.0"?>\n<?xml-stylesheet type="text/css" href="https://evil.example/a.css"?>\n${GOOD}`,
      /^Icon 'icon\.svg' contains the processing instruction <\?xml-stylesheet …\?>$/,
    );
    expect(issue.line).toBe(2);
    expectOne(svg('<?php echo 1; ?>'), /processing instruction <\?php/);
    expect(check(`<?xml version="1.0" encoding="utf-8" standalone="no"?>${GOOD}`)).toEqual([]);
  });

  it('refuses <script> in any namespace, once', () => {
    const issue = expectOne(
      svg('\n\n<script>alert(1)</script><script/>'),
      /^Icon 'icon\.svg' contains a <script> element$/,
    );
    expect(issue.line).toBe(3);
    expectOne(
      '<s:svg xmlns:s="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><s:script>alert(1)</s:script></s:svg>',
      /contains a <s:script> element/,
    );
    expectOne(svg('<x:script xmlns:x="urn:anything"/>'), /contains a <x:script> element/);
    expect(check(svg('<text id="script">script</text>'))).toEqual([]);
  });

  it('refuses event-handler attributes in any case', () => {
    expectOne(svg('', 'onload="alert(1)"'), /event-handler attribute onload on <svg>/);
    expectOne(svg('<rect onClick="x()"/><rect onmouseover="y()"/>'), /event-handler attribute onClick on <rect>/);
    expectOne(svg('<a xlink:onactivate="x()"/>'), /event-handler attribute xlink:onactivate/);
    expect(check(svg('<rect opacity="0.5" id="online"/><stop offset="1"/>', 'xmlns:onx="urn:x"'))).toEqual([]);
  });

  it('refuses <foreignObject> and HTML elements', () => {
    expectOne(svg('<foreignObject width="1" height="1"><div/></foreignObject>'), /contains <foreignObject>/);
    expectOne(
      svg('<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" src="https://evil.example"/>'),
      /contains the HTML element <h:iframe>/,
    );
    expect(check(svg('<g><title>Icon</title><desc>plain</desc></g>'))).toEqual([]);
  });

  it.each([
    ['<use href="https://evil.example/sprite.svg#a"/>', 'https://evil.example/sprite.svg#a', 'href', 'use'],
    ['<use xlink:href="http://evil.example/x.svg#a"/>', 'http://evil.example/x.svg#a', 'xlink:href', 'use'],
    ['<use href="//evil.example/x.svg#a"/>', '//evil.example/x.svg#a', 'href', 'use'],
    ['<a href="javascript:alert(1)"><rect/></a>', 'javascript:alert(1)', 'href', 'a'],
    ['<a xlink:href=" JavaScript:alert(1)"/>', 'JavaScript:alert(1)', 'xlink:href', 'a'],
    ['<use href="data:image/svg+xml,%3Csvg/%3E"/>', 'data:image/svg+xml,%3Csvg/%3E', 'href', 'use'],
    ['<a href="data:text/html,&lt;script&gt;"/>', 'data:text/html,<script>', 'href', 'a'],
    ['<image href="logo.png"/>', 'logo.png', 'href', 'image'],
    ['<feImage href="other.svg#f"/>', 'other.svg#f', 'href', 'feImage'],
    ['<use href=""/>', '', 'href', 'use'],
  ])('refuses the external reference %s', (body, value, attr, el) => {
    expectOne(
      svg(body),
      new RegExp(
        `^Icon 'icon\\.svg' references '${escape(value)}' via ${attr} on <${el}> — ` +
          'only same-document references \\(#id\\) are allowed$',
      ),
    );
  });

  it('reports external references once and allows #fragments', () => {
    expect(messages(check(svg('<use href="a.svg#x"/><use href="b.svg#y"/>')))).toEqual([
      expect.stringMatching(/references 'a\.svg#x'/),
    ]);
    expect(
      check(svg('<defs><path id="p" d="M0 0h1"/></defs><use href="#p"/><use xlink:href=" #p "/><a href="#p"/>')),
    ).toEqual([]);
  });

  it('refuses xml:base and animated hrefs', () => {
    expectOne(svg('<g xml:base="https://evil.example/"><use href="#a"/></g>'), /sets xml:base on <g>/);
    expectOne(
      svg('<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>'),
      /animates href in <set>/,
    );
    expectOne(
      svg('<a><animate attributeName="xlink:href" values="javascript:alert(1)"/></a>'),
      /animates xlink:href/,
    );
    expect(check(svg('<rect><animate attributeName="opacity" values="0;1" dur="1s"/></rect>'))).toEqual([]);
  });

  it('refuses url() to anything but #fragment in style attributes, <style> and presentation attributes', () => {
    expectOne(
      svg('<rect style="fill: url(https://evil.example/p.svg#g)"/>'),
      /uses url\(https:\/\/evil\.example\/p\.svg#g\) in the style attribute of <rect> — only url\(#id\)/,
    );
    expectOne(svg('<style>rect { fill: url("pattern.svg#p") }</style>'), /uses url\(pattern\.svg#p\) in <style>/);
    const fontFace = svg('<style><![CDATA[@font-face { src: url(font.woff) }]]></style>');
    expectOne(fontFace, /uses url\(font\.woff\) in <style>/);
    expectOne(svg('<rect style="background: \\75 rl(//evil.example/x)"/>'), /uses url\(\/\/evil\.example\/x\)/);
    expectOne(svg('<rect style="fill:URL( \'x.svg\' )"/>'), /uses url\(x\.svg\)/);
    expectOne(svg('<style>/* url(#a) */ a { fill: url(x.svg) }</style>'), /uses url\(x\.svg\)/);
    expectOne(svg('<rect fill="url(http://evil.example/x.svg#g)"/>'), /in the fill attribute of <rect>/);
    expectOne(svg('<rect style="background: image-set(\'x.png\' 1x)"/>'), /uses image-set\(\)/);
    const fragments = svg(
      '<defs><linearGradient id="g"/><filter id="f"/></defs><style>.a { fill: url(#g) }</style>' +
        '<rect class="a" style="filter:url(\'#f\')" fill="url(#g)" transform="translate(1 2) scale(2)"/>',
    );
    expect(check(fragments)).toEqual([]);
  });

  it('refuses @import in <style>', () => {
    expectOne(svg('<style>@import "https://evil.example/a.css";</style>'), /uses @import in <style>/);
    expectOne(svg('<style>@\\69mport "a.css";</style>'), /uses @import in <style>/);
    expect(messages(check(svg('<style>@import url(a.css);</style>')))).toEqual([
      expect.stringMatching(/uses @import/),
      expect.stringMatching(/uses url\(a\.css\) in <style>/),
    ]);
    expect(check(svg('<style>.important { fill: red }</style>'))).toEqual([]);
  });

  it('only accepts UTF-8', () => {
    expectOne(`<?xml version="1.0" encoding="ISO-8859-1"?>${GOOD}`, /declares encoding 'ISO-8859-1'/);
    expectOne(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(GOOD, 'utf16le')]), /is not valid UTF-8$/);
    expect(check(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD)]))).toEqual([]);
  });

  it('reports each kind of problem once, in document order', () => {
    const issues = check(svg('<script/><rect onclick="x()"/><use href="x.svg"/><script/><rect onload="y()"/>'));
    expect(messages(issues)).toEqual([
      "Icon 'icon.svg' contains a <script> element",
      "Icon 'icon.svg' has the event-handler attribute onclick on <rect>",
      expect.stringMatching(/references 'x\.svg'/),
    ]);
  });
});

describe('icons written for the repository (what the corpus icons exercise, without the corpus)', () => {
  const dir = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'icons');
  const manifestIcon = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'manifests', 'clean-field-notes', 'icon.svg');

  it.each([
    // potrace's output: XML declaration, a public DOCTYPE (inert), pt sizes, a transformed group.
    ['traced-doctype.svg', join(dir, 'traced-doctype.svg'), /<!DOCTYPE svg PUBLIC/],
    // url(#fragment) and url('#fragment') paints, clip paths, <use> by xlink:href and href fragments.
    ['fragment-gradient.svg', join(dir, 'fragment-gradient.svg'), /xlink:href="#dot"/],
    // An XML declaration, a <style> sheet whose fill is url(#id), a linear gradient.
    ['clean-field-notes/icon.svg', manifestIcon, /<style>[^<]*url\(#paper\)/],
  ])('passes %s clean', (_name, file, feature) => {
    const bytes = readFileSync(file);
    expect(bytes.toString()).toMatch(feature);
    expect(checkSvgBytes('icon.svg', bytes)).toEqual([]);
  });

  it('still refuses the same icon once it reaches outside itself', () => {
    const bytes = readFileSync(join(dir, 'fragment-gradient.svg')).toString().replace('href="#dot"', 'href="https://example.com/dot.svg#dot"');
    expect(messages(check(bytes))).toEqual([expect.stringMatching(/references 'https:\/\/example\.com\/dot\.svg#dot'/)]);
  });
});

describe('the real-world icons in the Imperal corpus', () => {
  const root = IMPERAL_CORPUS;

  describeWithMaterial(root, 'the Imperal corpus icons')('checkIcon on each manifest + SVG', () => {
    const results = new Map<string, string[]>();
    let svgFiles = 0;
    beforeAll(() => {
      for (const folder of readdirSync(root).sort()) {
        const dir = join(root, folder);
        if (!statSync(dir).isDirectory()) continue;
        const names = readdirSync(dir).filter((f) => f.endsWith('.svg'));
        if (names.length === 0) continue;
        svgFiles += names.length;
        const files = new Map(names.map((n) => [n, readFileSync(join(dir, n))]));
        const manifest = JSON.parse(readFileSync(join(dir, 'imperal.json'), 'utf8')) as Record<string, unknown>;
        const viaManifest = checkIcon(String(manifest.app_id), manifest.icon, files);
        // Every SVG in the folder, not only the one the manifest names.
        const direct = names.flatMap((n) => checkSvgBytes(n, files.get(n) as Buffer));
        expect(messages(viaManifest)).toEqual(messages(direct));
        results.set(folder, messages(direct));
      }
    });

    it('checks all 47 icons', () => {
      expect(svgFiles).toBe(47);
      expect(results.size).toBe(47);
    });

    it('passes all 47 real icons clean (the potrace one has only an inert public DOCTYPE)', () => {
      const failing = Object.fromEntries([...results].filter(([, issues]) => issues.length > 0));
      expect(failing).toEqual({});
      const passing = [...results].filter(([, issues]) => issues.length === 0).map(([folder]) => folder);
      expect(passing).toHaveLength(47);
      // Those that pass include the ones using #fragment url()s, xlink-free gradients, <style> and an XML decl.
      expect(passing).toEqual(
        expect.arrayContaining([
          'SeeuWHM__imperal-bing-webmaster-extension',
          'SeeuWHM__imperal-google-search-console-extension',
          'SeeuWHM__imperal-google-drive',
          'denizzzkas__gemini-extension',
          'denizzzkas__imperal-higgsfield',
          'imperalcloud__imperal-ext-admin',
        ]),
      );
    });
  });
});
