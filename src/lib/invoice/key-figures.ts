/**
 * The three figures on the Invoices page, per currency, from the rows the list already has
 * (so the Analytics code stays out of the first load). A currency whose three figures are all
 * zero says nothing, so it is left out. Pure.
 */
import type { InvoiceRow } from './list-query';

export interface KeyFigures {
	currency: string;
	outstanding: number;
	overdue: number;
	/**
	 * Totals of invoices issued (not drafts, not void) and dated this calendar month, less the
	 * credit notes issued this month. Quotes never count.
	 */
	thisMonth: number;
}

export function keyFigures(rows: readonly InvoiceRow[], today: string): KeyFigures[] {
	const month = today.slice(0, 7);
	const byCurrency = new Map<string, KeyFigures>();
	for (const { invoice, totals, status } of rows) {
		if (status === 'draft' || status === 'void' || invoice.kind === 'quote') continue;
		const figures = byCurrency.get(invoice.currency) ?? {
			currency: invoice.currency,
			outstanding: 0,
			overdue: 0,
			thisMonth: 0
		};
		const sign = invoice.kind === 'credit-note' ? -1 : 1;
		const open = status === 'paid' || sign < 0 ? 0 : totals.balance;
		figures.outstanding += open;
		if (status === 'overdue') figures.overdue += open;
		if (invoice.issueDate.startsWith(month)) figures.thisMonth += sign * totals.total;
		byCurrency.set(invoice.currency, figures);
	}
	return [...byCurrency.values()]
		.filter((f) => f.outstanding > 0 || f.thisMonth !== 0)
		.sort((a, b) => a.currency.localeCompare(b.currency));
}
