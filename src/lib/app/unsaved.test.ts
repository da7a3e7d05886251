import { describe, expect, it } from 'vitest';
import { hasChanges } from './unsaved';

const loaded = {
	number: 'INV-1',
	notes: '',
	lines: [{ id: 'l1', description: 'Design', quantity: '1' }]
};
const copy = () => structuredClone(loaded);

describe('hasChanges', () => {
	it('sees no change in the values the form was loaded with, whatever their key order', () => {
		expect(hasChanges(loaded, copy())).toBe(false);
		const { notes, ...rest } = copy();
		expect(hasChanges(loaded, { ...rest, notes })).toBe(false);
	});

	it('sees a typed value, a changed line, an added or removed line', () => {
		expect(hasChanges(loaded, { ...copy(), notes: 'x' })).toBe(true);
		const line = copy();
		line.lines[0]!.quantity = '2';
		expect(hasChanges(loaded, line)).toBe(true);
		const added = copy();
		added.lines.push({ id: 'l2', description: '', quantity: '1' });
		expect(hasChanges(loaded, added)).toBe(true);
		expect(hasChanges(loaded, { ...copy(), lines: [] })).toBe(true);
	});

	it('sees no change once a typed value is typed back to what was loaded', () => {
		const form = copy();
		form.notes = 'draft';
		form.notes = '';
		expect(hasChanges(loaded, form)).toBe(false);
	});

	it('tells a missing field from an empty one', () => {
		const without: Partial<typeof loaded> = copy();
		delete without.notes;
		expect(hasChanges(loaded, without)).toBe(true);
		expect(hasChanges({ a: null }, { a: undefined })).toBe(true);
	});
});
