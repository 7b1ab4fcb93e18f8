import type { Request, Response } from 'express';
import { Router } from 'express';
import type { Actor, AuthedContext, RequestContext } from '../context';
import type { AuthService } from '../modules/accounts/auth.service';
import { renderAnalyticsChart } from '../modules/analytics/analytics-chart';
import { Granularity, type AnalyticsService } from '../modules/analytics/analytics.service';
import { BadUserInputError, NotFoundError } from '../shared/errors';

/**
 * `GET /extensions/:appId/analytics.svg[?from=YYYY-MM-DD&to=YYYY-MM-DD&granularity=DAY|WEEK|MONTH]`
 * (docs/analytics.md, "The chart"): the installs and active-installations chart for the owner
 * and admins, with the GraphQL Authorization header. Anonymous callers and everyone else get the
 * same 404 (no hint the extension exists); a bad range is a 400 naming the parameter. The
 * default range is the last 30 days by day.
 */
export function analyticsChartRoutes(
  services: { auth: AuthService; analytics: AnalyticsService },
  contextOf: (req: Request, actor: Actor | null) => RequestContext,
): Router {
  const router = Router();
  router.get('/extensions/:appId/analytics.svg', async (req, res, next) => {
    try {
      const actor = req.headers.authorization ? await services.auth.authenticate(req.headers.authorization).catch(() => null) : null;
      if (!actor) return notFound(res);
      const range = services.analytics.defaultRange();
      const param = (name: string) => (typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined);
      const report = await services.analytics.report(contextOf(req, actor) as AuthedContext, {
        appId: String(req.params.appId),
        from: param('from') ?? range.from,
        to: param('to') ?? range.to,
        granularity: (param('granularity') ?? Granularity.DAY) as Granularity,
      });
      const svg = renderAnalyticsChart(report);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // No script, no loads of any kind; inline styles only (the renderer sets font sizes in
      // style attributes). Opened directly, the document is sandboxed.
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
      res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('Content-Type', 'image/svg+xml; charset=utf-8');
      res.end(svg);
    } catch (error) {
      if (error instanceof NotFoundError) return notFound(res);
      if (error instanceof BadUserInputError) {
        res.status(400).json({ errors: [{ message: error.message, extensions: { ...error.extensions, code: error.code } }] });
        return;
      }
      next(error);
    }
  });
  return router;
}

function notFound(res: Response): void {
  res.status(404).type('text/plain').send('Not found');
}
