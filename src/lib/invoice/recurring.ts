/**
 * Recurring invoices: a schedule makes an invoice for every date that has come, whenever the
 * app runs. An invoice's id is the schedule's id and its date, so two devices that run the
 * same schedule offline make the same record; sync merges them into one, and an invoice
 * deleted by hand (a tombstone under that id) is never made again.
 */
import { addDays } from '../platform/clock';
import type { Invoice, Schedule } from './schema';

/** Stops a schedule with a far start or a tiny interval from looping without end. */
const MAX_OCCURRENCES = 1000;

export function generatedInvoiceId(scheduleId: string, date: string): string {
	return `${scheduleId}@${date}`;
}

/** The date of the schedule's `k`-th invoice (0 is the start); months keep the start's day. */
export function occurrence(schedule: Pick<Schedule, 'start' | 'every' | 'unit'>, k: number) {
	if (schedule.unit === 'week') return addDays(schedule.start, 7 * schedule.every * k);
	const [year, month, day] = schedule.start.split('-').map(Number) as [number, number, number];
	const monthIndex = month - 1 + schedule.every * k;
	const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
	return new Date(Date.UTC(year, monthIndex, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

/** Every invoice date of the schedule up to `until`, within its end or count. */
export function occurrencesUntil(schedule: Schedule, until: string): string[] {
	const dates: string[] = [];
	const limit = Math.min(schedule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
	for (let k = 0; k < limit; k++) {
		const date = occurrence(schedule, k);
		if (date > until || (schedule.end && date > schedule.end)) break;
		dates.push(date);
	}
	return dates;
}

/** The date of the schedule's next invoice after `today`, or null when it has ended. */
export function nextRun(schedule: Schedule, today: string): string | null {
	const made = occurrencesUntil(schedule, today).length;
	if (made >= Math.min(schedule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES)) return null;
	const date = occurrence(schedule, made);
	return schedule.end && date > schedule.end ? null : date;
}

/** The invoice a schedule makes on `date` (a draft; the runner issues it if asked). */
export function scheduledInvoice(
	schedule: Schedule,
	date: string,
	number: string
): Omit<Invoice, 'createdAt' | 'updatedAt' | 'hlc' | 'history' | 'deleted'> {
	return {
		id: generatedInvoiceId(schedule.id, date),
		number,
		clientId: schedule.clientId,
		clientName: schedule.clientName,
		issueDate: date,
		dueDate: addDays(date, schedule.termsDays),
		currency: schedule.currency,
		lines: schedule.lines,
		discount: schedule.discount,
		notes: schedule.notes,
		status: 'draft',
		payments: []
	};
}

/** A schedule that repeats `invoice` (its client, currency, lines, discount and notes). */
export function scheduleFrom(
	invoice: Invoice,
	timing: Pick<Schedule, 'every' | 'unit' | 'start' | 'end' | 'count' | 'issue'>
): Omit<Schedule, 'id' | 'createdAt' | 'updatedAt' | 'hlc' | 'history' | 'deleted'> {
	const termsDays = Math.max(
		0,
		Math.round((Date.parse(invoice.dueDate) - Date.parse(invoice.issueDate)) / 86_400_000)
	);
	return {
		clientId: invoice.clientId,
		clientName: invoice.clientName,
		currency: invoice.currency,
		lines: invoice.lines,
		discount: invoice.discount,
		notes: invoice.notes,
		termsDays: Math.min(termsDays, 365),
		paused: false,
		...timing
	};
}
