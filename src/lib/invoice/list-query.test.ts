import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice, makeLine } from '../testing/factories';
import { EMPTY_QUERY, filterRows, IncrementalFilter, sortRows, toRow } from './list-query';

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

	it('filters as the user types exactly as filtering every row would', () => {
		// Greek capital sigma lower-cases differently at the end of a word; İ into two letters.
		const letter = fc.constantFrom('a', 'b', 'Σ', 'σ', 'İ', 'i', ' ');
		const word = fc.array(letter, { maxLength: 6 }).map((l) => l.join(''));
		const query = fc.record({
			text: word,
			status: fc.constantFrom('all', 'draft', 'paid'),
			kind: fc.constantFrom('invoice', 'quote')
		});
		fc.assert(
			fc.property(
				fc.array(word, { minLength: 1, maxLength: 12 }),
				fc.array(query),
				(notes, queries) => {
					const list = notes.map((note, i) =>
						toRow(
							makeInvoice({ id: `r${i}`, notes: note, status: i % 2 ? 'paid' : 'draft' }),
							today
						)
					);
					const incremental = new IncrementalFilter();
					// Each text typed letter by letter, deleted again, then pasted whole.
					for (const q of queries) {
						const steps = [...q.text].map((_, i) => q.text.slice(0, i + 1));
						for (const text of [...steps, ...steps.reverse(), q.text.slice(0, 2), q.text]) {
							const typed = { ...EMPTY_QUERY, ...q, text } as typeof EMPTY_QUERY;
							expect(ids(incremental.filter(list, typed))).toEqual(ids(filterRows(list, typed)));
						}
					}
				}
			),
			{ numRuns: 300 }
		);
	});

	it('does not narrow from a text that only looks like a prefix before lower-casing', () => {
		// "aΣ" lower-cases with a final sigma (aς), "aΣa" with a plain one (aσa).
		const list = [toRow(makeInvoice({ id: 'x', notes: 'aσa' }), today)];
		const incremental = new IncrementalFilter();
		for (const text of ['a', 'aΣ']) incremental.filter(list, { ...EMPTY_QUERY, text });
		expect(ids(incremental.filter(list, { ...EMPTY_QUERY, text: 'aΣa' }))).toEqual(['x']);
	});
});
