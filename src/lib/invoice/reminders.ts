/**
 * Which overdue invoices are due for a reminder, and how many went out: the Invoices page shows
 * the list at once; the messages themselves (invoice/messages.ts) load when one is sent. Pure.
 */
import { daysBetween } from '../platform/clock';
import type { InvoiceRow } from './list-query';
import type { Invoice } from './schema';

/** Days overdue at which a reminder is due: the first, the second, the third. */
export const DEFAULT_REMINDER_DAYS = [7, 14, 30];

/** How many reminders an invoice's log says went out. */
export function remindersSent(invoice: Pick<Invoice, 'activity'>): number {
	return (invoice.activity ?? []).filter((entry) => entry.kind === 'reminder-sent').length;
}

/**
 * Whether an invoice `daysOverdue` days past due, with `sent` reminders out, is due for the
 * next one: the n-th reminder is due from the n-th day in `reminderDays`.
 */
export function reminderDue(daysOverdue: number, sent: number, reminderDays: readonly number[]) {
	const next = reminderDays[sent];
	return next !== undefined && daysOverdue >= next;
}

/** Overdue invoices whose next reminder is due today, the longest overdue first. */
export function dueForReminder(
	rows: readonly InvoiceRow[],
	today: string,
	reminderDays: readonly number[]
): { row: InvoiceRow; daysOverdue: number; reminder: number }[] {
	return rows
		.filter((row) => row.status === 'overdue')
		.map((row) => ({
			row,
			daysOverdue: daysBetween(row.invoice.dueDate, today),
			reminder: remindersSent(row.invoice) + 1
		}))
		.filter(({ daysOverdue, reminder }) => reminderDue(daysOverdue, reminder - 1, reminderDays))
		.sort((a, b) => b.daysOverdue - a.daysOverdue);
}
