import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, creditFrom, invoiceTotals, type TaxGroup } from './totals';
import { makeLine } from '../testing/factories';
import type { LineItem } from './schema';

describe('invoiceTotals', () => {
	it('computes lines, discount, tax per rate and balance', () => {
		const totals = invoiceTotals({
			lines: [
				makeLine({ quantity: 2, unitPrice: 1000, taxRate: 20 }),
				makeLine({ quantity: 1.5, unitPrice: 333, taxRate: 20, discountPercent: 10 }),
				makeLine({ quantity: 1, unitPrice: 500, taxRate: 0 })
			],
			discount: { kind: 'percent', value: 10 },
			payments: [{ id: 'p', date: '2026-01-01', amount: 1000, note: '' }]
		});
		// 2000; 499.5→500, −50 → 450; 500
		expect(totals.lines.map((l) => l.net)).toEqual([2000, 450, 500]);
		expect(totals.subtotal).toBe(2950);
		expect(totals.discount).toBe(295);
		// discount shares: 2000/2950·295=200, 450→45, 500→50
		expect(totals.taxes).toEqual([
			{ rate: 0, base: 450, tax: 0 },
			{ rate: 20, base: 2205, tax: 441 }
		]);
		expect(totals.total).toBe(2950 - 295 + 441);
		expect(totals.balance).toBe(totals.total - 1000);
		expect(totals.credit).toBe(0);
	});

	it('shows what was paid beyond the total as credit, and no balance due', () => {
		const totals = invoiceTotals({
			lines: [makeLine({ quantity: 1, unitPrice: 10000 })],
			discount: { kind: 'percent', value: 0 },
			payments: [
				{ id: 'a', date: '2026-01-01', amount: 6000, note: '' },
				{ id: 'b', date: '2026-01-02', amount: 6000, note: '', method: 'cash' }
			]
		});
		expect(totals).toMatchObject({ total: 10000, paid: 12000, balance: 0, credit: 2000 });
	});

	it('tells how much of a new payment would become credit', () => {
		const totals = invoiceTotals({
			lines: [makeLine({ quantity: 1, unitPrice: 10000 })],
			discount: { kind: 'percent', value: 0 },
			payments: [{ id: 'a', date: '2026-01-01', amount: 4000, note: '' }]
		});
		expect(creditFrom(totals, 6000)).toBe(0);
		expect(creditFrom(totals, 6001)).toBe(1);
		// Already paid in full: all of it.
		expect(creditFrom({ balance: 0 }, 300)).toBe(300);
	});

	it('handles zero-decimal currencies and credit lines', () => {
		const totals = invoiceTotals({
			lines: [
				makeLine({ quantity: 3, unitPrice: 1000 }),
				makeLine({ quantity: -1, unitPrice: 500 })
			],
			discount: { kind: 'amount', value: 100 },
			payments: []
		});
		expect(totals.subtotal).toBe(2500);
		expect(totals.total).toBe(2400);
	});

	it('takes tax out of prices that include it: the total is what was entered', () => {
		const totals = invoiceTotals({
			lines: [makeLine({ quantity: 8, unitPrice: 10000, taxRate: 19 })],
			discount: { kind: 'percent', value: 0 },
			payments: [],
			pricesIncludeTax: true
		});
		// 80000 / 1.19 = 67226.89 → 67227 net; the tax is the rest.
		expect(totals.taxes).toEqual([{ rate: 19, base: 67227, tax: 12773 }]);
		expect(totals).toMatchObject({ subtotal: 80000, taxTotal: 12773, total: 80000 });
		expect(totals.taxIncluded).toBe(true);
	});

	it('names a rate’s tax after the saved rate its lines came from', () => {
		const totals = invoiceTotals({
			lines: [makeLine({ taxRate: 19 }), makeLine({ taxRate: 19, taxName: 'VAT 19%' })],
			discount: { kind: 'percent', value: 0 },
			payments: []
		});
		expect(totals.taxes[0]?.name).toBe('VAT 19%');
	});

	it('rounds tax half away from zero once per rate', () => {
		const totals = invoiceTotals({
			lines: [makeLine({ unitPrice: 5, taxRate: 10 }), makeLine({ unitPrice: 5, taxRate: 10 })],
			discount: { kind: 'percent', value: 0 },
			payments: []
		});
		expect(totals.taxes).toEqual([{ rate: 10, base: 10, tax: 1 }]);
	});
});

const lineArb: fc.Arbitrary<LineItem> = fc.record({
	id: fc.constant('l'),
	description: fc.string(),
	quantity: fc.integer({ min: -5000, max: 1_000_000 }).map((q) => q / 1000),
	unitPrice: fc.integer({ min: -1_000_000, max: 100_000_000 }),
	taxRate: fc.constantFrom(0, 5, 7.5, 19, 20, 21, 100),
	discountPercent: fc.integer({ min: 0, max: 100_000 }).map((d) => d / 1000)
});

const discountArb = fc.oneof(
	fc.record({ kind: fc.constant('percent' as const), value: fc.integer({ min: 0, max: 100 }) }),
	fc.record({ kind: fc.constant('amount' as const), value: fc.integer({ min: 0, max: 1_000_000 }) })
);

describe('invoiceTotals properties', () => {
	it('totals always equal the sum of their parts', () => {
		fc.assert(
			fc.property(fc.array(lineArb, { maxLength: 30 }), discountArb, (lines, discount) => {
				const t = invoiceTotals({ lines, discount, payments: [] });
				for (const value of [t.subtotal, t.discount, t.taxTotal, t.total]) {
					expect(Number.isSafeInteger(value)).toBe(true);
				}
				expect(t.subtotal).toBe(t.lines.reduce((s, l) => s + l.net, 0));
				for (const l of t.lines) expect(l.net).toBe(l.gross - l.lineDiscount);
				expect(t.taxes.reduce((s, g) => s + g.base, 0)).toBe(t.subtotal - t.discount);
				expect(t.taxTotal).toBe(t.taxes.reduce((s, g) => s + g.tax, 0));
				expect(t.total).toBe(t.subtotal - t.discount + t.taxTotal);
			})
		);
	});

	it('paid is the sum of the payments; balance due and credit are never negative and never both', () => {
		const paymentArb = fc.record({
			id: fc.constant('p'),
			date: fc.constant('2026-01-01'),
			amount: fc.integer({ min: 1, max: 1e9 }),
			note: fc.constant('')
		});
		fc.assert(
			fc.property(
				fc.array(lineArb, { maxLength: 10 }),
				discountArb,
				fc.array(paymentArb, { maxLength: 10 }),
				fc.integer({ min: 1, max: 1e9 }),
				(lines, discount, payments, next) => {
					const t = invoiceTotals({ lines, discount, payments });
					expect(t.paid).toBe(payments.reduce((sum, p) => sum + p.amount, 0));
					expect(t.balance).toBeGreaterThanOrEqual(0);
					expect(t.credit).toBeGreaterThanOrEqual(0);
					expect(Math.min(t.balance, t.credit)).toBe(0);
					expect(t.balance - t.credit).toBe(t.total - t.paid);
					// Whatever a new payment would add as credit is exactly what it makes.
					const after = invoiceTotals({
						lines,
						discount,
						payments: [...payments, { id: 'n', date: '2026-01-02', amount: next, note: '' }]
					});
					expect(after.credit - t.credit).toBe(creditFrom(t, next));
				}
			)
		);
	});

	it('prices with tax included total exactly the gross entered, split into base and tax', () => {
		fc.assert(
			fc.property(fc.array(lineArb, { maxLength: 30 }), discountArb, (lines, discount) => {
				const gross = invoiceTotals({ lines, discount, payments: [], pricesIncludeTax: true });
				expect(gross.total).toBe(gross.subtotal - gross.discount);
				for (const g of gross.taxes) expect(Number.isSafeInteger(g.base + g.tax)).toBe(true);
				expect(gross.taxes.reduce((s, g) => s + g.base + g.tax, 0)).toBe(gross.total);
			})
		);
	});

	it('tax-exclusive and tax-inclusive round-trip: the same invoice either way', () => {
		/** Each rate's lines as one line priced at that rate's net or gross. */
		const perRate = (taxes: TaxGroup[], price: (g: TaxGroup) => number) =>
			taxes.map((g) => makeLine({ id: `r${g.rate}`, unitPrice: price(g), taxRate: g.rate }));
		const none = { kind: 'percent' as const, value: 0 };
		fc.assert(
			fc.property(
				fc.array(lineArb, { maxLength: 30 }),
				discountArb,
				fc.boolean(),
				(lines, discount, inclusive) => {
					const start = invoiceTotals({
						lines,
						discount,
						payments: [],
						pricesIncludeTax: inclusive
					});
					// Exclusive → inclusive is exact: the gross of each rate gives back its base and tax.
					const net = inclusive
						? invoiceTotals({
								lines: perRate(start.taxes, (g) => g.base),
								discount: none,
								payments: []
							})
						: start;
					const gross = invoiceTotals({
						lines: perRate(net.taxes, (g) => g.base + g.tax),
						discount: none,
						payments: [],
						pricesIncludeTax: true
					});
					expect(gross.taxes).toEqual(net.taxes);
					expect(gross.total).toBe(net.total);
					// Inclusive → exclusive keeps every base; a gross no net amount's tax reaches (3 at
					// 100 %) ends up at most one minor unit away.
					if (inclusive) {
						expect(net.taxes.map((g) => g.base)).toEqual(start.taxes.map((g) => g.base));
						for (const [i, g] of net.taxes.entries())
							expect(Math.abs(g.tax - start.taxes[i]!.tax)).toBeLessThanOrEqual(1);
					}
				}
			)
		);
	});

	it('allocate always hands out exactly the amount', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: -1e9, max: 1e9 }),
				fc.array(fc.integer({ min: -1e6, max: 1e9 }), { minLength: 1, maxLength: 20 }),
				(amount, weights) => {
					expect(allocate(amount, weights).reduce((s, x) => s + x, 0)).toBe(amount);
				}
			)
		);
	});
});
