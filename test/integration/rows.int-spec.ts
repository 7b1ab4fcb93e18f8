import { insertEntity, selectEntities, selectEntity } from '../../src/db/rows';
import { UserEntity } from '../../src/modules/accounts/accounts.entities';
import { AuditEntryEntity } from '../../src/modules/audit/audit-entry.entity';
import { ExtensionEntity } from '../../src/modules/extensions/extensions.entities';
import { InstallationEntity, InstallSource, Placement } from '../../src/modules/installs/installation.entity';
import { ExtensionVersionEntity } from '../../src/modules/versions/version.entity';
import { buildDeveloper, buildUser } from '../utils/factories';
import { buildReviewer, FIRST_PARTY, installationOf, publishedExtension } from '../utils/scenarios';
import { startTestApp, TestApp } from '../utils/test-app';

// The hot paths read and insert whole entities in plain SQL (src/db/rows.ts). What they return
// must be exactly what TypeORM's own find returns for the same row: same class, same properties,
// same value types (dates, jsonb, arrays, enums, bigint ids), or a service would behave
// differently depending on which path loaded its entity.
describe('plain-SQL entity rows (db/rows.ts)', () => {
  let t: TestApp;
  let installationId: string;
  let appId: string;

  beforeAll(async () => {
    t = await startTestApp(FIRST_PARTY);
    const dev = await buildDeveloper(t);
    const reviewer = await buildReviewer(t);
    ({ appId } = await publishedExtension(t, { dev, reviewer, appId: 'rows-app', displayName: 'Rows App' }));
    const user = await buildUser(t);
    installationId = (await installationOf(t, user, { appId })).id;
  });
  afterAll(() => t.close());

  const manager = () => t.app.dataSource.manager;

  it.each([
    ['UserEntity', UserEntity],
    ['ExtensionEntity', ExtensionEntity],
    ['ExtensionVersionEntity', ExtensionVersionEntity],
    ['InstallationEntity', InstallationEntity],
    ['AuditEntryEntity', AuditEntryEntity],
  ] as const)('reads every %s as TypeORM does', async (_name, entity) => {
    const viaTypeorm = await manager().getRepository<object>(entity).find({ order: { id: 'ASC' } as never });
    const viaSql = await selectEntities<object>(manager(), entity, 'ORDER BY id');
    expect(viaTypeorm.length).toBeGreaterThan(0);
    expect(viaSql).toStrictEqual(viaTypeorm);
  });

  it('answers null when no row matches, and takes locking clauses after the WHERE', async () => {
    expect(await selectEntity(manager(), ExtensionEntity, 'WHERE app_id = $1', ['no-such-app'])).toBeNull();
    const locked = await t.app.dataSource.transaction(tx => selectEntity(tx, InstallationEntity, 'WHERE id = $1 FOR NO KEY UPDATE', [installationId]));
    expect(locked).toStrictEqual(await manager().getRepository(InstallationEntity).findOneBy({ id: installationId }));
  });

  it('inserts a row with its database defaults and answers it as TypeORM would read it', async () => {
    const extension = (await selectEntity(manager(), ExtensionEntity, 'WHERE app_id = $1', [appId]))!;
    const version = (await selectEntity(manager(), ExtensionVersionEntity, 'WHERE extension_id = $1', [extension.id]))!;
    const user = await buildUser(t);
    const inserted = await insertEntity(manager(), InstallationEntity, {
      extensionId: extension.id,
      versionId: version.id,
      ownerUserId: user.id,
      organizationId: null,
      grantedScopes: ['store:read'],
      source: InstallSource.USER,
      placement: Placement.MIDDLE_LIST,
      installedById: user.id,
    });
    expect(inserted).toBeInstanceOf(InstallationEntity);
    expect(inserted!.installedAt).toBeInstanceOf(Date);
    expect(inserted).toStrictEqual(await manager().getRepository(InstallationEntity).findOneBy({ id: inserted!.id }));
    // The partial unique index (one active installation per owner and extension) skips a second one.
    const again = await insertEntity(
      manager(),
      InstallationEntity,
      { extensionId: extension.id, versionId: version.id, ownerUserId: user.id, source: InstallSource.USER, placement: Placement.MIDDLE_LIST },
      'ON CONFLICT DO NOTHING',
    );
    expect(again).toBeNull();
  });
});
