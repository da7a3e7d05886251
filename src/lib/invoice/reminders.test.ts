import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { toRow } from './list-query';
import { DEFAULT_REMINDER_DAYS, dueForReminder, reminderDue, remindersSent } from './reminders';

describe('reminders', () => {
	it('are due at 7, 14 and 30 days overdue, one at a time', () => {
		expect(reminderDue(6, 0, DEFAULT_REMINDER_DAYS)).toBe(false);
		expect(reminderDue(7, 0, DEFAULT_REMINDER_DAYS)).toBe(true);
		expect(reminderDue(10, 1, DEFAULT_REMINDER_DAYS)).toBe(false);
		expect(reminderDue(14, 1, DEFAULT_REMINDER_DAYS)).toBe(true);
		expect(reminderDue(60, 3, DEFAULT_REMINDER_DAYS)).toBe(false);
	});

	it('are counted from the activity log', () => {
		const at = '2026-03-01T10:00:00.000Z';
		const invoice = makeInvoice({
			activity: [
				{ at, kind: 'issued', device: 'a' },
				{ at, kind: 'reminder-sent', device: 'a' },
				{ at, kind: 'reminder-sent', device: 'b' }
			]
		});
		expect(remindersSent(invoice)).toBe(2);
		expect(remindersSent(makeInvoice())).toBe(0);
	});
});

describe('the reminders list', () => {
	it('lists overdue invoices whose next reminder has come, longest overdue first', () => {
		const today = '2026-03-31';
		const at = '2026-03-20T10:00:00.000Z';
		const sent = (id: string, dueDate: string, reminders = 0) =>
			toRow(
				makeInvoice({
					id,
					number: id,
					status: 'sent',
					dueDate,
					activity: Array.from({ length: reminders }, () => ({
						at,
						kind: 'reminder-sent' as const,
						device: 'a'
					}))
				}),
				today
			);
		const rows = [
			sent('due-3-days', '2026-03-28'),
			sent('due-10-days', '2026-03-21'),
			sent('due-40-days-reminded-once', '2026-02-19', 1),
			sent('due-40-days-reminded-thrice', '2026-02-19', 3),
			toRow(makeInvoice({ id: 'draft', dueDate: '2026-01-01' }), today)
		];
		expect(
			dueForReminder(rows, today, DEFAULT_REMINDER_DAYS).map((d) => [
				d.row.invoice.id,
				d.daysOverdue,
				d.reminder
			])
		).toEqual([
			['due-40-days-reminded-once', 40, 2],
			['due-10-days', 10, 1]
		]);
	});
});
