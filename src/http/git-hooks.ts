import express, { NextFunction, Request, Response, Router } from 'express';
import type { RequestContext } from '../context';
import { isDatabaseUnavailable } from '../shared/outage';
import { MAX_GIT_HOOK_BYTES } from '../modules/packages/git-hooks';
import type { GitHooksService } from '../modules/packages/git-hooks';

/**
 * `POST /hooks/git/:appId`: GitHub push webhooks for git-sourced extensions (docs/http.md).
 * The body is read raw (the signature covers the exact bytes), at most 1 MiB (413 past that);
 * GitHooksService answers everything else. No authentication header: the HMAC signature made
 * with the extension's own webhook secret is the credential.
 */
export function gitHookRoutes(services: { gitHooks: GitHooksService }, context: (req: Request) => RequestContext): Router {
  const router = Router();
  router.post(
    '/hooks/git/:appId',
    express.raw({ type: () => true, limit: MAX_GIT_HOOK_BYTES }),
    async (req: Request, res: Response) => {
      try {
        const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const answer = await services.gitHooks.receive(context(req), String(req.params.appId), req.headers, body);
        res.status(answer.status).json(answer.body);
      } catch (error) {
        if (isDatabaseUnavailable(error)) {
          res.status(503).set('Retry-After', '5').json({ error: 'temporarily unavailable; GitHub redelivers on request' });
          return;
        }
        req.log.error({ err: error }, 'git webhook failed');
        res.status(500).json({ error: 'internal error', requestId: req.id });
      }
    },
    (error: { type?: string; status?: number }, req: Request, res: Response, next: NextFunction) => {
      if (res.headersSent) return next(error);
      if (error.type === 'entity.too.large') return void res.status(413).json({ error: `payload over ${MAX_GIT_HOOK_BYTES} bytes refused` });
      const status = error.status && error.status >= 400 && error.status < 500 ? error.status : 500;
      if (status === 500) req.log.error({ err: error }, 'git webhook failed');
      res.status(status).json({ error: status === 500 ? 'internal error' : 'bad request' });
    },
  );
  return router;
}
