import hljs from 'highlight.js/lib/core';
import yamlLanguage from 'highlight.js/lib/languages/yaml';
import sanitizeHtml from 'sanitize-html';
import { parseLimitedYaml } from '../validation/kiket/yaml-limits';

hljs.registerLanguage('yaml', yamlLanguage);

export interface DocExample {
  path: string;
  yaml: string;
  /** The example's own `title` / `description` keys (the Kiket example format, docs/marketplace.md), when it has them. */
  title: string | null;
  description: string | null;
  /** The YAML highlighted: `<pre><code class="hljs language-yaml">` with `hljs-*` spans only. */
  html: string;
}

const HIGHLIGHTED: sanitizeHtml.IOptions = {
  allowedTags: ['pre', 'code', 'span'],
  allowedAttributes: { code: ['class'], span: ['class'] },
  allowedClasses: { code: ['hljs', 'language-yaml'], span: ['hljs-*'] },
};

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim().slice(0, 500) : null);

/**
 * One `docs/examples/*.yaml` file as the listing shows it (docs/marketplace.md: "YAML workflow examples
 * with syntax highlighting"). The YAML is read under the manifest's limits (aliases, depth,
 * tags, duplicate keys), only for its title and description: an example that breaks them is
 * still shown, highlighted, without either. highlight.js escapes the text; the result is
 * sanitized by allowlist all the same.
 */
export function docExample(path: string, source: string): DocExample {
  const parsed = parseLimitedYaml(Buffer.from(source, 'utf8'), path);
  const value = parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value) ? (parsed.value as Record<string, unknown>) : {};
  const highlighted = hljs.highlight(source, { language: 'yaml', ignoreIllegals: true }).value;
  return {
    path,
    yaml: source,
    title: text(value.title),
    description: text(value.description),
    html: sanitizeHtml(`<pre><code class="hljs language-yaml">${highlighted}</code></pre>`, HIGHLIGHTED),
  };
}
