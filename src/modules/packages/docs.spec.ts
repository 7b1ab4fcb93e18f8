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
    expect(docs.examples).toEqual([
      { path: 'docs/examples/basic-usage.yaml', yaml: 'title: Basic', title: 'Basic', description: null, html: '<pre><code class="hljs language-yaml"><span class="hljs-attr">title:</span> <span class="hljs-string">Basic</span></code></pre>' },
    ]);
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

  it('highlights docs/examples/*.yaml safely, with the title and description of the example format', () => {
    const example = [
      '# docs/examples/notify-on-issue.yaml',
      'title: Notify on Issue Creation',
      'description: Send a Slack message when issues are created',
      'on_enter:',
      '- extension: slack.sendMessage',
      '  channel: "#alerts"',
      '  template: "<script>alert(1)</script>"',
    ].join('\n');
    const [shown] = discoverDocs(files({ 'docs/examples/notify-on-issue.yaml': example })).examples;
    expect(shown).toMatchObject({ title: 'Notify on Issue Creation', description: 'Send a Slack message when issues are created', yaml: example });
    expect(shown.html).toContain('<span class="hljs-attr">channel:</span>');
    expect(shown.html).toContain('&lt;script&gt;');
    expect(shown.html).not.toContain('<script>');
    // Hostile YAML (an alias bomb) is still shown as text, without a title, and does not expand.
    const bomb = 'a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: &d [*c, *c]\ne: &e [*d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ntitle: Bomb';
    const [hostile] = discoverDocs(files({ 'docs/examples/bomb.yaml': bomb })).examples;
    expect(hostile.title).toBeNull();
    expect(hostile.yaml).toBe(bomb);
  });
});

