import type { DocumentKind, Invoice } from './schema';
import type { InvoiceTotals } from './totals';

/** What a person sees: the stored status refined by due (or valid-until) date and payments. */
export type DisplayStatus =
	| 'draft'
	| 'sent'
	| 'partial'
	| 'overdue'
	| 'paid'
	| 'void'
	| 'accepted'
	| 'declined'
	| 'expired'
	| 'issued';

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
	draft: 'Draft',
	sent: 'Sent',
	partial: 'Partially paid',
	overdue: 'Overdue',
	paid: 'Paid',
	void: 'Void',
	accepted: 'Accepted',
	declined: 'Declined',
	expired: 'Expired',
	issued: 'Issued'
};

/** The statuses each kind of document can show, for the list's filter. */
export const STATUSES_OF_KIND: Record<DocumentKind, DisplayStatus[]> = {
	invoice: ['draft', 'sent', 'partial', 'overdue', 'paid', 'void'],
	quote: ['draft', 'sent', 'accepted', 'declined', 'expired'],
	'credit-note': ['draft', 'issued', 'void']
};

/** `today` is a YYYY-MM-DD date in the user's time zone. */
export function displayStatus(
	invoice: Pick<Invoice, 'status' | 'dueDate' | 'kind'>,
	totals: Pick<InvoiceTotals, 'total' | 'paid' | 'balance'>,
	today: string
): DisplayStatus {
	const { status } = invoice;
	if (status === 'void' || status === 'draft') return status;
	if (status === 'accepted' || status === 'declined') return status;
	// A quote unanswered past the date it is valid until has expired, as an invoice goes overdue.
	if (invoice.kind === 'quote') return invoice.dueDate < today ? 'expired' : 'sent';
	if (invoice.kind === 'credit-note') return 'issued';
	if (status === 'paid' || (totals.balance <= 0 && totals.total > 0)) return 'paid';
	if (invoice.dueDate < today) return 'overdue';
	if (totals.paid > 0) return 'partial';
	return 'sent';
}
