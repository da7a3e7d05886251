import { toCsv } from './csv';
import type { InvoiceRow } from './list-query';
import { minorToDecimalString } from './money';
import { DISPLAY_STATUS_LABELS } from './status';

/** One row per invoice, amounts as plain decimals in the invoice's currency. */
export function invoicesCsv(rows: readonly InvoiceRow[]): string {
	return toCsv(
		[
			'Number',
			'Client',
			'Issue date',
			'Due date',
			'Currency',
			'Subtotal',
			'Discount',
			'Tax',
			'Total',
			'Paid',
			'Balance',
			'Credit',
			'Status'
		],
		rows.map(({ invoice, totals, status }) => {
			const money = (minor: number) => minorToDecimalString(minor, invoice.currency);
			return [
				invoice.number,
				invoice.clientName,
				invoice.issueDate,
				invoice.dueDate,
				invoice.currency,
				money(totals.subtotal),
				money(totals.discount),
				money(totals.taxTotal),
				money(totals.total),
				money(totals.paid),
				money(totals.balance),
				money(totals.credit),
				DISPLAY_STATUS_LABELS[status]
			];
		})
	);
}
