import { describe, expect, it } from 'vitest';
import { formatsFor } from '../invoice/formats';
import { issue } from '../invoice/issue';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import { documentModel, modelTexts } from './document-model';

const US = formatsFor('en-US', 'en-US');
const profile = makeProfile({
	name: 'Studio North',
	payment: { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', bank: 'Commerzbank' }
});
const invoice = makeInvoice({
	currency: 'EUR',
	issueDate: '2026-03-01',
	dueDate: '2026-03-15',
	reference: 'PO-4711',
	lines: [
		makeLine({ quantity: 8, unit: 'Std.', unitPrice: 10000, taxRate: 19, taxName: 'MwSt. 19%' })
	]
});

describe('the document of an invoice', () => {
	it('is in the client’s language: labels, dates and numbers; amounts in the currency', () => {
		const model = documentModel(invoice, profile, makeClient({ language: 'de' }), US);
		expect(model.title).toBe('Rechnungsentwurf');
		expect(model.facts).toContainEqual(['Fälligkeitsdatum', '15.03.2026']);
		expect(model.facts).toContainEqual(['Ihre Referenz', 'PO-4711']);
		expect(model.lines[0]).toMatchObject({ quantity: '8 Std.', unitPrice: '100,00\u00a0€' });
		expect(model.totals).toContainEqual({
			label: 'MwSt. 19% auf 800,00\u00a0€',
			value: '152,00\u00a0€'
		});
		expect(model.labels.billTo).toBe('Rechnung an');
	});

	it('names a quote and a credit note in the client’s language too', () => {
		const german = makeClient({ language: 'de' });
		const quote = documentModel({ ...invoice, kind: 'quote' }, profile, german, US);
		expect(quote.title).toBe('Angebotsentwurf');
		expect(quote.facts).toContainEqual(['Gültig bis', '15.03.2026']);
		const note = { ...invoice, kind: 'credit-note' as const, status: 'sent' as const };
		const credit = documentModel(note, profile, makeClient({ language: 'fr' }), US);
		expect(credit.title).toBe('Avoir');
		expect(credit.facts[0]).toEqual(['Numéro d’avoir', invoice.number]);
	});

	it('prints the payment details, the IBAN in groups of four', () => {
		const texts = modelTexts(documentModel(invoice, profile, makeClient(), US));
		expect(texts).toContain('IBAN DE89 3704 0044 0532 0130 00');
		expect(texts).toContain('BIC COBADEFFXXX');
		expect(texts).toContain('Bank Commerzbank');
	});

	it('keeps the language and payment details it was issued with', () => {
		const issued = issue(invoice, {
			profile,
			client: makeClient({ language: 'fr' }),
			at: '2026-03-01T10:00:00.000Z',
			locale: 'en-US'
		});
		expect(issued.issued).toMatchObject({ language: 'fr', locale: 'fr-FR' });
		const later = documentModel(
			issued,
			makeProfile({ payment: { text: 'Cash only' } }),
			makeClient({ language: 'de' }),
			US
		);
		expect(later.title).toBe('Facture');
		expect(modelTexts(later)).toContain('IBAN DE89 3704 0044 0532 0130 00');
		expect(modelTexts(later)).not.toContain('Cash only');
	});

	it('reads as before for a client without a language: English, the business’s format', () => {
		const model = documentModel(invoice, makeProfile(), makeClient(), US);
		expect(model.title).toBe('Draft invoice');
		expect(model.facts).toContainEqual(['Due date', '03/15/2026']);
		expect(model.totals).toContainEqual({ label: 'MwSt. 19% on €800.00', value: '€152.00' });
	});

	it('says the tax is included when the prices include it', () => {
		const gross = { ...invoice, pricesIncludeTax: true };
		const model = documentModel(gross, makeProfile(), makeClient(), US);
		expect(model.totals).toContainEqual({
			label: 'MwSt. 19% on €672.27 (included)',
			value: '€127.73'
		});
		expect(model.totals).toContainEqual({ label: 'Total', value: '€800.00', strong: true });
	});

	it('carries an EPC QR code for what is still due on a euro invoice paid to an IBAN', () => {
		const partly = {
			...invoice,
			number: 'INV-7',
			payments: [{ id: 'p1', date: '2026-03-02', amount: 20000, note: '' }]
		};
		const model = documentModel(partly, profile, makeClient({ language: 'de' }), US);
		expect(model.giroCode?.payload.split('\n')).toEqual([
			'BCD',
			'002',
			'1',
			'SCT',
			'COBADEFFXXX',
			'Studio North',
			'DE89370400440532013000',
			'EUR752.00',
			'',
			'',
			'INV-7'
		]);
		expect(model.giroCode?.caption).toBe('Scannen und bezahlen');
	});

	it('has no QR code without a euro amount due, an IBAN, or for what is not an invoice', () => {
		const none = (changes: Partial<typeof invoice>, business = profile) =>
			documentModel({ ...invoice, ...changes }, business, makeClient(), US).giroCode;
		expect(none({})).not.toBeNull();
		expect(none({ currency: 'USD' })).toBeNull();
		expect(none({ kind: 'credit-note' })).toBeNull();
		expect(none({ kind: 'quote' })).toBeNull();
		expect(none({ status: 'void' })).toBeNull();
		expect(none({ status: 'paid' })).toBeNull();
		expect(
			none({ payments: [{ id: 'p', date: '2026-03-02', amount: 95200, note: '' }] })
		).toBeNull();
		expect(none({}, makeProfile({ payment: { text: 'Cash only' } }))).toBeNull();
		expect(none({}, makeProfile())).toBeNull();
	});
});

describe('the VAT exemption note', () => {
	it('is printed under the notes, once per reason, when a line charges no VAT', () => {
		const exempt = makeInvoice({
			notes: 'Thank you.',
			lines: [
				makeLine({ id: 'a', taxRate: 0, taxCategory: 'AE' }),
				makeLine({ id: 'b', taxRate: 0, taxCategory: 'AE' }),
				makeLine({ id: 'c', taxRate: 0, taxCategory: 'E', taxExemption: '§ 4 Nr. 14 UStG' }),
				makeLine({ id: 'd', taxRate: 19 })
			]
		});
		expect(documentModel(exempt, profile, makeClient(), US).notes).toBe(
			'Thank you.\n\nReverse charge: VAT to be accounted for by the recipient\n§ 4 Nr. 14 UStG'
		);
		expect(documentModel(invoice, profile, makeClient(), US).notes).toBe('');
	});
});
