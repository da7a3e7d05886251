import { describe, expect, it } from 'vitest';
import { pdfFileName } from './invoice-pdf';

describe('pdfFileName', () => {
	it('keeps the invoice number, replacing what file systems refuse', () => {
		expect(pdfFileName('INV-2026-0042')).toBe('INV-2026-0042.pdf');
		expect(pdfFileName('INV/2026/7')).toBe('INV-2026-7.pdf');
		expect(pdfFileName('A:B*C')).toBe('A-B-C.pdf');
		expect(pdfFileName('  ')).toBe('invoice.pdf');
	});
});
