import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EventTypes, PAYLOAD_VERSIONS } from './event-types';

describe('the partner event catalogue (docs/events.md)', () => {
  const doc = readFileSync(path.resolve(__dirname, '../../../docs/events.md'), 'utf8');

  it('documents every catalogued type with its payload in docs/events.md', () => {
    const documented = [...doc.matchAll(/^\| `([a-z_]+\.[a-z_]+)` \|/gm)].map(m => m[1]);
    expect(documented.sort()).toEqual(Object.values(EventTypes).sort());
  });

  it('names the types the issue requires', () => {
    for (const type of [
      'extension.claimed', 'version.submitted', 'version.validated', 'version.validation_failed', 'review.requested', 'review.decided',
      'version.published', 'version.deprecated', 'version.sunset', 'installation.created', 'installation.upgraded',
      'installation.uninstalled', 'upgrade_offer.created', 'upgrade_offer.answered',
    ]) {
      expect(Object.values(EventTypes)).toContain(type);
      expect(PAYLOAD_VERSIONS[type as keyof typeof PAYLOAD_VERSIONS]).toBe(1);
    }
  });
});
