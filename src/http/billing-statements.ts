import type { Request, Response } from 'express';
import { Router } from 'express';
import type { Actor, RequestContext } from '../context';
import type { AuthService } from '../modules/accounts/auth.service';
import { requireSignedIn } from './bearer';
import type { Statements } from '../modules/billing/statements';
import { DomainError, ErrorCode } from '../shared/errors';

/**
 * Billing downloads (docs/billing.md, "Statements"), authenticated with the GraphQL
 * Authorization header, never cached:
 * - `GET /billing/statements/:payoutId.csv|.pdf`: a payout statement, for its developer and admins
 *   (anyone else: 404, as if it did not exist);
 * - `GET /billing/bank-files/:period.csv` (YYYY-MM): the manual provider's bank file, admins only.
 */
export function billingRoutes(
  services: { auth: AuthService; statements: Statements },
  contextOf: (req: Request, actor: Actor | null) => RequestContext,
): Router {
  const router = Router();
  const authenticate = requireSignedIn(services.auth, contextOf);

  router.get('/billing/statements/:file', (req, res) =>
    send(req, res, async () => {
      const ctx = await authenticate(req);
      const match = /^([0-9a-f-]{36})\.(csv|pdf)$/.exec(String(req.params.file));
      const statement = await services.statements.statement(ctx, match ? match[1] : '');
      const name = `plaza-statement-${statement.period}-${statement.payout.currency}`;
      return match![2] === 'csv'
        ? { type: 'text/csv; charset=utf-8', name: `${name}.csv`, body: Buffer.from(services.statements.csv(statement), 'utf8') }
        : { type: 'application/pdf', name: `${name}.pdf`, body: await services.statements.pdf(statement) };
    }),
  );

  router.get('/billing/bank-files/:file', (req, res) =>
    send(req, res, async () => {
      const ctx = await authenticate(req);
      const period = String(req.params.file).replace(/\.csv$/, '');
      return { type: 'text/csv; charset=utf-8', name: `plaza-payouts-${period}.csv`, body: Buffer.from(await services.statements.bankFile(ctx, period), 'utf8') };
    }),
  );

  return router;
}

async function send(req: Request, res: Response, work: () => Promise<{ type: string; name: string; body: Buffer }>): Promise<void> {
  try {
    const file = await work();
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Disposition', `attachment; filename="${file.name}"`);
    res.setHeader('Content-Type', file.type);
    res.end(file.body);
  } catch (error) {
    if (error instanceof DomainError) {
      res.status(error.httpStatus).json({ errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] });
      return;
    }
    req.log.error({ err: error }, 'billing download failed');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId: req.id } }] });
  }
}
