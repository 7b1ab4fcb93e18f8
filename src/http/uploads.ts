import { Request, Response, Router } from 'express';
import type { Actor, RequestContext } from '../context';
import type { AuthService } from '../modules/accounts/auth.service';
import type { PackagesService } from '../modules/packages/packages.service';
import { DomainError, ErrorCode, UnauthenticatedError } from '../shared/errors';

/**
 * `PUT /uploads/:id`: the raw zip bytes of a package, with the same Authorization header as
 * GraphQL. The body is streamed to disk (never buffered), refused with 413 past the slot's
 * limit, and checked as an archive before anything is stored: the answer names every reason.
 */
export function uploadRoutes(services: { auth: AuthService; packages: PackagesService }, contextOf: (req: Request, actor: Actor) => RequestContext): Router {
  const router = Router();
  const receive = async (req: Request, res: Response) => {
    try {
      const actor = await services.auth.authenticate(req.headers.authorization);
      if (!actor) throw new UnauthenticatedError();
      const length = req.headers['content-length'] ? Number(req.headers['content-length']) : undefined;
      const { upload, issues } = await services.packages.receive(contextOf(req, actor), String(req.params.id), req, length);
      res.json({ upload: { id: upload.id, status: upload.status, sha256: upload.sha256, sizeBytes: Number(upload.sizeBytes) }, issues });
    } catch (error) {
      if (error instanceof DomainError) {
        if (error.httpStatus === 413) res.setHeader('Connection', 'close');
        res.status(error.httpStatus).json({ errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] });
        return;
      }
      req.log.error({ err: error }, 'upload failed');
      res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: req.id } }] });
    }
  };
  router.put('/uploads/:id', receive);
  router.post('/uploads/:id', receive);
  return router;
}
