import { describe, expect, it } from 'vitest';
import { unitCodeOf, unitWordOf } from './unit-codes';

describe('units of measure', () => {
	it('reads the common codes as the words the app writes them back from', () => {
		for (const code of [
			'HUR',
			'DAY',
			'WEE',
			'MON',
			'ANN',
			'H87',
			'KMT',
			'KGM',
			'MTR',
			'LTR',
			'LS'
		]) {
			const word = unitWordOf(code);
			expect(word).toBeTruthy();
			expect(unitCodeOf(word)).toBe(code);
		}
		expect(unitWordOf('HUR')).toBe('hours');
		expect(unitWordOf('H87')).toBe('pcs');
	});

	it('leaves "one" and codes it does not know without a unit', () => {
		expect(unitWordOf('C62')).toBeUndefined();
		expect(unitWordOf('KWH')).toBeUndefined();
		expect(unitWordOf('__proto__')).toBeUndefined();
		expect(unitWordOf(undefined)).toBeUndefined();
	});
});
