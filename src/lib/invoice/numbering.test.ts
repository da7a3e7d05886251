import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, nextInvoiceNumber } from './numbering';

describe('invoice numbering', () => {
	it('fills the format', () => {
		expect(formatInvoiceNumber('INV-{YYYY}-{SEQ:4}', '2026-03-05', 42)).toBe('INV-2026-0042');
		expect(formatInvoiceNumber('{YY}{MM}/{SEQ}', '2026-03-05', 7)).toBe('2603/7');
	});
	it('takes the next number after the highest in the same period', () => {
		const used = ['INV-2026-0001', 'INV-2026-0009', 'INV-2025-0100', 'other'];
		expect(nextInvoiceNumber('INV-{YYYY}-{SEQ:4}', '2026-01-01', used)).toBe('INV-2026-0010');
		expect(nextInvoiceNumber('INV-{YYYY}-{SEQ:4}', '2027-01-01', used)).toBe('INV-2027-0001');
	});
	it('grows past the padding width', () => {
		expect(nextInvoiceNumber('A{SEQ:2}', '2026-01-01', ['A99'])).toBe('A100');
	});
	it('treats regex characters in the format literally', () => {
		expect(nextInvoiceNumber('(X).{SEQ:3}', '2026-01-01', ['(X).004', 'XX004'])).toBe('(X).005');
	});
});
