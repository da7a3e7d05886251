import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
	it('quotes separators and quotes, and defuses formulas', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['x,y', 'say "hi"'],
					['=SUM(A1)', '-5.50']
				]
			)
		).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=SUM(A1),-5.50\r\n');
	});
});
