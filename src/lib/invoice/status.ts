import type { Invoice } from './schema';
import type { InvoiceTotals } from './totals';

/** What a person sees: the stored status refined by due date and payments. */
export type DisplayStatus = 'draft' | 'sent' | 'partial' | 'overdue' | 'paid' | 'void';

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
	draft: 'Draft',
	sent: 'Sent',
	partial: 'Partially paid',
	overdue: 'Overdue',
	paid: 'Paid',
	void: 'Void'
};

/** `today` is a YYYY-MM-DD date in the user's time zone. */
export function displayStatus(
	invoice: Pick<Invoice, 'status' | 'dueDate'>,
	totals: Pick<InvoiceTotals, 'total' | 'paid' | 'balance'>,
	today: string
): DisplayStatus {
	if (invoice.status === 'void' || invoice.status === 'draft') return invoice.status;
	if (invoice.status === 'paid' || (totals.balance <= 0 && totals.total > 0)) return 'paid';
	if (invoice.dueDate < today) return 'overdue';
	if (totals.paid > 0) return 'partial';
	return 'sent';
}
