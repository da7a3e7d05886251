import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Invoice, LineItem } from '../invoice/schema';
import { invoiceTotals } from '../invoice/totals';
import type { VatCategory } from '../invoice/vat-category';
import { makeInvoice, makeLine } from '../testing/factories';
import { SAMPLES } from '../testing/einvoice-samples';
import { einvoiceModel, vatIdOf } from './model';

const UNTAXED: VatCategory[] = ['Z', 'E', 'AE', 'K', 'G'];

const lineArb: fc.Arbitrary<LineItem> = fc
	.record({
		quantity: fc.integer({ min: 0, max: 200_000 }).map((q) => q / 1000),
		unitPrice: fc.integer({ min: 0, max: 5_000_000 }),
		taxRate: fc.constantFrom(0, 5.5, 7, 19, 20),
		untaxed: fc.constantFrom(...UNTAXED),
		discountPercent: fc.integer({ min: 0, max: 100_000 }).map((p) => p / 1000)
	})
	.map(({ untaxed, ...line }) =>
		makeLine({
			...line,
			...(line.taxRate === 0 ? { taxCategory: untaxed, taxExemption: 'Exempt' } : {})
		})
	);

const invoiceArb: fc.Arbitrary<Invoice> = fc
	.record({
		lines: fc.array(lineArb, { minLength: 1, maxLength: 8 }),
		discount: fc.oneof(
			fc
				.integer({ min: 0, max: 100_000 })
				.map((p) => ({ kind: 'percent' as const, value: p / 1000 })),
			fc.integer({ min: 0, max: 1_000_000 }).map((v) => ({ kind: 'amount' as const, value: v }))
		),
		pricesIncludeTax: fc.boolean()
	})
	.map(({ lines: drawn, discount, pricesIncludeTax }) => {
		const lines = drawn.map((line, i) => ({ ...line, id: `l${i}` }));
		const subtotal = invoiceTotals({
			lines,
			discount: { kind: 'percent', value: 0 },
			payments: []
		}).subtotal;
		// The editor refuses a discount larger than the subtotal.
		const fitting =
			discount.kind === 'amount'
				? { ...discount, value: Math.min(discount.value, subtotal) }
				: discount;
		return makeInvoice({ currency: 'EUR', lines, discount: fitting, pricesIncludeTax });
	});

/** The invoice between the first sample's parties. */
function source(invoice: Invoice) {
	const { seller, buyer } = SAMPLES[0]!.invoice.issued!;
	return { invoice, seller, buyer, payment: undefined, credited: undefined };
}

describe('the EN 16931 model of any invoice', () => {
	it('adds up as EN 16931 wants, to exactly the totals the PDF prints', () => {
		fc.assert(
			fc.property(invoiceArb, (invoice) => {
				const totals = invoiceTotals(invoice);
				const model = einvoiceModel(source(invoice), 2);
				const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
				// BR-CO-10, BR-CO-11, BR-CO-13, BR-CO-14, BR-CO-15.
				expect(model.totals.lines).toBe(sum(model.lines.map((l) => l.net)));
				expect(model.totals.allowances).toBe(sum(model.groups.map((g) => g.allowance)));
				expect(model.totals.taxBasis).toBe(model.totals.lines - model.totals.allowances);
				expect(model.totals.tax).toBe(sum(model.groups.map((g) => g.tax)));
				expect(model.totals.grand).toBe(totals.total);
				expect(model.totals.tax).toBe(totals.taxTotal);
				for (const group of model.groups) {
					// BR-S-08 and its siblings: a group's base is its lines less its allowance.
					const lines = model.lines.filter(
						(l) => l.category === group.category && l.rate === group.rate
					);
					expect(group.base).toBe(sum(lines.map((l) => l.net)) - group.allowance);
					if (group.category === 'S')
						expect(group.base).toBe(totals.taxes.find((t) => t.rate === group.rate)?.base);
					else expect(group.tax).toBe(0);
				}
				for (const line of model.lines) {
					expect(line.net).toBeGreaterThanOrEqual(0);
					expect(line.allowance).toBeGreaterThanOrEqual(0);
					expect(Number(line.price)).toBeGreaterThanOrEqual(0);
				}
			}),
			{ numRuns: 300 }
		);
	});
});

describe('tax IDs', () => {
	it('takes a value with a country prefix as a VAT ID, anything else as a tax number', () => {
		expect(vatIdOf('de 123 456 789')).toBe('DE123456789');
		expect(vatIdOf('EL123456789')).toBe('EL123456789');
		expect(vatIdOf('12/345/67890')).toBeUndefined();
		expect(vatIdOf('')).toBeUndefined();
	});
});
