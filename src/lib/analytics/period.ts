/** Reporting periods as inclusive YYYY-MM-DD ranges in the user's calendar. Pure. */
import { addDays } from '../platform/clock';

export const PERIODS = [
	{ id: 'this-month', label: 'This month' },
	{ id: 'last-month', label: 'Last month' },
	{ id: 'this-quarter', label: 'This quarter' },
	{ id: 'this-year', label: 'This year' },
	{ id: 'all-time', label: 'All time' },
	{ id: 'custom', label: 'Custom range' }
] as const;

export type PeriodId = (typeof PERIODS)[number]['id'];

/** `from`/`to` are inclusive; null means unbounded on that side. */
export interface DateRange {
	from: string | null;
	to: string | null;
}

function monthStart(year: number, month: number): string {
	const d = new Date(Date.UTC(year, month, 1));
	return d.toISOString().slice(0, 10);
}

export function periodRange(id: PeriodId, today: string, custom: DateRange = ALL): DateRange {
	const [year, month] = today.split('-').map(Number) as [number, number];
	const m = month - 1;
	switch (id) {
		case 'this-month':
			return { from: monthStart(year, m), to: addDays(monthStart(year, m + 1), -1) };
		case 'last-month':
			return { from: monthStart(year, m - 1), to: addDays(monthStart(year, m), -1) };
		case 'this-quarter': {
			const q = Math.floor(m / 3) * 3;
			return { from: monthStart(year, q), to: addDays(monthStart(year, q + 3), -1) };
		}
		case 'this-year':
			return { from: `${year}-01-01`, to: `${year}-12-31` };
		case 'all-time':
			return ALL;
		case 'custom':
			return custom;
	}
}

export const ALL: DateRange = { from: null, to: null };

export function inRange(date: string, range: DateRange): boolean {
	return (range.from === null || date >= range.from) && (range.to === null || date <= range.to);
}
