import { describe, expect, it } from 'vitest';
import { epcPayload } from './epc-qr';

const base = {
	name: 'Café Żółw GmbH',
	iban: 'DE89370400440532013000',
	bic: 'COBADEFFXXX',
	currency: 'EUR',
	amount: 123456,
	remittance: 'INV-2026-0042'
};

describe('EPC QR payload (GiroCode)', () => {
	it('is the SEPA credit transfer of the amount due, with the invoice number as the reference', () => {
		expect(epcPayload(base)).toBe(
			[
				'BCD',
				'002',
				'1',
				'SCT',
				'COBADEFFXXX',
				'Café Żółw GmbH',
				'DE89370400440532013000',
				'EUR1234.56',
				'',
				'',
				'INV-2026-0042'
			].join('\n')
		);
	});

	it('leaves the BIC out when there is none (version 002 allows it)', () => {
		expect(epcPayload({ ...base, bic: undefined })?.split('\n')[4]).toBe('');
	});

	it('writes cents with two digits', () => {
		expect(epcPayload({ ...base, amount: 5 })?.split('\n')[7]).toBe('EUR0.05');
		expect(epcPayload({ ...base, amount: 1200 })?.split('\n')[7]).toBe('EUR12.00');
	});

	it('is only for euro amounts there is something to pay, to a named IBAN', () => {
		expect(epcPayload({ ...base, currency: 'USD' })).toBeNull();
		expect(epcPayload({ ...base, amount: 0 })).toBeNull();
		expect(epcPayload({ ...base, amount: -100 })).toBeNull();
		expect(epcPayload({ ...base, amount: 100_000_000_000 })).toBeNull();
		expect(epcPayload({ ...base, iban: undefined })).toBeNull();
		expect(epcPayload({ ...base, name: '  ' })).toBeNull();
	});

	it('keeps each field on its line and within its length', () => {
		const payload = epcPayload({ ...base, name: `A\nB ${'x'.repeat(100)}`, remittance: 'R\r\n1' })!;
		const lines = payload.split('\n');
		expect(lines).toHaveLength(11);
		expect(lines[5]).toBe(`A B ${'x'.repeat(66)}`);
		expect(lines[10]).toBe('R 1');
	});

	it('is refused past 331 bytes rather than cut in the middle of a character', () => {
		const payload = epcPayload({ ...base, name: '😀'.repeat(70), remittance: 'Ü'.repeat(140) });
		expect(payload).toBeNull();
		const fits = epcPayload({ ...base, name: '😀'.repeat(50) })!;
		expect(new TextEncoder().encode(fits).length).toBeLessThanOrEqual(331);
	});
});
