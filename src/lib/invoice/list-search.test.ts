import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { EMPTY_QUERY, filterRows, toRow } from './list-query';
import { IncrementalFilter, SearchText } from './list-search';

const today = '2026-03-01';
const ids = (list: { invoice: { id: string } }[]) => list.map((r) => r.invoice.id);

describe('SearchText', () => {
	it('finds exactly the rows whose text contains a term, in order', () => {
		const text = fc.string({ unit: fc.constantFrom('a', 'b', 'ab', '\u0000', 'ł'), maxLength: 8 });
		fc.assert(
			fc.property(fc.array(text, { maxLength: 20 }), text, (haystacks, term) => {
				fc.pre(term !== '');
				const expected = haystacks.flatMap((h, row) => (h.includes(term) ? [row] : []));
				expect(new SearchText(haystacks).rowsContaining(term)).toEqual(expected);
			}),
			{ numRuns: 500 }
		);
	});
});

describe('IncrementalFilter', () => {
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
				fc.constantFrom(0, 5, 2_000),
				(notes, queries, rowByRow) => {
					const list = notes.map((note, i) =>
						toRow(
							makeInvoice({ id: `r${i}`, notes: note, status: i % 2 ? 'paid' : 'draft' }),
							today
						)
					);
					const incremental = new IncrementalFilter({ rowByRow });
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
