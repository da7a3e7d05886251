import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { imageDataUrl, jpegHeader, pngHeader } from '../testing/images';
import {
	BusinessProfileSchema,
	ClientSchema,
	InvoiceSchema,
	PAYMENT_METHODS,
	PaymentSchema,
	withoutMeta
} from './schema';

describe('withoutMeta', () => {
	it('keeps the id and the content, and drops the sync metadata, history included', () => {
		const invoice = makeInvoice({ notes: 'PO 4711', history: ['2025-12-31T00:00:00.000Z-0000-x'] });
		const draft = withoutMeta(invoice);
		expect(draft).toEqual({
			id: invoice.id,
			number: invoice.number,
			clientId: invoice.clientId,
			clientName: invoice.clientName,
			issueDate: invoice.issueDate,
			dueDate: invoice.dueDate,
			currency: invoice.currency,
			lines: invoice.lines,
			discount: invoice.discount,
			notes: 'PO 4711',
			status: invoice.status,
			payments: invoice.payments
		});
		expect(Object.keys(withoutMeta(makeProfile()))).not.toContain('hlc');
	});
});

describe('BusinessProfileSchema', () => {
	const accepts = (logo: string) =>
		v.safeParse(BusinessProfileSchema, makeProfile({ logo })).success;

	it('takes no logo, or a base64 PNG or JPEG data: URL as the logo, and nothing else', () => {
		expect(accepts('')).toBe(true);
		expect(accepts(imageDataUrl('png', pngHeader(40, 20)))).toBe(true);
		expect(accepts(imageDataUrl('jpeg', jpegHeader(40, 20)))).toBe(true);
		for (const logo of [
			'data:image/svg+xml;base64,PHN2Zz48c2NyaXB0Lz48L3N2Zz4=',
			'data:image/svg+xml,<svg onload="alert(1)"/>',
			'javascript:alert(1)',
			'https://example.com/logo.png',
			'data:image/png;base64,not base64!'
		]) {
			expect(accepts(logo), logo).toBe(false);
		}
	});
});

describe('BusinessProfileSchema locale', () => {
	it('reads a profile stored before the locale existed as following the browser', () => {
		const { locale, ...old } = makeProfile({ locale: 'de-DE' });
		expect(locale).toBe('de-DE');
		const result = v.safeParse(BusinessProfileSchema, old);
		expect(result.success).toBe(true);
		expect(result.output).not.toHaveProperty('locale');
	});

	it('keeps a chosen locale and refuses what is no language tag', () => {
		const parse = (locale: string) => v.safeParse(BusinessProfileSchema, makeProfile({ locale }));
		expect(parse('de-CH').output).toMatchObject({ locale: 'de-CH' });
		expect(parse('not a locale!').success).toBe(false);
		expect(parse('').success).toBe(false);
	});
});

describe('PaymentSchema method and reference', () => {
	const old = { id: 'p', date: '2026-01-20', amount: 4000, note: 'Thanks' };

	it('reads a payment stored before method and reference existed as it was, without them', () => {
		const result = v.safeParse(PaymentSchema, old);
		expect(result.success).toBe(true);
		expect(result.output).toEqual(old);
	});

	it('keeps a method and reference, and refuses an unknown method or an overlong reference', () => {
		const parse = (extra: object) => v.safeParse(PaymentSchema, { ...old, ...extra });
		expect(parse({ method: 'bank-transfer', reference: 'RF18 5390 0754' }).output).toEqual({
			...old,
			method: 'bank-transfer',
			reference: 'RF18 5390 0754'
		});
		for (const method of PAYMENT_METHODS) expect(parse({ method }).success, method).toBe(true);
		expect(parse({ method: 'cheque' }).success).toBe(false);
		expect(parse({ reference: 'x'.repeat(201) }).success).toBe(false);
	});
});

describe('e-invoicing details', () => {
	const client = makeClient();
	const valid = (extra: object) => v.safeParse(ClientSchema, { ...client, ...extra }).success;

	it('reads a client saved before they existed, and one that has them', () => {
		expect(valid({})).toBe(true);
		const full = { country: 'DE', city: 'Köln', postcode: '50667', street: 'Domkloster 4' };
		expect(valid({ ...full, endpoint: { scheme: '0204', id: '991-12345-67' } })).toBe(true);
	});

	it('refuses a country that is not an ISO 3166 code and a made-up address scheme', () => {
		expect(valid({ country: 'Germany' })).toBe(false);
		expect(valid({ country: 'de' })).toBe(false);
		expect(valid({ endpoint: { scheme: 'PEPPOL', id: 'x' } })).toBe(false);
		expect(valid({ endpoint: { scheme: 'EM', id: '' } })).toBe(false);
	});

	it('takes a VAT category and exemption reason per line, and only the known categories', () => {
		const line = (extra: object) =>
			v.safeParse(InvoiceSchema, makeInvoice({ lines: [makeLine(extra)] })).success;
		expect(line({ taxCategory: 'AE', taxExemption: 'Reverse charge' })).toBe(true);
		expect(line({ taxCategory: 'X' })).toBe(false);
	});
});
