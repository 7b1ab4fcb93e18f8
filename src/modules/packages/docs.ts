import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import type { PackageFiles } from '../validation/types';
import { DocExample, docExample } from './doc-examples';

export interface RenderedDoc {
  path: string;
  markdown: string;
  /** Safe HTML: no script, no event handlers, no inline styles, links limited to http(s)/mailto. */
  html: string;
}

export interface ExtensionDocs {
  overview: RenderedDoc | null;
  changelog: RenderedDoc | null;
  gettingStarted: RenderedDoc | null;
  examples: DocExample[];
}

const MAX_DOC_BYTES = 256 * 1024;
/** Examples shown per listing (sorted by path). */
const MAX_EXAMPLES = 20;

const SAFE: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'em', 'strong', 'del',
    'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], code: ['class'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) },
};

/** Markdown to HTML a browser can show on the listing: rendered, then sanitized by allowlist. */
export function renderMarkdown(markdown: string): string {
  return sanitizeHtml(marked.parse(markdown, { async: false, gfm: true }) as string, SAFE);
}

function pick(files: PackageFiles, candidates: string[]): RenderedDoc | null {
  for (const path of candidates) {
    const bytes = files.get(path);
    if (bytes && bytes.length <= MAX_DOC_BYTES) {
      const markdown = bytes.toString('utf8');
      return { path, markdown, html: renderMarkdown(markdown) };
    }
  }
  return null;
}

/**
 * Documentation discovered in a package (docs/marketplace.md, "Listing"): docs/README.md or
 * README.md as the overview, CHANGELOG.md, getting-started.md or quickstart.md, and
 * docs/examples/*.yaml as highlighted examples (doc-examples.ts).
 */
export function discoverDocs(files: PackageFiles): ExtensionDocs {
  const examples = [...files.keys()]
    .filter(p => /^docs\/examples\/[^/]+\.ya?ml$/i.test(p))
    .sort()
    .slice(0, MAX_EXAMPLES)
    .map(path => docExample(path, files.get(path)!.toString('utf8').slice(0, MAX_DOC_BYTES)));
  return {
    overview: pick(files, ['docs/README.md', 'README.md']),
    changelog: pick(files, ['docs/CHANGELOG.md', 'CHANGELOG.md']),
    gettingStarted: pick(files, ['docs/getting-started.md', 'docs/quickstart.md', 'getting-started.md', 'quickstart.md']),
    examples,
  };
}
