/**
 * The e-mails that go with invoices: templates with placeholders, filled per invoice, and
 * which overdue invoices are due for a reminder. Sending itself (share sheet or mail program)
 * is the browser's part (app/send-invoice.ts).
 */
import { daysBetween } from '../platform/clock';
import type { InvoiceRow } from './list-query';
import type { BusinessProfile, Invoice } from './schema';

export const MESSAGE_KINDS = ['invoice', 'reminder'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export interface MessageTemplate {
	subject: string;
	body: string;
}

export const PLACEHOLDERS = [
	'{number}',
	'{client}',
	'{total}',
	'{balance}',
	'{due date}',
	'{business}'
] as const;

export const DEFAULT_TEMPLATES: Record<MessageKind, MessageTemplate> = {
	invoice: {
		subject: 'Invoice {number} from {business}',
		body:
			'Hello {client},\n\nplease find attached invoice {number} for {total}, due on {due date}.' +
			'\n\nThank you,\n{business}'
	},
	reminder: {
		subject: 'Reminder: invoice {number} is overdue',
		body:
			'Hello {client},\n\ninvoice {number} was due on {due date} and {balance} is still open. ' +
			'The invoice is attached again; if you have paid it meanwhile, please ignore this reminder.' +
			'\n\nThank you,\n{business}'
	}
};

/** Days overdue at which a reminder is due: the first, the second, the third. */
export const DEFAULT_REMINDER_DAYS = [7, 14, 30];

export function templateFor(profile: BusinessProfile, kind: MessageKind): MessageTemplate {
	return profile.templates?.[kind] ?? DEFAULT_TEMPLATES[kind];
}

export type PlaceholderValues = Record<(typeof PLACEHOLDERS)[number], string>;

/** Each placeholder replaced by its value; unknown braces are left as typed. */
export function fillTemplate(template: MessageTemplate, values: PlaceholderValues) {
	const fill = (text: string) =>
		text.replace(/\{[a-z ]+\}/g, (token) =>
			token in values ? values[token as keyof PlaceholderValues] : token
		);
	return { subject: fill(template.subject), body: fill(template.body) };
}

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

/** A mailto: address with the message filled in (the PDF cannot go with it: it is saved). */
export function mailtoHref(to: string, message: { subject: string; body: string }): string {
	const query = `subject=${encodeURIComponent(message.subject)}&body=${encodeURIComponent(message.body)}`;
	return `mailto:${encodeURIComponent(to.trim()).replace(/%40/g, '@')}?${query}`;
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
