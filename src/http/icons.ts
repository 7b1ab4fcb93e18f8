import { Request, Router } from 'express';
import type { RequestContext } from '../context';
import type { ListingsService } from '../modules/listings/listings.service';
import { APP_ID_FORMAT } from '../modules/extensions/extensions.service';

/**
 * `GET /marketplace/apps/:appId/icon.svg`: the public icon, served so that a hostile SVG could
 * do nothing even if one slipped past V21: a sandboxing CSP, nosniff, a strong ETag.
 */
export function iconRoutes(services: { listings: ListingsService }, contextOf: (req: Request) => RequestContext): Router {
  const router = Router();
  router.get('/marketplace/apps/:appId/icon.svg', async (req, res, next) => {
    try {
      const appId = String(req.params.appId);
      // No extension has an id outside the claim format; such a path (a NUL byte included,
      // which PostgreSQL would refuse as an error) is simply not found.
      const icon = APP_ID_FORMAT.test(appId) ? await services.listings.icon(contextOf(req), appId) : null;
      if (!icon) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'public, max-age=86400');
      res.setHeader('ETag', icon.etag);
      if (req.headers['if-none-match'] === icon.etag) {
        res.status(304).end();
        return;
      }
      res.type('image/svg+xml; charset=utf-8').send(icon.svg);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
