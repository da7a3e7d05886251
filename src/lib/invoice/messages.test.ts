import { describe, expect, it } from 'vitest';
import { DOCUMENT_LANGUAGES } from './document-language';
import { makeInvoice, makeProfile } from '../testing/factories';
import { toRow } from './list-query';
import {
	DEFAULT_REMINDER_DAYS,
	dueForReminder,
	fillTemplate,
	mailtoHref,
	reminderDue,
	remindersSent,
	templateFor,
	templatesToStore,
	MESSAGE_KINDS
} from './messages';

const values = {
	'{number}': 'INV-7',
	'{client}': 'Acme',
	'{total}': '€1,200.00',
	'{balance}': '€200.00',
	'{due date}': '12/31/2026',
	'{business}': 'Studio North'
};

describe('message templates', () => {
	it('fill every placeholder, and leave other braces as typed', () => {
		const filled = fillTemplate(
			{
				subject: '{number} for {client}',
				body: '{total}, {balance} by {due date}. {business} {x}'
			},
			values
		);
		expect(filled).toEqual({
			subject: 'INV-7 for Acme',
			body: '€1,200.00, €200.00 by 12/31/2026. Studio North {x}'
		});
	});

	it('come from the profile, else the defaults', () => {
		const own = { subject: 'Bill {number}', body: 'Pay {total}' };
		expect(templateFor(makeProfile({ templates: { invoice: own } }), 'invoice')).toEqual(own);
		expect(templateFor(makeProfile(), 'reminder').subject).toContain('overdue');
	});

	it('exist in every document language for every kind, each with the number placeholder', () => {
		for (const language of DOCUMENT_LANGUAGES) {
			for (const kind of MESSAGE_KINDS) {
				const template = templateFor(makeProfile(), kind, language);
				expect(template.subject).toContain('{number}');
				expect(template.body).toContain('{client}');
			}
		}
		expect(templateFor(makeProfile(), 'reminder', 'de').subject).toBe(
			'Zahlungserinnerung: Rechnung {number}'
		);
	});

	it('store only what differs from the defaults, per language, and read back the same', () => {
		const forms = Object.fromEntries(
			DOCUMENT_LANGUAGES.map((language) => [
				language,
				Object.fromEntries(
					MESSAGE_KINDS.map((kind) => [kind, templateFor(makeProfile(), kind, language)])
				)
			])
		) as Parameters<typeof templatesToStore>[0];
		expect(templatesToStore(forms)).toEqual({});
		const own = { subject: 'Angebot {number}', body: 'Hallo {client}' };
		forms.de.quote = own;
		const stored = templatesToStore(forms);
		expect(stored).toEqual({ languages: { de: { quote: own } } });
		const profile = makeProfile({ templates: stored });
		expect(templateFor(profile, 'quote', 'de')).toEqual(own);
		expect(templateFor(profile, 'quote', 'en').subject).toBe('Quote {number} from {business}');
	});

	it('make a mailto address a mail program reads whole', () => {
		const href = mailtoHref(' ap@acme.test ', {
			subject: 'Invoice #7 & more',
			body: 'Line 1\nLine 2'
		});
		expect(href).toBe(
			'mailto:ap@acme.test?subject=Invoice%20%237%20%26%20more&body=Line%201%0ALine%202'
		);
	});
});

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
