import type { Request, Response } from 'express';
import { Router } from 'express';
import type { Actor, AuthedContext, RequestContext } from '../context';
import type { AuthService } from '../modules/accounts/auth.service';
import { requireSignedIn } from './bearer';
import { COMPLIANCE_SLUGS, ListingMediaService } from '../modules/listings/listing-media.service';
import { PDF_MAX_BYTES, SCREENSHOT_LIMITS } from '../modules/listings/media-checks';
import { BadUserInputError, DomainError, ErrorCode, NotFoundError, PayloadTooLargeError } from '../shared/errors';

/** A whole body is read within this long, or the request is dropped. */
const BODY_DEADLINE_MS = 30_000;

/**
 * Listing media over HTTP (docs/http.md, "Listing media"):
 * - `PUT /listings/:appId/screenshots/:slot` (slot 1..8) and `PUT /listings/:appId/compliance/:kind`
 *   (`security-review`, `data-handling`): the raw bytes with the GraphQL Authorization header; the
 *   owner only; the Content-Type header is ignored (the bytes decide).
 * - `GET /marketplace/screenshots/:sha256.:ext`: a screenshot of a published listing, immutable.
 * - `GET /listings/compliance/:id.pdf`: a compliance document, for those who may see it, never cached.
 */
export function listingMediaRoutes(
  services: { auth: AuthService; listingMedia: ListingMediaService },
  contextOf: (req: Request, actor: Actor | null) => RequestContext,
): Router {
  const router = Router();
  const authenticate = requireSignedIn(services.auth, contextOf);

  router.put('/listings/:appId/screenshots/:slot', (req, res) =>
    answer(req, res, async () => {
      const ctx = await authenticate(req);
      const body = await readBody(req, SCREENSHOT_LIMITS.maxBytes);
      const slot = /^\d{1,2}$/.test(String(req.params.slot)) ? Number(req.params.slot) : NaN;
      const m = await services.listingMedia.putScreenshot(ctx, String(req.params.appId), slot, body);
      return { screenshot: { id: m.id, position: m.position, contentType: m.contentType, width: m.width, height: m.height, sizeBytes: m.sizeBytes, sha256: m.sha256 } };
    }),
  );

  router.put('/listings/:appId/compliance/:kind', (req, res) =>
    answer(req, res, async () => {
      const ctx = await authenticate(req);
      const kind = COMPLIANCE_SLUGS[String(req.params.kind)];
      if (!kind) throw new NotFoundError('Compliance document kind');
      const body = await readBody(req, PDF_MAX_BYTES);
      const m = await services.listingMedia.putComplianceDocument(ctx, String(req.params.appId), kind, body);
      return { document: { id: m.id, kind: m.kind, sizeBytes: m.sizeBytes, sha256: m.sha256 } };
    }),
  );

  router.get('/marketplace/screenshots/:file', async (req, res, next) => {
    try {
      const match = /^([0-9a-f]{64})\.(png|jpg|webp)$/.exec(String(req.params.file));
      let media = match ? await services.listingMedia.publicScreenshot(contextOf(req, null), match[1]) : null;
      let shared = true;
      if (match && !media && req.headers.authorization) {
        // A draft listing's screenshot: its owner previews it with the Authorization header.
        const actor = await services.auth.authenticate(req.headers.authorization).catch(() => null);
        media = actor ? await services.listingMedia.ownScreenshot(contextOf(req, actor) as AuthedContext, match[1]) : null;
        shared = false;
      }
      if (!media) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      safeHeaders(res);
      res.setHeader('Cache-Control', shared ? 'public, max-age=31536000, immutable' : 'private, no-store');
      res.setHeader('ETag', `"${media.sha256}"`);
      if (shared && req.headers['if-none-match'] === `"${media.sha256}"`) {
        res.status(304).end();
        return;
      }
      res.setHeader('Content-Type', media.contentType);
      res.end(media.bytes);
    } catch (error) {
      next(error);
    }
  });

  router.get('/listings/compliance/:file', async (req, res, next) => {
    try {
      const match = /^([0-9a-f-]{36})\.pdf$/.exec(String(req.params.file));
      const actor = req.headers.authorization ? await services.auth.authenticate(req.headers.authorization).catch(() => null) : null;
      // Anonymous callers and those who may not see it get the same 404: no hint it exists.
      const doc = match && actor ? await services.listingMedia.complianceDocument(contextOf(req, actor), match[1]) : null;
      if (!doc) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      safeHeaders(res);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Disposition', `attachment; filename="${doc.appId}-${doc.kind.toLowerCase().replace(/_/g, '-')}.pdf"`);
      res.setHeader('Content-Type', 'application/pdf');
      res.end(doc.bytes);
    } catch (error) {
      next(error);
    }
  });
  return router;
}

function safeHeaders(res: Response): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
}

/** Runs a write and answers with its JSON, or with the error's status and stable code. */
async function answer(req: Request, res: Response, work: () => Promise<unknown>): Promise<void> {
  try {
    res.json(await work());
  } catch (error) {
    if (error instanceof DomainError) {
      if (error.httpStatus === 413) res.setHeader('Connection', 'close');
      res.status(error.httpStatus).json({ errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] });
      return;
    }
    req.log.error({ err: error }, 'listing media upload failed');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: req.id } }] });
  }
}

/** The whole body, refused with PAYLOAD_TOO_LARGE past `limit` bytes (by Content-Length or as it streams), within a deadline. */
function readBody(req: Request, limit: number): Promise<Buffer> {
  const declared = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
  if (declared !== undefined && declared > limit) return Promise.reject(new PayloadTooLargeError(`The body is larger than ${limit} bytes`, limit));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => finish(new BadUserInputError(`The body did not arrive within ${BODY_DEADLINE_MS / 1000} s`)), BODY_DEADLINE_MS);
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        req.pause();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish(new PayloadTooLargeError(`The body is larger than ${limit} bytes`, limit));
      else chunks.push(chunk);
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(error);
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
