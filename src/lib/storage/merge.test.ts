import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeInvoice } from '../testing/factories';
import { newerOf } from './merge';

describe('newerOf', () => {
	it('keeps the later stamp, and a later tombstone', () => {
		const old = makeInvoice({ hlc: '2026-01-01T00:00:00.000Z-0000-a', notes: 'old' });
		const gone = makeInvoice({ hlc: '2026-01-02T00:00:00.000Z-0000-b', deleted: true });
		expect(newerOf(old, gone)).toBe(gone);
		expect(newerOf(gone, old)).toBe(gone);
		expect(newerOf(undefined, old)).toBe(old);
	});

	it('is commutative, associative and idempotent', () => {
		const version = fc
			.record({
				hlc: fc.constantFrom('a-1', 'a-2', 'b-1'),
				notes: fc.constantFrom('x', 'y'),
				deleted: fc.boolean()
			})
			.map((v) => makeInvoice(v));
		fc.assert(
			fc.property(version, version, version, (a, b, c) => {
				expect(newerOf(a, b)).toEqual(newerOf(b, a));
				expect(newerOf(newerOf(a, b), c)).toEqual(newerOf(a, newerOf(b, c)));
				expect(newerOf(a, a)).toEqual(a);
			})
		);
	});
});
