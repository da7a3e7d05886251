import type { Invoice, LineItem } from './schema';
import { mulDivRound } from './money';

/** Quantities and percentages become integers before any money math. */
const QUANTITY_SCALE = 1000;
const PERCENT_SCALE = 100 * 1000;

export interface LineTotal {
	/** quantity × unit price, before the line discount. */
	gross: number;
	lineDiscount: number;
	/** gross − line discount. */
	net: number;
}

export interface TaxGroup {
	rate: number;
	/** The saved rate's name ("VAT 19%") a line at this rate came from, if any. */
	name?: string;
	/** Net of the lines at this rate after their share of the invoice discount, without tax. */
	base: number;
	tax: number;
}

export interface InvoiceTotals {
	lines: LineTotal[];
	subtotal: number;
	discount: number;
	taxes: TaxGroup[];
	taxTotal: number;
	/** The prices include the tax: it is part of the subtotal, not added to it. */
	taxIncluded: boolean;
	total: number;
	paid: number;
	/** What issued credit notes take off this invoice (invoice/documents.ts). */
	credited: number;
	/** What is still owed: total − credited − paid, or zero once those cover the total. */
	balance: number;
	/** What was paid beyond the total, owed back to the client: never shown as a negative balance. */
	credit: number;
}

export function lineTotal(
	line: Pick<LineItem, 'quantity' | 'unitPrice' | 'discountPercent'>
): LineTotal {
	const gross = mulDivRound(
		Math.round(line.quantity * QUANTITY_SCALE),
		line.unitPrice,
		QUANTITY_SCALE
	);
	const lineDiscount = mulDivRound(gross, Math.round(line.discountPercent * 1000), PERCENT_SCALE);
	return { gross, lineDiscount, net: gross - lineDiscount };
}

/**
 * Splits `amount` across `weights` in proportion, with the largest-remainder method so the
 * shares always add up to exactly `amount`.
 */
export function allocate(amount: number, weights: number[]): number[] {
	const totalWeight = weights.reduce((sum, w) => sum + w, 0);
	if (weights.length === 0) return [];
	if (totalWeight === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
	if (amount === 0) return weights.map(() => 0);
	const big = BigInt(amount);
	const bigTotal = BigInt(totalWeight);
	const shares = weights.map((w) => (big * BigInt(w)) / bigTotal);
	const remainders = weights.map((w, i) => ({
		i,
		r: big * BigInt(w) - (shares[i] as bigint) * bigTotal
	}));
	let left = big - shares.reduce((s, x) => s + x, 0n);
	const step = left < 0n ? -1n : 1n;
	const abs = (x: bigint) => (x < 0n ? -x : x);
	remainders.sort((a, b) => (abs(b.r) > abs(a.r) ? 1 : abs(b.r) < abs(a.r) ? -1 : a.i - b.i));
	for (let k = 0; left !== 0n; k = (k + 1) % remainders.length) {
		const index = (remainders[k] as { i: number }).i;
		shares[index] = (shares[index] as bigint) + step;
		left -= step;
	}
	return shares.map(Number);
}

/** Each line's share of the invoice discount, in proportion to its net; they add up to it. */
export function discountShares(totals: Pick<InvoiceTotals, 'lines' | 'discount'>): number[] {
	return allocate(
		totals.discount,
		totals.lines.map((l) => l.net)
	);
}

/** The tax in `amount` at `rate`: on it, or (prices with tax) inside it. Rounded once. */
function taxOf(amount: number, rate: number, included: boolean): number {
	const scaled = Math.round(rate * 1000);
	if (!included) return mulDivRound(amount, scaled, PERCENT_SCALE);
	return amount - mulDivRound(amount, PERCENT_SCALE, PERCENT_SCALE + scaled);
}

/**
 * Computes every figure of an invoice. Each line is rounded on its own; the invoice discount
 * is shared across lines in proportion to their net; tax is rounded once per rate. With
 * prices that include tax, the same steps run on the gross prices and each rate's tax is
 * taken out of its amount, so the total is exactly what was entered (docs/money.md).
 * `credited` is the total of the credit notes issued against it.
 */
export function invoiceTotals(
	invoice: Pick<Invoice, 'lines' | 'discount' | 'payments' | 'pricesIncludeTax'>,
	credited = 0
): InvoiceTotals {
	const taxIncluded = invoice.pricesIncludeTax === true;
	const lines = invoice.lines.map(lineTotal);
	const subtotal = lines.reduce((sum, l) => sum + l.net, 0);
	const discount =
		lines.length === 0
			? 0
			: invoice.discount.kind === 'percent'
				? mulDivRound(subtotal, Math.round(invoice.discount.value * 1000), PERCENT_SCALE)
				: invoice.discount.value;
	const shares = discountShares({ lines, discount });
	const groups = new Map<number, { amount: number; name?: string }>();
	invoice.lines.forEach((line, i) => {
		const taxable = (lines[i] as LineTotal).net - (shares[i] as number);
		const group = groups.get(line.taxRate) ?? { amount: 0 };
		group.amount += taxable;
		group.name ??= line.taxName || undefined;
		groups.set(line.taxRate, group);
	});
	const taxes = [...groups.entries()]
		.sort(([a], [b]) => a - b)
		.map(([rate, { amount, name }]) => {
			const tax = taxOf(amount, rate, taxIncluded);
			const base = taxIncluded ? amount - tax : amount;
			return name ? { rate, name, base, tax } : { rate, base, tax };
		});
	const taxTotal = taxes.reduce((sum, g) => sum + g.tax, 0);
	const total = subtotal - discount + (taxIncluded ? 0 : taxTotal);
	const paid = invoice.payments.reduce((sum, p) => sum + p.amount, 0);
	const owed = total - credited - paid;
	return {
		lines,
		subtotal,
		discount,
		taxes,
		taxTotal,
		taxIncluded,
		total,
		paid,
		credited,
		balance: Math.max(0, owed),
		credit: Math.max(0, -owed)
	};
}

/** How much of a payment of `amount` goes beyond the balance due and becomes credit. */
export function creditFrom(totals: Pick<InvoiceTotals, 'balance'>, amount: number): number {
	return Math.max(0, amount - totals.balance);
}
