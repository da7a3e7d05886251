import { afterEach, describe, expect, it } from 'vitest';
import { localDate } from '../platform/clock';
import { makeInvoice } from '../testing/factories';
import { aggregate } from './aggregate';
import { periodRange } from './period';

const original = process.env.TZ;
afterEach(() => {
	process.env.TZ = original;
});

describe('periods follow the user’s own calendar', () => {
	// 2026-11-30 20:30 UTC: still November in Los Angeles, already December in Auckland.
	const instant = Date.parse('2026-11-30T20:30:00Z');
	const invoice = makeInvoice({ status: 'sent', issueDate: '2026-11-30', dueDate: '2026-12-30' });

	it.each([
		['America/Los_Angeles', '2026-11-30', 10000],
		['Pacific/Auckland', '2026-12-01', 0]
	])('in %s today is %s and this month’s revenue is %i', (zone, day, revenue) => {
		process.env.TZ = zone;
		const today = localDate(instant);
		expect(today).toBe(day);
		const [usd] = aggregate([invoice], { range: periodRange('this-month', today), today });
		expect(usd!.revenue).toBe(revenue);
	});
});
