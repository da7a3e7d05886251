import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice, makeLine } from '../testing/factories';
import { EMPTY_QUERY, filterRows, sortRows, toRow } from './list-query';

const today = '2026-03-01';
const rows = [
	makeInvoice({
		id: 'a',
		number: 'INV-2026-0002',
		clientName: 'Łódź Bakery',
		issueDate: '2026-01-05'
	}),
	makeInvoice({
		id: 'b',
		number: 'INV-2026-0010',
		clientName: 'Acme',
		issueDate: '2026-02-01',
		status: 'sent',
		lines: [makeLine({ description: 'Roof repair', unitPrice: 50000 })],
		notes: 'urgent job'
	}),
	makeInvoice({
		id: 'c',
		number: 'INV-2026-0003',
		currency: 'JPY',
		status: 'paid',
		issueDate: '2026-02-20'
	})
].map((invoice) => toRow(invoice, today));

const ids = (list: { invoice: { id: string } }[]) => list.map((r) => r.invoice.id);

describe('invoice list query', () => {
	it('searches number, client, line descriptions and notes, case-insensitively', () => {
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, text: 'łódź' }))).toEqual(['a']);
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, text: 'ROOF' }))).toEqual(['b']);
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, text: 'urgent acme' }))).toEqual(['b']);
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, text: '0003' }))).toEqual(['c']);
	});
	it('filters by derived status, dates and amount in each currency', () => {
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, status: 'overdue' }))).toEqual(['b']);
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, from: '2026-02-01', to: '2026-02-10' }))).toEqual(
			['b']
		);
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, minTotal: '400' }))).toEqual(['b', 'c']);
		expect(ids(filterRows(rows, { ...EMPTY_QUERY, maxTotal: '100' }))).toEqual(['a']);
	});
	it('sorts numerically by number and by total', () => {
		expect(ids(sortRows(rows, 'number', false))).toEqual(['a', 'c', 'b']);
		expect(ids(sortRows(rows, 'issueDate', true))).toEqual(['c', 'b', 'a']);
		expect(ids(sortRows(rows, 'total', true))[0]).toBe('c');
	});

	it('sorts by a date, then by number, either way', () => {
		const row = fc
			.record({
				issueDate: fc.constantFrom('2026-01-01', '2026-01-02', '2025-12-31'),
				dueDate: fc.constantFrom('2026-02-01', '2026-01-02'),
				number: fc.constantFrom('INV-1', 'INV-10', 'INV-2', 'A', 'a', 'INV-1 ')
			})
			.map((fields) => toRow(makeInvoice(fields), today));
		fc.assert(
			fc.property(
				fc.array(row, { maxLength: 15 }),
				fc.constantFrom('issueDate' as const, 'dueDate' as const),
				fc.boolean(),
				(list, sort, descending) => {
					const key = (r: (typeof list)[number]) => [r.invoice[sort], r.invoice.number];
					const sorted = sortRows(list, sort, descending).map(key);
					const expected = list.map(key).sort(([d1, n1], [d2, n2]) => {
						const order = d1! < d2! ? -1 : d1! > d2! ? 1 : n1! < n2! ? -1 : n1! > n2! ? 1 : 0;
						return descending ? -order : order;
					});
					expect(sorted).toEqual(expected);
				}
			)
		);
	});
});
