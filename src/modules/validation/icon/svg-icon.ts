/**
 * V21: the extension's marketplace icon. The reference checks size, well-formedness, the <svg> root, a
 * viewBox and embedded rasters. Plaza also serves the bytes to browsers as image/svg+xml, so anything
 * that could run code, load another resource or expand entities is refused as well. The public icon
 * endpoint runs `checkSvgBytes` again before serving.
 */
import { posix } from 'node:path';
import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { issue, type PackageFiles, type ValidationIssue } from '../types';

const RULE = 'V21';
/** The reference's cap: 100 KB. Larger inputs are not parsed at all. */
export const MAX_ICON_BYTES = 102_400;

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** One issue per kind, so a file full of the same problem yields one line, not hundreds. */
type Kind =
  | 'encoding'
  | 'xml'
  | 'root'
  | 'viewbox'
  | 'raster'
  | 'doctype'
  | 'pi'
  | 'script'
  | 'handler'
  | 'foreign-object'
  | 'html'
  | 'href'
  | 'animated-href'
  | 'css-url'
  | 'css-import';

/**
 * V21 against the manifest's `icon` field and the file in the package. `appId` is for messages.
 * A declared icon that is missing from the package is an ERROR.
 */
export function checkIcon(appId: string, iconField: unknown, files: PackageFiles): ValidationIssue[] {
  if (iconField === undefined || iconField === null || iconField === '') {
    return [
      issue(
        RULE,
        'ERROR',
        `Extension '${appId}' must declare icon='icon.svg' (V21 — required SVG marketplace icon)`,
        "Add an SVG icon to the package and set \"icon\": \"icon.svg\" in the manifest.",
      ),
    ];
  }
  if (typeof iconField !== 'string') {
    return [
      issue(
        RULE,
        'ERROR',
        `Extension '${appId}' icon must be a path string, got ${
          Array.isArray(iconField) ? 'array' : typeof iconField
        }`,
        "Set \"icon\" to the SVG file's path relative to the package root, e.g. \"icon.svg\".",
      ),
    ];
  }
  if (!iconField.toLowerCase().endsWith('.svg')) {
    return [
      issue(
        RULE,
        'ERROR',
        `Extension icon '${iconField}' must be SVG (.svg extension)`,
        'Convert the icon to SVG and point "icon" at the .svg file.',
        { file: iconField },
      ),
    ];
  }
  const path = resolveIconPath(iconField);
  if (path === null) {
    return [
      issue(
        RULE,
        'ERROR',
        `Extension icon '${iconField}' must be a path inside the package (no '..', not absolute)`,
        'Put the icon inside the package and give its path relative to the package root, e.g. "icon.svg".',
        { file: iconField },
      ),
    ];
  }
  const bytes = files.get(path);
  if (bytes === undefined) {
    // The reference skips a declared-but-missing file silently. Plaza stores and serves the icon bytes
    // itself (there is no filesystem to fall back on), so a missing file would be a broken icon.
    return [
      issue(
        RULE,
        'ERROR',
        `Extension icon '${path}' is declared but the file is not in the package`,
        'Commit the SVG file at that path, or correct the "icon" field.',
        { file: path },
      ),
    ];
  }
  return checkSvgBytes(path, bytes);
}

/** Package-relative icon path, or null if it would escape the package (absolute or `..`). */
function resolveIconPath(raw: string): string | null {
  if (raw.startsWith('/') || raw.startsWith('\\') || /^[A-Za-z]:/.test(raw)) return null;
  if (raw.split(/[/\\]/).includes('..')) return null;
  const normal = posix.normalize(raw);
  return normal.startsWith('./') ? normal.slice(2) : normal;
}

/** The same checks on raw bytes (the public icon endpoint re-checks before serving). Empty = safe. */
export function checkSvgBytes(path: string, bytes: Buffer): ValidationIssue[] {
  const found = new Map<Kind, ValidationIssue>();
  const report = (kind: Kind, line: number, message: string, fix: string): void => {
    if (!found.has(kind)) found.set(kind, issue(RULE, 'ERROR', message, fix, { file: path, line }));
  };

  if (bytes.length > MAX_ICON_BYTES) {
    return [
      issue(
        RULE,
        'ERROR',
        `Icon '${path}' is ${bytes.length} bytes — max 100KB`,
        `Simplify or minify the SVG (e.g. with svgo) to at most ${MAX_ICON_BYTES} bytes.`,
        { file: path },
      ),
    ];
  }

  let text: string;
  try {
    // Strips a UTF-8 BOM; fails on anything that is not UTF-8 (including UTF-16).
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    report('encoding', 0, `Icon '${path}' is not valid UTF-8`, 'Save the SVG with UTF-8 encoding.');
    return [...found.values()];
  }

  const parser = new SaxesParser({ xmlns: true, position: true });
  let sawRoot = false;
  let tagLine = 1;
  let styleDepth = 0;
  let styleText = '';
  let styleLine = 0;

  parser.on('error', (err) => {
    const m = /^(\d+):(\d+): (.*)$/s.exec(err.message);
    const where = m ? ` (line ${m[1]}, column ${m[2]})` : '';
    report(
      'xml',
      m ? Number(m[1]) : parser.line,
      `Icon '${path}' is not valid XML: ${m ? m[3] : err.message}${where}`,
      'Fix the markup so the file is well-formed XML (tags closed, attributes quoted, prefixes declared, ' +
        '& written as &amp;).',
    );
    // Stop at the first error: later events are unreliable and the file is refused anyway.
    throw err;
  });
  parser.on('xmldecl', (decl) => {
    // Browsers decode by the declared encoding; these checks read the bytes as UTF-8, so the two must agree.
    if (decl.encoding !== undefined && !/^utf-?8$/i.test(decl.encoding)) {
      report(
        'encoding',
        parser.line,
        `Icon '${path}' declares encoding '${decl.encoding}' — only UTF-8 is accepted`,
        'Save the SVG as UTF-8 and declare encoding="UTF-8" (or omit the encoding).',
      );
    }
  });
  // saxes reports these at their end; point at where they start.
  const startLine = (marker: string): number => {
    const at = text.lastIndexOf(marker, parser.position);
    return at < 0 ? parser.line : text.slice(0, at).split('\n').length;
  };
  // A plain public DOCTYPE (as potrace and old editors write) is inert: browsers never fetch the
  // DTD and saxes never reads it. An internal subset `[...]` can declare entities, so it is refused.
  parser.on('doctype', doctype => {
    if (!doctype.includes('[')) return;
    report(
      'doctype',
      startLine('<!DOCTYPE'),
      `Icon '${path}' contains a <!DOCTYPE> declaration — DTDs and entity declarations are not allowed`,
      'Delete the <!DOCTYPE …> declaration and any <!ENTITY> definitions; an SVG icon needs neither.',
    );
  });
  parser.on('processinginstruction', (pi) => {
    report(
      'pi',
      startLine('<?'),
      `Icon '${path}' contains the processing instruction <?${pi.target} …?>`,
      'Remove it; only the <?xml …?> declaration is allowed (no <?xml-stylesheet?> or similar).',
    );
  });
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    if (!sawRoot) {
      sawRoot = true;
      checkRoot(tag, tagLine, path, report);
    }
    checkElement(tag, tagLine, path, report);
    if (styleDepth > 0 || tag.local === 'style') {
      if (styleDepth === 0) {
        styleText = '';
        styleLine = tagLine;
      }
      styleDepth++;
    }
  });
  const onText = (t: string): void => {
    if (styleDepth > 0) styleText += t;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (styleDepth > 0 && --styleDepth === 0) checkStyleSheet(styleText, styleLine, path, report);
  });

  try {
    parser.write(text).close();
  } catch (err) {
    // Errors from the parser were reported by the handler; anything else is a bug.
    if (!found.has('xml')) throw err;
  }
  return [...found.values()];
}

type Report = (kind: Kind, line: number, message: string, fix: string) => void;

function checkRoot(tag: SaxesTagNS, line: number, path: string, report: Report): void {
  if (tag.local !== 'svg') {
    report(
      'root',
      line,
      `Icon '${path}' root element is <${tag.name}>, must be <svg>`,
      'Make <svg xmlns="http://www.w3.org/2000/svg" viewBox="…"> the outermost element.',
    );
    return;
  }
  if (!Object.prototype.hasOwnProperty.call(tag.attributes, 'viewBox')) {
    report(
      'viewbox',
      line,
      `Icon '${path}' missing viewBox attribute on <svg>`,
      'Add a viewBox to the root <svg> (e.g. viewBox="0 0 24 24") so the icon scales to any size.',
    );
  }
}

function checkElement(tag: SaxesTagNS, line: number, path: string, report: Report): void {
  const local = tag.local.toLowerCase();
  if (local === 'script') {
    report(
      'script',
      line,
      `Icon '${path}' contains a <${tag.name}> element`,
      'Remove the script; icons are served to browsers and must not run code.',
    );
  }
  if (local === 'foreignobject') {
    report(
      'foreign-object',
      line,
      `Icon '${path}' contains <${tag.name}>`,
      'Remove <foreignObject>; an icon must be pure SVG with no embedded HTML.',
    );
  }
  if (tag.uri === XHTML_NS) {
    // XHTML elements are live even outside <foreignObject> (an <iframe> loads, for one).
    report(
      'html',
      line,
      `Icon '${path}' contains the HTML element <${tag.name}>`,
      'Remove HTML elements; an icon must be pure SVG.',
    );
  }

  for (const attr of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    if (attr.uri === XMLNS_NS) continue; // namespace declarations: their values are names, not links
    const name = attr.local.toLowerCase();
    if (name.startsWith('on')) {
      report(
        'handler',
        line,
        `Icon '${path}' has the event-handler attribute ${attr.name} on <${tag.name}>`,
        'Remove on* attributes; icons are served to browsers and must not run code.',
      );
    }
    if (attr.local === 'href') checkHref(tag, attr, line, path, report);
    if (attr.uri === XML_NS && attr.local === 'base') {
      report(
        'href',
        line,
        `Icon '${path}' sets xml:base on <${tag.name}> — references must stay inside the file`,
        'Remove the xml:base attribute.',
      );
    }
    if (attr.local === 'attributeName' && /^(?:[^:]*:)?href$/i.test(attr.value.trim())) {
      report(
        'animated-href',
        line,
        `Icon '${path}' animates ${attr.value.trim()} in <${tag.name}>`,
        'Remove the animation of href; an animated link target can point outside the icon.',
      );
    }
    checkCssUrls(attr.value, line, `the ${attr.name} attribute of <${tag.name}>`, path, report);
  }
}

function checkHref(tag: SaxesTagNS, attr: SaxesAttributeNS, line: number, path: string, report: Report): void {
  // Browsers strip surrounding whitespace from URLs, so ' #a' is the fragment '#a'.
  const value = attr.value.trim();
  if (value.startsWith('#')) return;
  if (tag.local === 'image' && /^data:image/i.test(value)) {
    report(
      'raster',
      line,
      `Icon '${path}' contains an embedded raster in <image href=...> (data:image)`,
      'Replace the embedded bitmap with vector shapes; the marketplace icon must be pure SVG.',
    );
    return;
  }
  report(
    'href',
    line,
    `Icon '${path}' references '${clip(value)}' via ${attr.name} on <${tag.name}> — only same-document ` +
      'references (#id) are allowed',
    'Inline the referenced content in the SVG and point at it by id (href="#id"); no URLs or file paths.',
  );
}

/** `<style>` contents: url() targets plus `@import`. */
function checkStyleSheet(css: string, line: number, path: string, report: Report): void {
  const plain = normaliseCss(css);
  if (/@import\b/i.test(plain)) {
    report(
      'css-import',
      line,
      `Icon '${path}' uses @import in <style>`,
      'Inline the CSS rules instead of importing a stylesheet.',
    );
  }
  checkCssUrls(css, line, '<style>', path, report);
}

/**
 * url(), src() and image-set() in CSS text. Attributes are checked too, not just `style`: presentation
 * attributes such as fill="url(…)" and filter="url(…)" fetch their targets the same way.
 */
function checkCssUrls(css: string, line: number, where: string, path: string, report: Report): void {
  if (!/[(\\]/.test(css)) return;
  const plain = normaliseCss(css);
  const fns = /(?:^|[^\w-])((?:-webkit-)?image-set|url|src)\s*\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))/gi;
  for (const m of plain.matchAll(fns)) {
    const fn = m[1].toLowerCase();
    const target = (m[2] ?? m[3] ?? m[4] ?? '').trim();
    if (fn !== 'url' && fn !== 'src') {
      report(
        'css-url',
        line,
        `Icon '${path}' uses ${m[1]}() in ${where} — only url(#id) references are allowed`,
        'Define gradients, patterns and masks inside the SVG and reference them as url(#id).',
      );
      return;
    }
    if (!target.startsWith('#')) {
      report(
        'css-url',
        line,
        `Icon '${path}' uses ${fn}(${clip(target)}) in ${where} — only url(#id) references are allowed`,
        'Define gradients, patterns and fonts inside the SVG and reference them as url(#id); no URLs.',
      );
      return;
    }
  }
}

/** Resolves CSS escapes and drops comments, so `\75 rl(` or `@imp\6f rt` cannot hide from the checks. */
function normaliseCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\r\n\f]?|\\([\s\S])/g, (_all, hex?: string, ch?: string) => {
      if (hex === undefined) return ch ?? '';
      const code = parseInt(hex, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    });
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
