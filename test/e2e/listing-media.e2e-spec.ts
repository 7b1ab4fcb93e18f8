import sharp from 'sharp';
import { graphql } from '../generated';
import { startTestApp, TestApp } from '../utils/test-app';
import { buildAdmin, buildDeveloper, buildUser, TestUser } from '../utils/factories';
import { buildReviewer, must, publishedExtension } from '../utils/scenarios';
import { expectCode } from '../utils/expect-code';
import { handMadePng, jpegWithGps, minimalPdf, solidImage, ZIP_TAIL } from '../utils/images';

const MEDIA = graphql(`query ListingMedia($a: String!) {
  extension(appId: $a) { listing { screenshots supportResponseHours screenshotImages { id position url contentType width height sizeBytes }
    complianceDocuments { id kind url sha256 sizeBytes } } } }`);
const REORDER = graphql(`mutation ReorderScreenshots($a: String!, $ids: [ID!]!) { reorderListingScreenshots(appId: $a, ids: $ids) { id position } }`);
const REMOVE = graphql(`mutation RemoveScreenshot($a: String!, $id: ID!) { removeListingScreenshot(appId: $a, id: $id) { id position } }`);
const REMOVE_DOC = graphql(`mutation RemoveComplianceDocument($a: String!, $k: ComplianceDocumentKind!) { removeComplianceDocument(appId: $a, kind: $k) }`);
const SLA = graphql(`mutation ListingSla($a: String!, $i: ListingInput!) { updateListing(appId: $a, input: $i) { supportResponseHours } }`);
const CREATE_ORG = graphql(`mutation MediaCreateOrg($n: String!) { createOrganization(name: $n) { id } }`);
const ADD_MEMBER = graphql(`mutation MediaAddMember($o: ID!, $e: String!, $r: OrgRole!) { addOrganizationMember(organizationId: $o, email: $e, role: $r) { id } }`);
const ACCEPT = graphql(`mutation MediaAccept($o: ID!) { acceptOrganizationInvitation(organizationId: $o) { id } }`);

describe('listing screenshots, compliance documents and SLA (docs/marketplace.md, "Screenshots and compliance documents")', () => {
  let t: TestApp;
  let dev: TestUser;
  let reviewer: TestUser;
  let stranger: TestUser;
  let appId: string;

  beforeAll(async () => {
    t = await startTestApp();
    dev = await buildDeveloper(t);
    reviewer = await buildReviewer(t);
    stranger = await buildDeveloper(t);
    ({ appId } = await publishedExtension(t, { dev, reviewer }));
  });
  afterAll(() => t.close());

  const put = (path: string, body: Buffer, token?: string, type = 'application/octet-stream') => {
    const req = t.http().put(path).set('Content-Type', type);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };
  const mediaRows = async (app = appId) =>
    (await t.sql(`SELECT m.kind, m.position, m.sha256 FROM listing_media m JOIN extensions e ON e.id = m.extension_id WHERE e.app_id = $1 ORDER BY m.kind, m.position`, [app])) as {
      kind: string;
      position: number;
      sha256: string;
    }[];

  describe('screenshots', () => {
    it('stores a PNG, JPEG and WebP by slot, strips metadata and lists them as URLs in order', async () => {
      const png = await put(`/listings/${appId}/screenshots/1`, await solidImage('png'), dev.token);
      expect(png.status).toBe(200);
      expect(png.body.screenshot).toMatchObject({ position: 1, contentType: 'image/png', width: 640, height: 400 });
      // The request's Content-Type is ignored: the bytes decide.
      const jpeg = await put(`/listings/${appId}/screenshots/2`, await jpegWithGps(), dev.token, 'image/png');
      expect(jpeg.body.screenshot).toMatchObject({ position: 2, contentType: 'image/jpeg' });
      const webp = await put(`/listings/${appId}/screenshots/3`, await solidImage('webp', 1280, 720), dev.token);
      expect(webp.body.screenshot).toMatchObject({ position: 3, contentType: 'image/webp', width: 1280, height: 720 });

      const listing = (await must(t, MEDIA, { a: appId })).extension!.listing!;
      expect(listing.screenshotImages.map(s => [s.position, s.contentType])).toEqual([
        [1, 'image/png'],
        [2, 'image/jpeg'],
        [3, 'image/webp'],
      ]);
      expect(listing.screenshots).toEqual(listing.screenshotImages.map(s => s.url));
      expect(listing.screenshots[1]).toBe(`/marketplace/screenshots/${jpeg.body.screenshot.sha256}.jpg`);

      // Served anonymously, safely, immutably; the EXIF/GPS of the upload is gone.
      const served = await t.http().get(listing.screenshots[1]).buffer(true).parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
      expect(served.status).toBe(200);
      expect(served.headers['content-type']).toBe('image/jpeg');
      expect(served.headers['x-content-type-options']).toBe('nosniff');
      expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(served.headers.etag).toBe(`"${jpeg.body.screenshot.sha256}"`);
      expect((await sharp(served.body as Buffer).metadata()).exif).toBeUndefined();
      expect((served.body as Buffer).includes(Buffer.from('PlazaCam'))).toBe(false);
      const again = await t.http().get(listing.screenshots[1]).set('If-None-Match', served.headers.etag);
      expect(again.status).toBe(304);
    });

    it.each([
      ['a decompression bomb', () => Promise.resolve(handMadePng(6000, 6000)), 'DIMENSIONS_TOO_LARGE'],
      ['huge dimensions', () => Promise.resolve(handMadePng(100_000, 100_000, { rows: 1 })), 'DIMENSIONS_TOO_LARGE'],
      ['a truncated PNG', async () => (await solidImage('png', 800, 600)).subarray(0, 300), 'TRUNCATED'],
      ['a PNG with a zip appended', async () => Buffer.concat([await solidImage('png'), ZIP_TAIL]), 'TRAILING_DATA'],
      ['a JPEG with HTML appended', async () => Buffer.concat([await solidImage('jpeg'), Buffer.from('<html><script>alert(1)</script>')]), 'TRAILING_DATA'],
      ['an SVG sent as image/png', () => Promise.resolve(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"/>')), 'UNSUPPORTED_FORMAT'],
      ['a tiny image', () => solidImage('png', 100, 100), 'DIMENSIONS_TOO_SMALL'],
    ])('refuses %s with MEDIA_REJECTED and stores nothing', async (_what, make, reason) => {
      const before = await mediaRows();
      const res = await put(`/listings/${appId}/screenshots/5`, await make(), dev.token, 'image/png');
      expect(res.status).toBe(422);
      expect(res.body.errors[0].extensions).toMatchObject({ code: 'MEDIA_REJECTED', reason });
      expect(await mediaRows()).toEqual(before);
    });

    it('refuses a body over 5 MiB with PAYLOAD_TOO_LARGE, a bad slot, and anyone but the owner', async () => {
      const big = await put(`/listings/${appId}/screenshots/5`, Buffer.alloc(5 * 1024 * 1024 + 1), dev.token);
      expect(big.status).toBe(413);
      expect(big.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      const png = await solidImage('png');
      for (const slot of ['0', '9', 'x']) {
        const bad = await put(`/listings/${appId}/screenshots/${slot}`, png, dev.token);
        expect([bad.status, bad.body.errors[0].extensions.code]).toEqual([400, 'BAD_USER_INPUT']);
      }
      const anonymous = await put(`/listings/${appId}/screenshots/5`, png);
      expect([anonymous.status, anonymous.body.errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
      const other = await put(`/listings/${appId}/screenshots/5`, png, stranger.token);
      expect([other.status, other.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
      expect((await mediaRows()).filter(r => r.position === 5)).toEqual([]);
    });

    it('replaces a slot, reorders and removes; bad orders and strangers are refused without a change', async () => {
      const replaced = await put(`/listings/${appId}/screenshots/3`, await solidImage('png', 1024, 768), dev.token);
      expect(replaced.body.screenshot).toMatchObject({ position: 3, contentType: 'image/png' });
      const ids = (await must(t, MEDIA, { a: appId }, dev.token)).extension!.listing!.screenshotImages.map(s => s.id);
      expect(ids).toHaveLength(3);

      const reversed = [...ids].reverse();
      expect((await must(t, REORDER, { a: appId, ids: reversed }, dev.token)).reorderListingScreenshots).toEqual(reversed.map((id, i) => ({ id, position: i + 1 })));

      const before = await mediaRows();
      expectCode(await t.gql(REORDER, { a: appId, ids: reversed.slice(1) }, dev.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(REORDER, { a: appId, ids: [reversed[0], reversed[0], reversed[1]] }, dev.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(REORDER, { a: appId, ids: [...reversed.slice(1), '00000000-0000-4000-8000-000000000000'] }, dev.token), 'BAD_USER_INPUT');
      expectCode(await t.gql(REORDER, { a: appId, ids: ids }, stranger.token), 'NOT_FOUND');
      expectCode(await t.gql(REORDER, { a: appId, ids: ids }), 'UNAUTHENTICATED');
      expectCode(await t.gql(REMOVE, { a: appId, id: ids[0] }, stranger.token), 'NOT_FOUND');
      expectCode(await t.gql(REMOVE, { a: appId, id: '00000000-0000-4000-8000-000000000000' }, dev.token), 'NOT_FOUND');
      expect(await mediaRows()).toEqual(before);

      const removed = (await must(t, REMOVE, { a: appId, id: reversed[1] }, dev.token)).removeListingScreenshot;
      expect(removed).toEqual([
        { id: reversed[0], position: 1 },
        { id: reversed[2], position: 2 },
      ]);
      const gone = before.find(r => r.position === 2)!;
      expect((await t.http().get(`/marketplace/screenshots/${gone.sha256}.png`)).status).toBe(404);
    });

    it("serves a draft listing's screenshots only to its owner, and never caches them publicly", async () => {
      const draft = `media-draft-${Date.now().toString(36)}`;
      await t.gql(`mutation { claimExtension(input: { appId: "${draft}", displayName: "Draft Media", category: "productivity" }) { id } }`, {}, dev.token);
      const up = await put(`/listings/${draft}/screenshots/1`, await solidImage('webp', 700, 500), dev.token);
      expect(up.status).toBe(200);
      const path = `/marketplace/screenshots/${up.body.screenshot.sha256}.webp`;
      expect((await t.http().get(path)).status).toBe(404);
      expect((await t.http().get(path).set('Authorization', `Bearer ${stranger.token}`)).status).toBe(404);
      const own = await t.http().get(path).set('Authorization', `Bearer ${dev.token}`);
      expect([own.status, own.headers['cache-control'], own.headers['content-type']]).toEqual([200, 'private, no-store', 'image/webp']);
      expect((await t.http().get(`/marketplace/screenshots/${'0'.repeat(64)}.png`)).status).toBe(404);
      expect((await t.http().get(`/marketplace/screenshots/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
    });
  });

  describe('compliance documents', () => {
    let orgAdmin: TestUser;
    let orgMember: TestUser;
    let docUrl: string;

    beforeAll(async () => {
      orgAdmin = await buildUser(t);
      orgMember = await buildUser(t);
      const org = (await must(t, CREATE_ORG, { n: 'Compliance Buyers' }, orgAdmin.token)).createOrganization;
      await must(t, ADD_MEMBER, { o: org.id, e: orgMember.email, r: 'MEMBER' }, orgAdmin.token);
      await must(t, ACCEPT, { o: org.id }, orgMember.token);
    });

    it('refuses what is not only a PDF with MEDIA_REJECTED, and stores nothing', async () => {
      const cases: [Buffer, string][] = [
        [await solidImage('png'), 'NOT_PDF'],
        [minimalPdf().subarray(0, 150), 'NOT_PDF'],
        [Buffer.concat([minimalPdf(), ZIP_TAIL]), 'TRAILING_DATA'],
        [minimalPdf('<html><script>alert(1)</script></html>'), 'POLYGLOT'],
        [minimalPdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'ACTIVE_CONTENT'],
      ];
      for (const [body, reason] of cases) {
        const res = await put(`/listings/${appId}/compliance/security-review`, body, dev.token, 'application/pdf');
        expect([res.status, res.body.errors[0].extensions]).toEqual([422, { code: 'MEDIA_REJECTED', reason }]);
      }
      const big = await put(`/listings/${appId}/compliance/security-review`, Buffer.alloc(10 * 1024 * 1024 + 1), dev.token);
      expect(big.status).toBe(413);
      const unknownKind = await put(`/listings/${appId}/compliance/marketing`, minimalPdf(), dev.token);
      expect(unknownKind.status).toBe(404);
      const other = await put(`/listings/${appId}/compliance/security-review`, minimalPdf(), stranger.token);
      expect([other.status, other.body.errors[0].extensions.code]).toEqual([404, 'NOT_FOUND']);
      expect((await mediaRows()).filter(r => r.kind !== 'SCREENSHOT')).toEqual([]);
    });

    it('stores the security review and the data-handling statement', async () => {
      for (const kind of ['security-review', 'data-handling']) {
        const res = await put(`/listings/${appId}/compliance/${kind}`, minimalPdf(), dev.token);
        expect(res.status).toBe(200);
      }
      const docs = (await must(t, MEDIA, { a: appId }, dev.token)).extension!.listing!.complianceDocuments!;
      expect(docs.map(d => d.kind).sort()).toEqual(['DATA_HANDLING', 'SECURITY_REVIEW']);
      docUrl = docs.find(d => d.kind === 'SECURITY_REVIEW')!.url;
    });

    it.each([
      ['the owner', true, () => dev],
      ['a reviewer', true, () => reviewer],
      ['an organization admin (before installing)', true, () => orgAdmin],
      ['a member of an organization who does not administer it', false, () => orgMember],
      ['a stranger', false, () => stranger],
      ['an anonymous caller', false, () => null],
    ])('%s sees them: %s', async (_who, visible, whom) => {
      const user = whom();
      const listing = (await must(t, MEDIA, { a: appId }, user?.token)).extension!.listing!;
      if (visible) expect(listing.complianceDocuments).toHaveLength(2);
      else expect(listing.complianceDocuments).toBeNull();
      const req = t.http().get(docUrl);
      const res = await (user ? req.set('Authorization', `Bearer ${user.token}`) : req);
      expect(res.status).toBe(visible ? 200 : 404);
      if (visible) {
        expect(res.headers['content-type']).toBe('application/pdf');
        expect(res.headers['content-disposition']).toMatch(/^attachment; filename="/);
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    });

    it('a platform admin sees them too; the owner removes one, a stranger cannot', async () => {
      const admin = await buildAdmin(t);
      expect((await must(t, MEDIA, { a: appId }, admin.token)).extension!.listing!.complianceDocuments).toHaveLength(2);
      expectCode(await t.gql(REMOVE_DOC, { a: appId, k: 'DATA_HANDLING' }, stranger.token), 'NOT_FOUND');
      expect((await must(t, REMOVE_DOC, { a: appId, k: 'DATA_HANDLING' }, dev.token)).removeComplianceDocument).toBe(true);
      expectCode(await t.gql(REMOVE_DOC, { a: appId, k: 'DATA_HANDLING' }, dev.token), 'NOT_FOUND');
      expect((await must(t, MEDIA, { a: appId }, dev.token)).extension!.listing!.complianceDocuments!.map(d => d.kind)).toEqual(['SECURITY_REVIEW']);
    });

    it("an organization admin does not see a draft listing's documents", async () => {
      const draftDev = await buildDeveloper(t);
      const draft = `media-compliance-draft-${Date.now().toString(36)}`;
      await t.gql(`mutation { claimExtension(input: { appId: "${draft}", displayName: "Draft Docs", category: "productivity" }) { id } }`, {}, draftDev.token);
      const up = await put(`/listings/${draft}/compliance/security-review`, minimalPdf(), draftDev.token);
      expect(up.status).toBe(200);
      const res = await t.http().get(`/listings/compliance/${up.body.document.id}.pdf`).set('Authorization', `Bearer ${orgAdmin.token}`);
      expect(res.status).toBe(404);
    });
  });

  describe('support SLA', () => {
    it('shows supportResponseHours on the listing and refuses values outside 1..720', async () => {
      expect((await must(t, SLA, { a: appId, i: { supportResponseHours: 24 } }, dev.token)).updateListing.supportResponseHours).toBe(24);
      expect((await must(t, MEDIA, { a: appId })).extension!.listing!.supportResponseHours).toBe(24);
      for (const bad of [0, 721]) expectCode(await t.gql(SLA, { a: appId, i: { supportResponseHours: bad } }, dev.token), 'BAD_USER_INPUT');
      expect((await must(t, MEDIA, { a: appId })).extension!.listing!.supportResponseHours).toBe(24);
      expectCode(await t.gql(SLA, { a: appId, i: { supportResponseHours: 4 } }, stranger.token), 'NOT_FOUND');
    });
  });
});
