import { checkEgressList, normaliseEgress } from './egress';

const ruleOf = (entry: unknown) => {
  const r = normaliseEgress(entry);
  return 'finding' in r ? r.finding.rule : null;
};

describe('egress entries (EGRESS-1…7)', () => {
  it.each([
    ['api.slack.com', 'api.slack.com'],
    ['API.Slack.COM', 'api.slack.com'],
    ['hooks.zapier.com.', 'hooks.zapier.com'],
    ['*.googleapis.com', '*.googleapis.com'],
    ['*.example.co.uk', '*.example.co.uk'],
    ['bücher.example', null],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['*.münchen.de', '*.xn--mnchen-3ya.de'],
    ['xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
  ])('accepts %s as %s', (entry, host) => {
    const r = normaliseEgress(entry);
    if (host === null) {
      // .example is reserved, not in the public-suffix list's ICANN section
      expect('finding' in r && r.finding.rule).toBe('EGRESS-3');
      return;
    }
    expect(r).toMatchObject({ host });
  });

  it.each([
    [42, 'EGRESS-1'],
    ['', 'EGRESS-1'],
    [null, 'EGRESS-1'],
    ['https://api.slack.com', 'EGRESS-2'],
    ['ftp://files.example.com', 'EGRESS-2'],
    ['api.slack.com:443', 'EGRESS-2'],
    ['api.slack.com/api', 'EGRESS-2'],
    ['api.slack.com?x=1', 'EGRESS-2'],
    ['user@api.slack.com', 'EGRESS-2'],
    ['10.0.0.1', 'EGRESS-3'],
    ['169.254.169.254', 'EGRESS-3'],
    ['[::1]', 'EGRESS-3'],
    ['::1', 'EGRESS-3'],
    ['localhost', 'EGRESS-3'],
    ['app.localhost', 'EGRESS-3'],
    ['metadata.google.internal', 'EGRESS-3'],
    ['printer.local', 'EGRESS-3'],
    ['*', 'EGRESS-4'],
    ['*.com', 'EGRESS-4'],
    ['*.co.uk', 'EGRESS-4'],
    ['com', 'EGRESS-4'],
    ['co.uk', 'EGRESS-4'],
    ['api.*.com', 'EGRESS-4'],
    ['a*.slack.com', 'EGRESS-4'],
    ['*.*.slack.com', 'EGRESS-4'],
    ['-bad.example.com', 'EGRESS-5'],
    ['a..b.com', 'EGRESS-5'],
    [`${'a'.repeat(64)}.com`, 'EGRESS-5'],
    ['under_score.com', 'EGRESS-5'],
  ])('refuses %p with %s', (entry, rule) => {
    expect(ruleOf(entry)).toBe(rule);
  });

  it('notes an IDN in punycode (EGRESS-6) and reports duplicates after normalising (EGRESS-7)', () => {
    const { hosts, findings } = checkEgressList(['münchen.de', 'xn--mnchen-3ya.de', 'API.slack.com', 'api.slack.com.', 'https://x.com']);
    expect(hosts).toEqual(['api.slack.com', 'xn--mnchen-3ya.de']);
    expect(findings.map(f => [f.rule, f.level, f.index])).toEqual([
      ['EGRESS-6', 'INFO', 0],
      ['EGRESS-7', 'WARN', 1],
      ['EGRESS-7', 'WARN', 3],
      ['EGRESS-2', 'ERROR', 4],
    ]);
    expect(findings[1].message).toContain('entries 1 and 2');
  });
});
