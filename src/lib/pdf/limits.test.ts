import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { formatsFor } from '../invoice/formats';
import { documentModel } from './document-model';

const US = formatsFor('en-US', 'en-US');
import { PDF_LIMITS, pdfLimitProblem } from './limits';

const modelWith = (lines: number, description: string, notes = '') =>
	documentModel(
		makeInvoice({
			notes,
			lines: Array.from({ length: lines }, (_, i) => makeLine({ id: `l${i}`, description }))
		}),
		makeProfile(),
		makeClient(),
		US
	);

describe('pdfLimitProblem', () => {
	it('lets a large but sane invoice through: 1,000 lines of 100 characters', () => {
		expect(pdfLimitProblem(modelWith(1000, 'x'.repeat(100)))).toBeNull();
	});

	it('refuses more text than a PDF can be made of in a few seconds, saying how much', () => {
		// 2,000,000 in the descriptions, and more in the amounts, names and dates.
		expect(pdfLimitProblem(modelWith(1000, 'word '.repeat(400)))).toMatch(
			/^This invoice has 2,0\d\d,\d{3} characters of text; a PDF can hold at most 150,000\. Shorten the descriptions or notes, or split the invoice\.$/
		);
	});

	it('counts characters, not UTF-16 units: 100,000 emoji are 100,000 characters', () => {
		expect(pdfLimitProblem(modelWith(100, '😀'.repeat(1000)))).toBeNull();
	});

	it('refuses text of many short lines, which lays out a printed row each', () => {
		const limit = PDF_LIMITS.lineBreaks;
		const breaks = (n: number) => 'a\n'.repeat(n / 10);
		expect(pdfLimitProblem(modelWith(10, breaks(limit)))).toBeNull();
		expect(pdfLimitProblem(modelWith(10, breaks(limit + 10)))).toBe(
			'This invoice has 5,010 line breaks in its text; a PDF can hold at most 5,000. ' +
				'Shorten the descriptions or notes, or split the invoice.'
		);
	});
});
