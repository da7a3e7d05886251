import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CapturedFields } from '../ai/capture';
import { minorToDecimalString, parseMoney, parseScaled, scaledToString } from '../invoice/money';
import { invoiceTotals } from '../invoice/totals';
import { parseXmlInNode } from '../testing/xml-parser';
import { readEInvoice } from './read';

/** The official EN 16931 examples, beside the validator. */
const EXAMPLES = new URL('../../../../shared/validators/en16931/examples/', import.meta.url);
const example = (name: string) => readFileSync(fileURLToPath(new URL(name, EXAMPLES)), 'utf8');

const read = (xml: string) => readEInvoice(xml, parseXmlInNode);

function readOk(xml: string) {
	const result = read(xml);
	if (!result.ok) throw new Error(result.message);
	return result;
}

/** What the filled lines come to, computed by the app's own totals, as decimal strings. */
function totalsOf(fields: CapturedFields) {
	const currency = fields.currency!;
	const lines = fields.lines.map((line, i) => ({
		id: String(i),
		description: line.description,
		quantity: parseScaled(line.quantity, 3)! / 1000,
		unitPrice: parseMoney(line.unitPrice, currency)!,
		taxRate: parseScaled(line.taxRate, 3)! / 1000,
		discountPercent: parseScaled(line.discountPercent ?? '0', 3)! / 1000
	}));
	const discount = {
		kind: 'amount' as const,
		value: parseMoney(fields.discount ?? '0', currency)!
	};
	const totals = invoiceTotals({ lines, discount, payments: [] });
	const money = (minor: number) => minorToDecimalString(minor, currency);
	return {
		lineTotal: money(totals.subtotal),
		taxBasis: money(totals.subtotal - totals.discount),
		tax: money(totals.taxTotal),
		grandTotal: money(totals.total)
	};
}

describe('reading the official examples', () => {
	it('reads the CII example (Factur-X / ZUGFeRD syntax) into the editor’s fields', () => {
		const { fields, skipped, what } = readOk(example('CII_example1.xml'));
		expect(what).toBe('a CII invoice from De Koksmaat to ODIN 59');
		expect(fields).toMatchObject({
			clientName: 'ODIN 59',
			invoiceNumber: '12115118',
			issueDate: '2015-01-09',
			dueDate: '2015-01-09',
			currency: 'EUR',
			pricesIncludeTax: false
		});
		expect(fields.notes).toMatch(/^Alle leveringen zijn franco\. .* 25-04-'85\.$/);
		expect(fields.lines).toHaveLength(20);
		expect(fields.lines[0]).toEqual({
			description: 'PATAT FRITES 10MM 10KG',
			quantity: '2',
			unitPrice: '9.95',
			taxRate: '6',
			discountPercent: '0',
			taxCategory: 'S',
			unit: 'pcs'
		});
		expect(fields.lines[13]).toMatchObject({ description: 'KRAT BIER', taxRate: '21' });
		// 6 × 18.33 is not the line's own net amount, −109.98: the net amount is what counts.
		expect(fields.lines[19]).toMatchObject({ quantity: '1', unitPrice: '-109.98' });
		expect(skipped).toEqual([
			'line 20: 6 × 18.33 does not come to its net amount -109.98, so it is filled as 1 × -109.98'
		]);
		expect(totalsOf(fields)).toEqual({
			lineTotal: '229.60',
			taxBasis: '229.60',
			tax: '20.73',
			grandTotal: '250.33'
		});
	});

	it('reads the XRechnung (CII) example: charges become lines, an impossible due date is left out', () => {
		const { fields, skipped, what } = readOk(example('XRechnung-O.xml'));
		expect(what).toBe('a CII invoice from XX to XX');
		expect(fields).toMatchObject({
			clientName: 'XX',
			invoiceNumber: '150377292',
			issueDate: '2021-01-14',
			currency: 'EUR'
		});
		expect(fields.dueDate).toBeUndefined();
		expect(fields.buyerReference).toBe('XX');
		// Not subject to VAT, with the reason the document gives for its category.
		expect(fields.lines[0]).toMatchObject({
			taxRate: '0',
			taxCategory: 'O',
			taxExemption: 'Versicherungen sind von der Umsatzsteuer befreit.'
		});
		expect(fields.lines[3]).toMatchObject({ taxCategory: 'O' });
		expect(fields.lines.map((line) => [line.description, line.quantity, line.unitPrice])).toEqual([
			['IndustriePolice', '1', '83654.15'],
			['IndustriePolice', '1', '252646.80'],
			['Versicherungssteuer', '1', '15894.27'],
			['Versicherungssteuer', '1', '33349.38']
		]);
		expect(skipped).toContain('due date: 2021-01-01 is before the issue date');
		expect(totalsOf(fields)).toEqual({
			lineTotal: '385544.60',
			taxBasis: '385544.60',
			tax: '0.00',
			grandTotal: '385544.60'
		});
	});

	it('reads the Peppol BIS 3 example (UBL)', () => {
		const { fields, skipped, what } = readOk(example('BIS3_Invoice_positive.XML'));
		expect(what).toBe('a UBL invoice from Company A to Company B');
		expect(fields).toEqual({
			clientName: 'Company B',
			invoiceNumber: '12345',
			issueDate: '2019-01-25',
			dueDate: '2019-02-24',
			currency: 'DKK',
			notes: 'text',
			buyerReference: 'n/a',
			pricesIncludeTax: false,
			lines: [
				{
					description: 'text',
					quantity: '1',
					unitPrice: '625743.54',
					taxRate: '25',
					discountPercent: '0',
					taxCategory: 'S'
				}
			]
		});
		expect(skipped).toEqual([]);
		expect(totalsOf(fields).grandTotal).toBe('782179.43');
	});
});

/** A UBL credit note with a line discount, a document allowance and a charge. */
const CREDIT_NOTE = `<?xml version="1.0" encoding="UTF-8"?>
<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
  xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
  xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
  <cbc:ID>CN-7</cbc:ID>
  <cbc:IssueDate>2026-03-02</cbc:IssueDate>
  <cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>
  <cbc:Note>Returned goods</cbc:Note>
  <cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
  <cac:AccountingSupplierParty><cac:Party><cac:PartyLegalEntity><cbc:RegistrationName>Müller &amp; Söhne GmbH</cbc:RegistrationName></cac:PartyLegalEntity></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyName><cbc:Name>Café Bleu</cbc:Name></cac:PartyName></cac:Party></cac:AccountingCustomerParty>
  <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cbc:PaymentDueDate>2026-03-16</cbc:PaymentDueDate></cac:PaymentMeans>
  <cac:PaymentTerms><cbc:Note>Refund within 14 days</cbc:Note></cac:PaymentTerms>
  <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Loyalty</cbc:AllowanceChargeReason><cbc:Amount currencyID="EUR">10.00</cbc:Amount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>
  <cac:AllowanceCharge><cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Freight</cbc:AllowanceChargeReason><cbc:Amount currencyID="EUR">5.50</cbc:Amount><cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>
  <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">57.10</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="EUR">305.00</cbc:LineExtensionAmount>
    <cbc:TaxExclusiveAmount currencyID="EUR">300.50</cbc:TaxExclusiveAmount>
    <cbc:TaxInclusiveAmount currencyID="EUR">357.60</cbc:TaxInclusiveAmount>
    <cbc:AllowanceTotalAmount currencyID="EUR">10.00</cbc:AllowanceTotalAmount>
    <cbc:ChargeTotalAmount currencyID="EUR">5.50</cbc:ChargeTotalAmount>
    <cbc:PayableAmount currencyID="EUR">357.60</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
  <cac:CreditNoteLine>
    <cbc:ID>1</cbc:ID>
    <cbc:CreditedQuantity unitCode="HUR">2.5</cbc:CreditedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">225.00</cbc:LineExtensionAmount>
    <cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric><cbc:Amount currencyID="EUR">25.00</cbc:Amount><cbc:BaseAmount currencyID="EUR">250.00</cbc:BaseAmount></cac:AllowanceCharge>
    <cac:Item><cbc:Name>Consulting</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19.00</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">100.0000</cbc:PriceAmount></cac:Price>
  </cac:CreditNoteLine>
  <cac:CreditNoteLine>
    <cbc:ID>2</cbc:ID>
    <cbc:CreditedQuantity unitCode="C62">1000</cbc:CreditedQuantity>
    <cbc:LineExtensionAmount currencyID="EUR">80.00</cbc:LineExtensionAmount>
    <cac:Item><cbc:Name>Screws</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>19</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="EUR">8.00</cbc:PriceAmount><cbc:BaseQuantity unitCode="C62">100</cbc:BaseQuantity></cac:Price>
  </cac:CreditNoteLine>
</CreditNote>`;

describe('credit notes, discounts and charges', () => {
	it('reads a UBL credit note, says it is one, and keeps its totals', () => {
		const { fields, skipped, what } = readOk(CREDIT_NOTE);
		expect(what).toBe('a UBL credit note from Müller & Söhne GmbH to Café Bleu');
		expect(fields).toMatchObject({
			clientName: 'Café Bleu',
			invoiceNumber: 'CN-7',
			issueDate: '2026-03-02',
			dueDate: '2026-03-16',
			currency: 'EUR',
			notes: 'Returned goods\n\nRefund within 14 days',
			discount: '10.00'
		});
		expect(fields.lines).toEqual([
			{
				description: 'Consulting',
				quantity: '2.5',
				unitPrice: '100.00',
				taxRate: '19',
				discountPercent: '10',
				taxCategory: 'S',
				unit: 'hours'
			},
			// A price per 100 pieces is a price per piece when it divides exactly.
			{
				description: 'Screws',
				quantity: '1000',
				unitPrice: '0.08',
				taxRate: '19',
				discountPercent: '0',
				taxCategory: 'S'
			},
			{
				description: 'Freight',
				quantity: '1',
				unitPrice: '5.50',
				taxRate: '19',
				discountPercent: '0',
				taxCategory: 'S'
			}
		]);
		expect(skipped).toEqual([
			'It is a credit note (type 381): its lines are filled as they are, as an invoice’s.'
		]);
		expect(totalsOf(fields)).toEqual({
			lineTotal: '310.50',
			taxBasis: '300.50',
			tax: '57.10',
			grandTotal: '357.60'
		});
	});

	it('keeps an exemption reason within what a line holds', () => {
		const xml = example('XRechnung-O.xml').replace(
			'Versicherungen sind von der Umsatzsteuer befreit.',
			'Befreit. '.repeat(50)
		);
		expect(readOk(xml).fields.lines[0]!.taxExemption).toHaveLength(300);
	});

	it('shortens notes longer than the editor takes, and says so', () => {
		const xml = example('BIS3_Invoice_positive.XML').replace(
			'<cbc:Note>text</cbc:Note>',
			`<cbc:Note>${'Terms. '.repeat(1000)}</cbc:Note>`
		);
		const { fields, skipped } = readOk(xml);
		expect(fields.notes).toHaveLength(5000);
		expect(skipped).toEqual(['notes: only the first 5,000 characters are filled']);
	});

	it('reads a CII credit note (type 381) as one', () => {
		const xml = example('CII_example1.xml').replace(
			'<ram:TypeCode>380</ram:TypeCode>',
			'<ram:TypeCode>381</ram:TypeCode>'
		);
		expect(readOk(xml).what).toBe('a CII credit note from De Koksmaat to ODIN 59');
	});
});

describe('refusing what is not an e-invoice, or not safe to read', () => {
	it('refuses a DOCTYPE: entities could expand without end', () => {
		const laughs = `<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">&lol2;</Invoice>`;
		expect(read(laughs)).toEqual({
			ok: false,
			problem: 'refused',
			message: expect.stringMatching(/DOCTYPE/)
		});
	});

	it('refuses a 20 MB file without parsing it', () => {
		const huge = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:Note>${'x'.repeat(20 * 1024 * 1024)}</cbc:Note></Invoice>`;
		const result = read(huge);
		expect(result).toMatchObject({ ok: false, problem: 'refused' });
		expect(!result.ok && result.message).toMatch(/20 MB.*up to 10 MB/);
	});

	it('refuses elements nested deeper than any e-invoice', () => {
		const deep = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</Invoice>`;
		expect(read(deep)).toMatchObject({
			ok: false,
			problem: 'refused',
			message: expect.stringMatching(/nested/)
		});
	});

	it('counts only elements: tags inside comments and CDATA are not nesting', () => {
		const tags = '<a>'.repeat(150);
		const xml = example('BIS3_Invoice_positive.XML').replace(
			'<cbc:Note>text</cbc:Note>',
			`<!-- ${tags} --><cbc:Note schemeID="a>b"><![CDATA[${tags}]]></cbc:Note>`
		);
		expect(readOk(xml).fields.notes).toBe(tags);
	});

	it('says plainly when it is not XML, or XML that is not an invoice', () => {
		expect(read('%PDF-1.7 not xml at all')).toMatchObject({ ok: false, problem: 'malformed' });
		expect(read('<Invoice><ID>1</Invoice>')).toMatchObject({ ok: false, problem: 'malformed' });
		expect(read('<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>')).toEqual({
			ok: false,
			problem: 'not-einvoice',
			message: 'It is XML, but not an e-invoice: its root element is <html>.'
		});
		expect(
			read('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>')
		).toMatchObject({
			ok: false,
			problem: 'not-einvoice',
			message: expect.stringMatching(/<Order>/)
		});
	});

	it('names a syntax it does not read: ZUGFeRD 1.0', () => {
		const zugferd1 =
			'<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"/>';
		expect(read(zugferd1)).toMatchObject({
			ok: false,
			problem: 'unsupported',
			message: expect.stringMatching(/ZUGFeRD 1/)
		});
	});

	it('does not read a number thousands of digits long', () => {
		const xml = example('BIS3_Invoice_positive.XML').replace(
			'<cbc:InvoicedQuantity unitCode="KWH">1</cbc:InvoicedQuantity>',
			`<cbc:InvoicedQuantity unitCode="KWH">${'9'.repeat(100_000)}</cbc:InvoicedQuantity>`
		);
		expect(readOk(xml).skipped).toEqual([
			`line 1: the quantity "${'9'.repeat(30)}…" is not a decimal, so it is filled as 1 × 625743.54`
		]);
	});

	it('refuses an amount that is not a plain decimal, naming it', () => {
		const xml = example('BIS3_Invoice_positive.XML').replace(
			'<cbc:PriceAmount currencyID="DKK">625743.54</cbc:PriceAmount>',
			'<cbc:PriceAmount currencyID="DKK">6.2574354e5</cbc:PriceAmount>'
		);
		const { skipped, fields } = readOk(xml);
		// The line's net amount still counts: the line is filled from it.
		expect(fields.lines[0]).toMatchObject({ quantity: '1', unitPrice: '625743.54' });
		expect(skipped).toEqual([
			'line 1: the price "6.2574354e5" is not a decimal, so it is filled as 1 × 625743.54'
		]);
	});
});

describe('amounts are read exactly', () => {
	/** A UBL invoice whose stated amounts are what the app computes for these lines. */
	function ublOf(lines: { quantity: number; price: number; discount: number; rate: number }[]) {
		const items = lines.map((l, i) => ({
			...l,
			id: String(i),
			description: `Item ${i}`,
			quantity: l.quantity / 1000,
			unitPrice: l.price,
			discountPercent: l.discount / 1000,
			taxRate: l.rate
		}));
		const totals = invoiceTotals({
			lines: items,
			discount: { kind: 'percent', value: 0 },
			payments: []
		});
		const eur = (minor: number) => minorToDecimalString(minor, 'EUR');
		// Texts as documents write them: trailing zeros, a plus sign, a leading dot.
		const decimal = (value: number, scale: number, zeros: number) =>
			(scaledToString(value, scale) + (scale > 0 ? '0'.repeat(zeros) : '')).replace(/^0\./, '.');
		const body = items
			.map(
				(item, i) => `<cac:InvoiceLine><cbc:ID>${i + 1}</cbc:ID>
<cbc:InvoicedQuantity unitCode="C62">+${decimal(lines[i]!.quantity, 3, i % 3)}</cbc:InvoicedQuantity>
<cbc:LineExtensionAmount currencyID="EUR">${eur(totals.lines[i]!.net)}</cbc:LineExtensionAmount>
${item.discountPercent > 0 ? `<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">${eur(totals.lines[i]!.lineDiscount)}</cbc:Amount></cac:AllowanceCharge>` : ''}
<cac:Item><cbc:Name>${item.description}</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>${item.taxRate}</cbc:Percent></cac:ClassifiedTaxCategory></cac:Item>
<cac:Price><cbc:PriceAmount currencyID="EUR">${decimal(item.unitPrice, 2, i % 4)}</cbc:PriceAmount></cac:Price></cac:InvoiceLine>`
			)
			.join('\n');
		return `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
<cbc:ID>P-1</cbc:ID><cbc:IssueDate>2026-01-02</cbc:IssueDate><cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>
<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">${eur(totals.taxTotal)}</cbc:TaxAmount></cac:TaxTotal>
<cac:LegalMonetaryTotal><cbc:TaxExclusiveAmount currencyID="EUR">${eur(totals.subtotal)}</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount currencyID="EUR">${eur(totals.total)}</cbc:TaxInclusiveAmount></cac:LegalMonetaryTotal>
${body}</Invoice>`;
	}

	it('fills at most 500 lines, and says so and what the rest came to', () => {
		const lines = Array.from({ length: 501 }, () => ({
			quantity: 1000,
			price: 100,
			discount: 0,
			rate: 0
		}));
		const { fields, skipped } = readOk(ublOf(lines));
		expect(fields.lines).toHaveLength(500);
		expect(skipped).toEqual([
			'lines 501 to 501: only the first 500 lines are filled',
			'Check the amounts against the document: its total before tax is 501.00, the filled form’s 500.00; its total is 501.00, the filled form’s 500.00.'
		]);
	});

	it('gives back every line’s quantity, price and discount, and the document’s totals', () => {
		const line = fc.record({
			quantity: fc.integer({ min: 1, max: 1_000_000 }),
			price: fc.integer({ min: 0, max: 10_000_000 }),
			discount: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
			rate: fc.constantFrom(0, 7, 19, 20.5)
		});
		fc.assert(
			fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
				const { fields, skipped } = readOk(ublOf(lines));
				// A discount that leaves the line at zero cannot be told apart from any other.
				const telling = lines.map((l) => l.price > 0 && l.discount < 100_000);
				expect(skipped.filter((s) => !s.startsWith('line '))).toEqual([]);
				fields.lines.forEach((read, i) => {
					if (!telling[i]) return;
					expect(parseScaled(read.quantity, 3)).toBe(lines[i]!.quantity);
					expect(parseMoney(read.unitPrice, 'EUR')).toBe(lines[i]!.price);
				});
			})
		);
	});
});
