import { toCsv } from './csv';
import { KIND_WORDS } from './documents';
import type { InvoiceRow } from './list-query';
import { minorToDecimalString } from './money';
import { DISPLAY_STATUS_LABELS } from './status';

/**
 * One row per document, amounts as plain decimals in its currency; the last column says what
 * it is (invoice, quote, credit note). A credit note's amounts are positive, as printed.
 */
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
			'Status',
			'Document'
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
				DISPLAY_STATUS_LABELS[status],
				KIND_WORDS[invoice.kind ?? 'invoice'].title
			];
		})
	);
}
