import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import {
	generatedInvoiceId,
	nextRun,
	occurrence,
	occurrencesUntil,
	scheduledInvoice,
	scheduleFrom
} from './recurring';
import type { Schedule } from './schema';

function schedule(overrides: Partial<Schedule> = {}): Schedule {
	const base = scheduleFrom(makeInvoice(), {
		every: 1,
		unit: 'month',
		start: '2026-01-31',
		issue: false
	});
	return {
		...base,
		id: 'sched-1',
		createdAt: '2026-01-01T00:00:00.000Z',
		updatedAt: '2026-01-01T00:00:00.000Z',
		hlc: '2026-01-01T00:00:00.000Z-0000-test',
		deleted: false,
		...overrides
	} as Schedule;
}

describe('occurrences', () => {
	it('keep the start’s day of the month, or the month’s last day when it has fewer', () => {
		const monthly = schedule();
		expect([0, 1, 2, 12].map((k) => occurrence(monthly, k))).toEqual([
			'2026-01-31',
			'2026-02-28',
			'2026-03-31',
			'2027-01-31'
		]);
		expect(occurrence(schedule({ every: 3 }), 1)).toBe('2026-04-30');
		expect(occurrence(schedule({ unit: 'week', every: 2, start: '2026-03-02' }), 2)).toBe(
			'2026-03-30'
		);
	});

	it('are every date that has come, within the end or count', () => {
		expect(occurrencesUntil(schedule(), '2026-04-15')).toEqual([
			'2026-01-31',
			'2026-02-28',
			'2026-03-31'
		]);
		expect(occurrencesUntil(schedule({ count: 2 }), '2026-12-31')).toHaveLength(2);
		expect(occurrencesUntil(schedule({ end: '2026-03-30' }), '2026-12-31')).toEqual([
			'2026-01-31',
			'2026-02-28'
		]);
		expect(occurrencesUntil(schedule(), '2026-01-30')).toEqual([]);
	});

	it('say when the next one comes, and nothing once the schedule has ended', () => {
		expect(nextRun(schedule(), '2026-04-15')).toBe('2026-04-30');
		expect(nextRun(schedule(), '2025-12-01')).toBe('2026-01-31');
		expect(nextRun(schedule({ count: 2 }), '2026-04-15')).toBeNull();
		expect(nextRun(schedule({ end: '2026-04-29' }), '2026-04-15')).toBeNull();
	});
});

describe('scheduled invoices', () => {
	it('have an id made of the schedule and the date, the same on every device', () => {
		const made = scheduledInvoice(schedule({ termsDays: 14 }), '2026-02-28', 'INV-2026-0002');
		expect(made.id).toBe(generatedInvoiceId('sched-1', '2026-02-28'));
		expect(made).toMatchObject({
			issueDate: '2026-02-28',
			dueDate: '2026-03-14',
			status: 'draft',
			number: 'INV-2026-0002'
		});
		expect(made.id.length).toBeLessThanOrEqual(64);
	});

	it('repeat the invoice a schedule was made from, with its payment terms', () => {
		const invoice = makeInvoice({
			issueDate: '2026-01-10',
			dueDate: '2026-02-09',
			notes: 'Retainer'
		});
		const from = scheduleFrom(invoice, {
			every: 1,
			unit: 'month',
			start: '2026-02-10',
			issue: true
		});
		expect(from).toMatchObject({
			clientId: invoice.clientId,
			lines: invoice.lines,
			notes: 'Retainer',
			termsDays: 30,
			issue: true,
			paused: false
		});
	});
});
