import { serverAudits } from 'graphql-http';
import { startTestApp, TestApp } from '../utils/test-app';

// The GraphQL-over-HTTP spec's conformance audits (graphql-http's own suite, the one its
// public server report is built from), run against a started Plaza over real HTTP. MAY audits
// are informational; every MUST and SHOULD has to pass.
describe('GraphQL-over-HTTP conformance (graphql-http serverAudits)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('passes every MUST and SHOULD audit', async () => {
    const audits = serverAudits({ url: `${t.url}/graphql`, fetchFn: fetch });
    const results = await Promise.all(audits.map(audit => audit.fn()));
    const required = results.filter(r => r.name.startsWith('MUST') || r.name.startsWith('SHOULD'));
    const failures = required.flatMap(r => (r.status === 'ok' ? [] : [`${r.name}: ${r.reason}`]));
    expect(required.length).toBeGreaterThanOrEqual(36);
    expect(failures.join('\n')).toBe('');
  });
});
