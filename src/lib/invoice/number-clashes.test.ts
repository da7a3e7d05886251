import { describe, expect, it } from 'vitest';
import { planNumberClashes } from './number-clashes';
import { DEFAULT_NUMBER_FORMAT } from './numbering';

describe('planNumberClashes', () => {
	const invoice = (id: string, number: string, status = 'draft', createdAt = '2026-01-01') => ({
		id,
		number,
		status,
		issueDate: '2026-03-01',
		createdAt,
		deleted: false
	});

	it('renumbers the later draft and leaves unique numbers alone', () => {
		const plan = planNumberClashes(
			[
				invoice('a', 'INV-2026-0042', 'draft', '2026-03-01T10:00'),
				invoice('b', 'INV-2026-0042', 'draft', '2026-03-01T11:00'),
				invoice('c', 'INV-2026-0043', 'sent')
			],
			() => DEFAULT_NUMBER_FORMAT
		);
		expect(plan).toEqual({
			renumber: [{ id: 'b', from: 'INV-2026-0042', to: 'INV-2026-0044' }],
			unresolved: []
		});
	});

	it('a sent invoice keeps its number over a draft; two sent invoices are left to the user', () => {
		const plan = planNumberClashes(
			[
				invoice('draft', 'INV-2026-0007', 'draft', '2026-01-01'),
				invoice('sent', 'INV-2026-0007', 'sent', '2026-02-01'),
				invoice('x', 'INV-2026-0009', 'sent'),
				invoice('y', 'INV-2026-0009', 'paid')
			],
			() => DEFAULT_NUMBER_FORMAT
		);
		expect(plan.renumber).toEqual([{ id: 'draft', from: 'INV-2026-0007', to: 'INV-2026-0010' }]);
		expect(plan.unresolved).toEqual([{ number: 'INV-2026-0009', ids: ['x', 'y'] }]);
	});

	it('ignores deleted invoices', () => {
		const gone = { ...invoice('a', 'INV-2026-0001'), deleted: true };
		expect(
			planNumberClashes([gone, invoice('b', 'INV-2026-0001')], () => DEFAULT_NUMBER_FORMAT)
		).toEqual({
			renumber: [],
			unresolved: []
		});
	});
});
