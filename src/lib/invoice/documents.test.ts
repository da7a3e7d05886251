import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../analytics/aggregate';
import { ALL } from '../analytics/period';
import { makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { creditedByInvoice, kindOf, numberFormatOf } from './documents';
import { issuedChangeProblem } from './issue';
import { keyFigures } from './key-figures';
import { toRow } from './list-query';
import { planNumberClashes } from './number-clashes';
import { nextInvoiceNumber } from './numbering';
import { InvoiceSchema } from './schema';
import { displayStatus } from './status';
import { invoiceTotals } from './totals';

const TODAY = '2026-03-20';
const invoice = makeInvoice({
	id: 'inv',
	status: 'sent',
	issueDate: '2026-02-10',
	dueDate: '2026-04-10',
	lines: [makeLine({ unitPrice: 10_000 })]
});
const credit = (amount: number, overrides: Parameters<typeof makeInvoice>[0] = {}) =>
	makeInvoice({
		id: `cn-${amount}`,
		number: `CN-2026-${amount}`,
		kind: 'credit-note',
		credits: 'inv',
		status: 'sent',
		issueDate: '2026-03-05',
		dueDate: '2026-03-05',
		lines: [makeLine({ unitPrice: amount })],
		...overrides
	});
const quote = makeInvoice({
	id: 'quo',
	number: 'QUO-2026-0001',
	kind: 'quote',
	status: 'sent',
	issueDate: '2026-03-01',
	dueDate: '2026-03-31',
	lines: [makeLine({ unitPrice: 50_000 })]
});

describe('document kinds', () => {
	it('old records have no kind and read as invoices, unchanged', () => {
		const old = makeInvoice();
		expect('kind' in old).toBe(false);
		expect(v.parse(InvoiceSchema, old)).toEqual(old);
		expect(kindOf(old)).toBe('invoice');
	});

	it('each kind has its own number series', () => {
		const profile = makeProfile();
		const used = ['INV-2026-0007', 'QUO-2026-0002', 'CN-2026-0001'];
		const next = (kind: 'invoice' | 'quote' | 'credit-note') =>
			nextInvoiceNumber(numberFormatOf(profile, kind), TODAY, used);
		expect(next('invoice')).toBe('INV-2026-0008');
		expect(next('quote')).toBe('QUO-2026-0003');
		expect(next('credit-note')).toBe('CN-2026-0002');
		expect(numberFormatOf(makeProfile({ quoteNumberFormat: 'Q{SEQ}' }), 'quote')).toBe('Q{SEQ}');
	});

	it('a clashing quote draft is renumbered in the quote series', () => {
		const profile = makeProfile();
		const numbered = (id: string, kind?: 'quote') => ({
			id,
			number: 'QUO-2026-0001',
			status: 'draft',
			issueDate: TODAY,
			createdAt: id,
			deleted: false,
			...(kind ? { kind } : {})
		});
		const plan = planNumberClashes([numbered('a', 'quote'), numbered('b', 'quote')], (kind) =>
			numberFormatOf(profile, kind)
		);
		expect(plan.renumber).toEqual([{ id: 'b', from: 'QUO-2026-0001', to: 'QUO-2026-0002' }]);
	});
});

describe('credit notes', () => {
	it('reduce the balance of the invoice they credit; beyond it they become credit', () => {
		const credited = creditedByInvoice([invoice, credit(3_000), credit(2_000)]);
		expect(credited.get('inv')).toBe(5_000);
		expect(invoiceTotals(invoice, 5_000)).toMatchObject({ total: 10_000, balance: 5_000 });
		expect(invoiceTotals(invoice, 12_000)).toMatchObject({ balance: 0, credit: 2_000 });
	});

	it('only issued credit notes count (not drafts, not void, not deleted)', () => {
		const notes = [
			credit(1, { status: 'draft' }),
			credit(2, { status: 'void' }),
			credit(4, { deleted: true }),
			credit(8)
		];
		expect(creditedByInvoice(notes).get('inv')).toBe(8);
	});

	it('property: balance + credit settle the total less payments and credit notes', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 1_000_000 }),
				fc.integer({ min: 0, max: 1_000_000 }),
				fc.integer({ min: 0, max: 1_000_000 }),
				(price, paid, credited) => {
					const inv = makeInvoice({
						lines: [makeLine({ unitPrice: price })],
						payments: paid ? [{ id: 'p', date: TODAY, amount: paid, note: '' }] : []
					});
					const t = invoiceTotals(inv, credited);
					expect(t.balance).toBeGreaterThanOrEqual(0);
					expect(t.credit).toBeGreaterThanOrEqual(0);
					expect(t.balance - t.credit).toBe(t.total - paid - credited);
				}
			)
		);
	});

	it('count as negative revenue in the month they are issued; never as outstanding', () => {
		const [usd] = aggregate([invoice, credit(3_000)], { range: ALL, today: TODAY });
		expect(usd!.revenue).toBe(7_000);
		expect(usd!.byMonth).toEqual([
			{ month: '2026-02', revenue: 10_000 },
			{ month: '2026-03', revenue: -3_000 }
		]);
		expect(usd!.outstanding).toBe(7_000);
		expect(usd!.issuedCount).toBe(1);
		expect(usd!.byClient[0]!.revenue).toBe(7_000);
	});

	it('key figures take them off this month and the invoice off outstanding', () => {
		const credited = creditedByInvoice([invoice, credit(3_000)]);
		const rows = [invoice, credit(3_000)].map((i) => toRow(i, TODAY, credited.get(i.id)));
		expect(keyFigures(rows, TODAY)).toEqual([
			{ currency: 'USD', outstanding: 7_000, overdue: 0, thisMonth: -3_000 }
		]);
	});

	it('an issued credit note never changes', () => {
		const issued = credit(3_000, { issued: undefined });
		expect(issuedChangeProblem(issued, { ...issued, lines: [] })).toBe('edited');
		expect(issuedChangeProblem(issued, null)).toBe('deleted');
	});
});

describe('quotes', () => {
	it('never count: not in analytics, not in key figures', () => {
		expect(aggregate([quote], { range: ALL, today: TODAY })).toEqual([]);
		expect(keyFigures([toRow(quote, TODAY)], TODAY)).toEqual([]);
	});

	it('are sent, accepted, declined, or expired after their valid-until date', () => {
		const status = (q: typeof quote, today = TODAY) => displayStatus(q, invoiceTotals(q), today);
		expect(status(quote)).toBe('sent');
		expect(status(quote, '2026-04-01')).toBe('expired');
		expect(status({ ...quote, status: 'accepted' }, '2026-04-01')).toBe('accepted');
		expect(status({ ...quote, status: 'declined' })).toBe('declined');
		expect(status({ ...quote, status: 'draft' })).toBe('draft');
	});

	it('a sent quote may be accepted and converted, never edited', () => {
		const accepted = { ...quote, status: 'accepted' as const, convertedTo: 'inv' };
		expect(issuedChangeProblem(quote, accepted)).toBeNull();
		expect(issuedChangeProblem(quote, { ...quote, notes: 'changed' })).toBe('edited');
	});
});
