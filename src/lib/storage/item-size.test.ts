import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ITEM_BYTES, oversize } from './item-size';

const utf8Bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

describe('oversize', () => {
	it('gives the UTF-8 size of exactly the records over the item limit', () => {
		// Text of every width (1 to 4 UTF-8 bytes a character), around the limit.
		const piece = fc.constantFrom('a', 'é', '€', '𝄞', '"', '\n');
		fc.assert(
			fc.property(piece, fc.integer({ min: 0, max: MAX_ITEM_BYTES }), (char, count) => {
				const record = { id: 'x', notes: char.repeat(Math.ceil(count / char.length)) };
				const bytes = utf8Bytes(record);
				expect(oversize(record)).toBe(bytes > MAX_ITEM_BYTES ? bytes : undefined);
			}),
			{ numRuns: 300 }
		);
	});

	it('finds a record one byte over the limit', () => {
		const base = utf8Bytes({ id: 'x', notes: '' });
		const record = { id: 'x', notes: 'a'.repeat(MAX_ITEM_BYTES - base + 1) };
		expect(oversize(record)).toBe(MAX_ITEM_BYTES + 1);
		expect(oversize({ ...record, notes: record.notes.slice(1) })).toBeUndefined();
	});
});
