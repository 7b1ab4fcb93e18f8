import PDFDocument from 'pdfkit';
import type { AuthedContext } from '../../context';
import { isUuid, repo } from '../../db/transaction';
import { Role } from '../../shared/auth/roles';
import { ForbiddenError, NotFoundError } from '../../shared/errors';
import { PayoutEntity } from './billing.entities';
import { canSeeDeveloperBilling } from './billing.policy';
import { formatMinor, minor, parsePeriod, periodLabel } from './money';
import { csvCell, ManualPaymentProvider } from './payment-provider';

export interface StatementLine {
  date: Date;
  description: string;
  kind: string;
  grossMinor: number;
  shareBps: number;
  feeMinor: number;
  netMinor: number;
}

/** A developer's payout statement (docs/billing.md, "Payouts"): the period's lines, fees, refunds and the net paid. */
export interface Statement {
  payout: PayoutEntity;
  period: string;
  developerName: string;
  lines: StatementLine[];
  grossMinor: number;
  feesMinor: number;
  refundsMinor: number;
  /** Earlier balance carried into this payout (a negative one after refunds of paid-out lines). */
  carriedMinor: number;
  netMinor: number;
}

/** Payout statements as data, CSV and PDF, for the developer they belong to and admins; the manual provider's bank file for admins. */
export class Statements {
  constructor(private readonly provider: ManualPaymentProvider | null) {}

  async list(ctx: AuthedContext): Promise<PayoutEntity[]> {
    return repo(ctx, PayoutEntity).find({ where: { developerId: ctx.actor.userId }, order: { periodStart: 'DESC', currency: 'ASC' } });
  }

  async statement(ctx: AuthedContext, payoutId: string): Promise<Statement> {
    const payout = isUuid(payoutId) ? await repo(ctx, PayoutEntity).findOneBy({ id: payoutId }) : null;
    if (!payout || !canSeeDeveloperBilling(ctx.actor, payout)) throw new NotFoundError('Payout statement');
    const rows: Record<string, any>[] = await ctx.manager.query(
      `SELECT i.finalized_at AS date, l.description, l.kind::text AS kind, l.amount_minor, l.developer_share_bps, l.platform_fee_minor, l.developer_amount_minor
         FROM billing_invoice_lines l JOIN billing_invoices i ON i.id = l.invoice_id
        WHERE l.developer_id = $1 AND l.period_start = $2 AND l.currency = $3
       UNION ALL
       SELECT r.created_at, 'Refund: ' || l.description, 'REFUND', -r.amount_minor, l.developer_share_bps, -r.platform_reversal_minor, -r.developer_reversal_minor
         FROM billing_refunds r JOIN billing_invoice_lines l ON l.id = r.invoice_line_id
        WHERE l.developer_id = $1 AND l.currency = $3 AND r.created_at >= $2 AND r.created_at < $4
        ORDER BY 1, 2`,
      [payout.developerId, payout.periodStart, payout.currency, payout.createdAt],
    );
    const lines = rows.map(r => ({
      date: new Date(r.date),
      description: r.description,
      kind: r.kind,
      grossMinor: minor(r.amount_minor),
      shareBps: r.developer_share_bps,
      feeMinor: minor(r.platform_fee_minor),
      netMinor: minor(r.developer_amount_minor),
    }));
    const sum = (f: (l: StatementLine) => number, keep: (l: StatementLine) => boolean = () => true) => lines.filter(keep).reduce((a, l) => a + f(l), 0);
    const netMinor = minor(payout.amountMinor);
    const [profile] = await ctx.manager.query(`SELECT organization_name FROM developer_profiles WHERE user_id = $1`, [payout.developerId]);
    return {
      payout,
      period: periodLabel(payout.periodStart),
      developerName: profile?.organization_name ?? '',
      lines,
      grossMinor: sum(l => l.grossMinor, l => l.kind !== 'REFUND'),
      feesMinor: sum(l => l.feeMinor, l => l.kind !== 'REFUND'),
      refundsMinor: sum(l => l.netMinor, l => l.kind === 'REFUND'),
      carriedMinor: netMinor - sum(l => l.netMinor),
      netMinor,
    };
  }

  csv(s: Statement): string {
    const c = s.payout.currency;
    const rows: string[][] = [
      ['date', 'description', 'kind', 'gross_minor', 'developer_share_bps', 'platform_fee_minor', 'net_minor', 'currency'],
      ...s.lines.map(l => [l.date.toISOString(), l.description, l.kind, String(l.grossMinor), String(l.shareBps), String(l.feeMinor), String(l.netMinor), c]),
      ['', 'Carried from earlier periods', 'CARRIED', '', '', '', String(s.carriedMinor), c],
      ['', `Payout ${s.payout.providerReference ?? s.payout.id}`, 'PAYOUT', String(s.grossMinor), '', String(s.feesMinor), String(s.netMinor), c],
    ];
    return rows.map(cells => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
  }

  /** The statement as a one-document PDF (pdfkit, built-in Helvetica: no font files read). */
  pdf(s: Statement): Promise<Buffer> {
    const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `Plaza payout statement ${s.period}`, Author: 'Plaza' } });
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    const c = s.payout.currency;
    doc.fontSize(16).text(`Payout statement ${s.period}`);
    doc.fontSize(10).moveDown(0.5).text(`Developer: ${s.developerName}`).text(`Payout: ${s.payout.providerReference ?? s.payout.id} (${s.payout.provider})`);
    doc.moveDown();
    for (const l of s.lines) {
      doc.text(`${l.date.toISOString().slice(0, 10)}  ${l.description}  gross ${formatMinor(l.grossMinor, c)}  fee ${formatMinor(l.feeMinor, c)}  net ${formatMinor(l.netMinor, c)}`);
    }
    doc.moveDown();
    doc.text(`Gross: ${formatMinor(s.grossMinor, c)}`);
    doc.text(`Platform fees: ${formatMinor(s.feesMinor, c)}`);
    doc.text(`Refunds reversed: ${formatMinor(s.refundsMinor, c)}`);
    doc.text(`Carried from earlier periods: ${formatMinor(s.carriedMinor, c)}`);
    doc.fontSize(12).text(`Net paid: ${formatMinor(s.netMinor, c)}`);
    doc.end();
    return done;
  }

  /** The manual provider's bank file of a period's payouts (ADMIN). */
  async bankFile(ctx: AuthedContext, period: string): Promise<string> {
    if (!ctx.actor.roles.has(Role.ADMIN)) throw new ForbiddenError('Only an admin can download the bank file');
    if (!this.provider) throw new NotFoundError('Bank file');
    const { start } = parsePeriod(period);
    const rows: Record<string, any>[] = await ctx.manager.query(
      `SELECT p.id, p.amount_minor, p.currency, p.provider_reference, d.organization_name, d.contact_email
         FROM billing_payouts p LEFT JOIN developer_profiles d ON d.user_id = p.developer_id
        WHERE p.period_start = $1 AND p.provider = $2 ORDER BY p.created_at, p.id`,
      [start, this.provider.name],
    );
    return this.provider.bankFile(
      rows.map(r => ({ payoutId: r.id, developerName: r.organization_name ?? '', contactEmail: r.contact_email ?? '', amountMinor: minor(r.amount_minor), currency: r.currency, reference: r.provider_reference })),
    );
  }
}
