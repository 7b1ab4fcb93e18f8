import { discoverDocs, renderMarkdown } from './docs';

const files = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([k, v]) => [k, Buffer.from(v)]));

describe('docs discovery (docs/marketplace.md, Listing)', () => {
  it('prefers docs/README.md over README.md and finds changelog, getting started and examples', () => {
    const docs = discoverDocs(
      files({
        'README.md': '# Root readme',
        'docs/README.md': '# Overview\n\nHello **world**',
        'CHANGELOG.md': '## 1.0.0\n- first',
        'docs/quickstart.md': 'Run it.',
        'docs/examples/basic-usage.yaml': 'title: Basic',
        'docs/examples/notes.txt': 'ignored',
      }),
    );
    expect(docs.overview).toMatchObject({ path: 'docs/README.md', html: '<h1>Overview</h1>\n<p>Hello <strong>world</strong></p>\n' });
    expect(docs.changelog?.path).toBe('CHANGELOG.md');
    expect(docs.gettingStarted?.path).toBe('docs/quickstart.md');
    expect(docs.examples).toEqual([{ path: 'docs/examples/basic-usage.yaml', yaml: 'title: Basic' }]);
    expect(discoverDocs(files({ 'README.md': '# Root' })).overview?.path).toBe('README.md');
  });

  it('renders safe HTML: no script, handlers, javascript: links or inline styles', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="https://x.test/a.png" onerror="alert(1)">\n\n[x](javascript:alert(1)) <a href="https://ok.test" style="color:red" onclick="x()">ok</a>\n\n<iframe src="https://evil.test"></iframe>',
    );
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|style=|iframe/i);
    expect(html).toContain('<img src="https://x.test/a.png" />');
    expect(html).toContain('href="https://ok.test"');
    expect(html).toContain('rel="nofollow noopener noreferrer"');
  });
});
