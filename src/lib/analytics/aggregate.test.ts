import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice, makeLine } from '../testing/factories';
import { aggregate, isQuiet } from './aggregate';
import { ALL, periodRange } from './period';

const TODAY = '2026-11-22';
const NOVEMBER = periodRange('this-month', TODAY);

describe('periodRange', () => {
	it('knows months, quarters and years, including their edges', () => {
		expect(periodRange('this-month', '2026-02-14')).toEqual({
			from: '2026-02-01',
			to: '2026-02-28'
		});
		expect(periodRange('last-month', '2026-01-05')).toEqual({
			from: '2025-12-01',
			to: '2025-12-31'
		});
		expect(periodRange('this-quarter', '2026-11-22')).toEqual({
			from: '2026-10-01',
			to: '2026-12-31'
		});
		expect(periodRange('this-year', '2026-11-22')).toEqual({
			from: '2026-01-01',
			to: '2026-12-31'
		});
		expect(periodRange('all-time', TODAY)).toEqual(ALL);
	});
});

describe('aggregate', () => {
	const usd = (id: string, overrides: Parameters<typeof makeInvoice>[0] = {}) =>
		makeInvoice({
			id,
			currency: 'USD',
			status: 'sent',
			issueDate: '2026-11-02',
			dueDate: '2026-12-02',
			...overrides
		});

	it('revenue, collected, outstanding and overdue, by hand', () => {
		const invoices = [
			// $100, half paid in November: outstanding 50.
			usd('a', { payments: [{ id: 'p', date: '2026-11-10', amount: 5000, note: '' }] }),
			// $100, overdue since Nov 12.
			usd('b', { dueDate: '2026-11-12' }),
			// Void and draft never count as issued.
			usd('c', { status: 'void' }),
			usd('d', { status: 'draft' }),
			// Issued in October, paid in November: collected counts, revenue does not.
			usd('e', {
				issueDate: '2026-10-20',
				status: 'paid',
				payments: [{ id: 'q', date: '2026-11-01', amount: 10000, note: '' }]
			}),
			// A credit line: 2 × $100 − 1 × $30.
			usd('f', {
				lines: [
					makeLine({ id: '1', quantity: 2 }),
					makeLine({ id: '2', quantity: -1, unitPrice: 3000 })
				]
			})
		];
		const [figures] = aggregate(invoices, { range: NOVEMBER, today: TODAY });
		expect(figures).toMatchObject({
			currency: 'USD',
			issuedCount: 3,
			revenue: 10000 + 10000 + 17000,
			collected: 5000 + 10000,
			outstanding: 5000 + 10000 + 17000,
			overdue: 10000
		});
		expect(figures!.ageing.find((a) => a.bucket === '0–30')).toEqual({
			bucket: '0–30',
			count: 1,
			amount: 10000
		});
		expect(figures!.byStatus.find((s) => s.status === 'draft')?.count).toBe(1);
	});

	it('keeps currencies apart, with JPY in whole yen', () => {
		const result = aggregate(
			[
				usd('a'),
				makeInvoice({
					id: 'j',
					currency: 'JPY',
					status: 'sent',
					issueDate: '2026-11-03',
					lines: [makeLine({ unitPrice: 12345 })]
				})
			],
			{ range: NOVEMBER, today: TODAY }
		);
		expect(result.map((f) => [f.currency, f.revenue])).toEqual([
			['JPY', 12345],
			['USD', 10000]
		]);
	});

	it('ages open invoices by days past due, and averages days to pay', () => {
		const invoices = [
			usd('a', { issueDate: '2026-06-01', dueDate: '2026-07-01' }),
			usd('b', { issueDate: '2026-09-01', dueDate: '2026-10-01' }),
			usd('c', {
				issueDate: '2026-09-01',
				status: 'paid',
				payments: [{ id: 'p', date: '2026-09-11', amount: 10000, note: '' }]
			}),
			usd('d', {
				issueDate: '2026-09-01',
				payments: [{ id: 'p', date: '2026-09-21', amount: 10000, note: '' }]
			})
		];
		const [figures] = aggregate(invoices, { range: ALL, today: TODAY });
		expect(figures!.ageing.map((a) => [a.bucket, a.count])).toEqual([
			['Not yet due', 0],
			['0–30', 0],
			['31–60', 1],
			['61–90', 0],
			['90+', 1]
		]);
		expect(figures!.averageDaysToPay).toBe(15);
	});

	it('calls a currency quiet when nothing was dated or paid in the period', () => {
		const quiet = (invoices: ReturnType<typeof usd>[]) =>
			isQuiet(aggregate(invoices, { range: NOVEMBER, today: TODAY })[0]!);
		expect(quiet([usd('a', { issueDate: '2026-10-02' })])).toBe(true);
		// A draft dated in the period is an invoice in it, though not revenue.
		expect(quiet([usd('a', { status: 'draft' })])).toBe(false);
		// So is money received in it for an older invoice.
		expect(
			quiet([
				usd('a', {
					issueDate: '2026-10-02',
					payments: [{ id: 'p', date: '2026-11-03', amount: 100, note: '' }]
				})
			])
		).toBe(false);
	});

	it('counts an invoice issued on the last day of the period, not the day after', () => {
		const edge = [usd('in', { issueDate: '2026-11-30' }), usd('out', { issueDate: '2026-12-01' })];
		expect(aggregate(edge, { range: NOVEMBER, today: TODAY })[0]!.issuedCount).toBe(1);
	});

	it('per-client revenue and outstanding add up to the totals (property)', () => {
		const invoiceArb = fc.record({
			client: fc.constantFrom('c1', 'c2', 'c3'),
			status: fc.constantFrom('draft' as const, 'sent' as const, 'paid' as const, 'void' as const),
			day: fc.integer({ min: 1, max: 28 }),
			price: fc.integer({ min: -50_000, max: 500_000 }),
			paid: fc.integer({ min: 0, max: 500_000 })
		});
		fc.assert(
			fc.property(fc.array(invoiceArb, { maxLength: 30 }), (specs) => {
				const invoices = specs.map((s, i) =>
					usd(`i${i}`, {
						clientId: s.client,
						clientName: s.client,
						status: s.status,
						issueDate: `2026-11-${String(s.day).padStart(2, '0')}`,
						lines: [makeLine({ unitPrice: s.price })],
						payments: s.paid ? [{ id: 'p', date: '2026-11-15', amount: s.paid, note: '' }] : []
					})
				);
				for (const figures of aggregate(invoices, { range: NOVEMBER, today: TODAY })) {
					const sum = (key: 'revenue' | 'outstanding') =>
						figures.byClient.reduce((total, c) => total + c[key], 0);
					expect(sum('revenue')).toBe(figures.revenue);
					expect(sum('outstanding')).toBe(figures.outstanding);
					expect(figures.byMonth.reduce((t, m) => t + m.revenue, 0)).toBe(figures.revenue);
					expect(figures.ageing.reduce((t, a) => t + a.amount, 0)).toBe(figures.outstanding);
				}
			})
		);
	});
});
