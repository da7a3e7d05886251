import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { appendActivity, describeChange, mergeActivity } from './activity';
import { ACTIVITY_LIMIT, type ActivityEntry } from './schema';

const stamp = { at: '2026-03-01T10:00:00.000Z', device: 'laptop' };
const kinds = (entries: ActivityEntry[]) => entries.map((e) => e.kind);
const payment = (id: string, amount: number) => ({ id, date: '2026-03-01', amount, note: '' });

describe('describeChange', () => {
	it('names a new invoice, an edit of a draft, and nothing for no change', () => {
		const draft = makeInvoice();
		expect(describeChange(undefined, draft, stamp)).toEqual([{ ...stamp, kind: 'created' }]);
		expect(kinds(describeChange(draft, { ...draft, notes: 'x' }, stamp))).toEqual(['edited']);
		expect(describeChange(draft, { ...draft, hlc: 'other', updatedAt: 'later' }, stamp)).toEqual(
			[]
		);
	});

	it('names issuing, payments with their amounts, paid, void and a correction', () => {
		const draft = makeInvoice();
		const sent = { ...draft, status: 'sent' as const };
		expect(kinds(describeChange(draft, sent, stamp))).toEqual(['issued']);
		const paid = { ...sent, status: 'paid' as const, payments: [payment('p1', 2500)] };
		expect(describeChange(sent, paid, stamp)).toEqual([
			{ ...stamp, kind: 'payment-recorded', amount: 2500 },
			{ ...stamp, kind: 'paid' }
		]);
		expect(describeChange(paid, { ...paid, payments: [] }, stamp)).toEqual([
			{ ...stamp, kind: 'payment-removed', amount: 2500 }
		]);
		expect(kinds(describeChange(sent, { ...sent, status: 'void' }, stamp))).toEqual(['voided']);
		expect(
			kinds(describeChange(sent, { ...sent, status: 'void', correctedBy: 'i2' }, stamp))
		).toEqual(['corrected']);
	});
});

describe('the log', () => {
	const entry = (minute: number, device = 'laptop'): ActivityEntry => ({
		at: `2026-03-01T10:${String(minute).padStart(2, '0')}:00.000Z`,
		kind: 'pdf-downloaded',
		device
	});

	it('keeps its first entry and the latest ones within the limit', () => {
		const long = Array.from({ length: ACTIVITY_LIMIT }, (_, i) => ({
			...entry(0),
			at: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString()
		}));
		const next = appendActivity(long, [entry(59, 'phone')]);
		expect(next).toHaveLength(ACTIVITY_LIMIT);
		expect(next[0]).toEqual(long[0]);
		expect(next.at(-1)).toEqual(entry(59, 'phone'));
		expect(next).not.toContainEqual(long[1]);
	});

	it('merges two devices’ logs into every entry of either, once, in time order', () => {
		const shared = [entry(1)];
		const laptop = appendActivity(shared, [entry(3)]);
		const phone = appendActivity(shared, [entry(2, 'phone')]);
		expect(mergeActivity(laptop, phone)).toEqual([entry(1), entry(2, 'phone'), entry(3)]);
	});

	it('merges in any order and any grouping to the same log (a union)', () => {
		const arbitraryLog = fc
			.uniqueArray(fc.integer({ min: 0, max: 59 }), { maxLength: 12 })
			.map((minutes) =>
				minutes.sort((a, b) => a - b).map((m) => entry(m, m % 2 ? 'phone' : 'laptop'))
			);
		fc.assert(
			fc.property(arbitraryLog, arbitraryLog, arbitraryLog, (a, b, c) => {
				const left = mergeActivity(mergeActivity(a, b), c);
				expect(mergeActivity(c, mergeActivity(b, a))).toEqual(left);
				expect(mergeActivity(left, left)).toEqual(left);
				for (const e of [...a, ...b, ...c]) expect(left).toContainEqual(e);
			})
		);
	});
});
