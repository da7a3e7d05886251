import { describe, expect, it } from 'vitest';
import { issue } from '../invoice/issue';
import { scaledToString } from '../invoice/money';
import { invoiceTotals } from '../invoice/totals';
import { SAMPLES, SELLER } from '../testing/einvoice-samples';
import { makeClient, makeInvoice, makeLine, makeProfile } from '../testing/factories';
import {
	einvoiceFilename,
	einvoiceXml,
	EInvoiceNotReady,
	facturXml,
	problemsFor,
	problemSentence
} from './einvoice';

const first = (xml: string, element: string) =>
	new RegExp(`<${element}(?: [^>]*)?>([^<]*)<`).exec(xml)?.[1];

describe('the amounts', () => {
	it.each(SAMPLES.map((s) => [s.name, s] as const))(
		'%s: the XML totals are the PDF’s to the cent',
		(_, { invoice, context }) => {
			const totals = invoiceTotals(invoice);
			const money = (minor: number) => scaledToString(minor, 2);
			const cii = facturXml(invoice, context);
			expect(first(cii, 'ram:GrandTotalAmount')).toBe(money(totals.total));
			expect(first(cii, 'ram:TaxTotalAmount')).toBe(money(totals.taxTotal));
			const ubl = einvoiceXml(invoice, context, 'ubl');
			expect(first(ubl, 'cbc:TaxInclusiveAmount')).toBe(money(totals.total));
			expect(first(ubl, 'cbc:PayableAmount')).toBe(money(totals.total));
		}
	);
});

describe('what the documents say', () => {
	const named = (name: string) => SAMPLES.find((s) => s.name.startsWith(name))!;

	it('sends an exemption reason with the VAT breakdown, and the default one for reverse charge', () => {
		const exempt = named('exempt');
		expect(facturXml(exempt.invoice, exempt.context)).toContain(
			'<ram:ExemptionReason>Exempt under § 4 Nr. 21 UStG</ram:ExemptionReason>'
		);
		const reverse = named('reverse charge');
		const ubl = einvoiceXml(reverse.invoice, reverse.context, 'ubl');
		expect(ubl).toContain('<cbc:TaxExemptionReasonCode>VATEX-EU-AE</cbc:TaxExemptionReasonCode>');
		expect(ubl).toContain('Reverse charge: VAT to be accounted for by the recipient');
	});

	it('makes a credit note type 381 that names the invoice it credits', () => {
		const note = named('credit note');
		const cii = facturXml(note.invoice, note.context);
		expect(first(cii, 'ram:TypeCode')).toBe('381');
		expect(cii).toMatch(/<ram:InvoiceReferencedDocument>\s*<ram:IssuerAssignedID>RE-2026-001</);
		const ubl = einvoiceXml(note.invoice, note.context, 'ubl');
		expect(ubl).toMatch(
			/^<CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/m
		);
		expect(ubl).toContain('<cbc:CreditedQuantity unitCode="C62">1</cbc:CreditedQuantity>');
		// Settled against the invoice: payment instructions (XRechnung's BR-DE-1) without an account.
		expect(first(ubl, 'cbc:PaymentMeansCode')).toBe('97');
		expect(cii).not.toContain('IBANID');
	});

	it('names the XRechnung guideline and escapes what it writes', () => {
		const [sample] = SAMPLES;
		const client = { ...sample!.context.client!, name: 'Müller & <Söhne>' };
		const draft = makeInvoice({ ...sample!.invoice, clientName: client.name, status: 'draft' });
		delete draft.issued;
		const at = '2026-03-01T10:00:00.000Z';
		const invoice = issue(draft, { profile: SELLER, client, at, locale: 'de-DE' });
		const xml = einvoiceXml(invoice, { profile: SELLER, client }, 'xrechnung-cii');
		expect(xml).toContain('urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0');
		expect(xml).toContain('<ram:Name>Müller &amp; &lt;Söhne&gt;</ram:Name>');
	});

	it('names the file after the invoice number and the format', () => {
		expect(einvoiceFilename({ number: 'RE/2026 01' }, 'xrechnung-cii')).toBe(
			'RE-2026-01-xrechnung.xml'
		);
		expect(einvoiceFilename({ number: 'RE-1' }, 'ubl')).toBe('RE-1-ubl.xml');
	});
});

describe('what is missing', () => {
	const bare = {
		profile: makeProfile({ name: 'Solo', email: '' }),
		client: makeClient({ email: '' })
	};
	const untaxed = makeInvoice({ lines: [makeLine({ taxRate: 0 })] });

	it('names every field XRechnung lacks, with where to enter it, in plain words', () => {
		const problems = problemsFor(untaxed, bare, 'xrechnung-cii').map(problemSentence);
		expect(problems).toEqual([
			'Business country (Settings → Business): choose the country',
			'Business street (Settings → Business): XRechnung needs it',
			'Business postcode (Settings → Business): XRechnung needs it',
			'Business city (Settings → Business): XRechnung needs it',
			'Business tax ID (Settings → Business): enter the VAT ID or the tax number',
			'Business email or E-invoice ID (Settings → Business): enter one of them',
			'Business email (Settings → Business): XRechnung needs a contact email',
			'Business telephone (Settings → Business): XRechnung needs a contact telephone',
			'IBAN (Settings → Business → Payment details): XRechnung needs the account to pay to',
			'Client country (Clients → Acme Ltd): choose the country',
			'Client street (Clients → Acme Ltd): XRechnung needs it',
			'Client postcode (Clients → Acme Ltd): XRechnung needs it',
			'Client city (Clients → Acme Ltd): XRechnung needs it',
			'Client email or E-invoice ID (Clients → Acme Ltd): enter one of them',
			'Buyer reference (the invoice or Clients → Acme Ltd): XRechnung needs it (the Leitweg-ID of a public buyer)',
			'Line 1 VAT category (the invoice): choose one: a line without tax must say why'
		]);
	});

	it('asks Factur-X for the EN 16931 essentials only', () => {
		const fields = problemsFor(untaxed, bare, 'factur-x').map((p) => p.field);
		expect(fields).toEqual([
			'Business country',
			'Business tax ID',
			'Client country',
			'Line 1 VAT category'
		]);
	});

	it('checks each line’s category against its rate and reason', () => {
		const [sample] = SAMPLES;
		const lines = [
			makeLine({ id: 'a', taxRate: 19, taxCategory: 'AE' }),
			makeLine({ id: 'b', taxRate: 0, taxCategory: 'S' }),
			makeLine({ id: 'c', taxRate: 0, taxCategory: 'E' })
		];
		// A draft: it takes the client's current details (an issued one keeps its own).
		const invoice = { ...sample!.invoice, lines, status: 'draft' as const, issued: undefined };
		const noVatId = { ...sample!.context.client!, taxId: '123/456' };
		expect(problemsFor(invoice, { ...sample!.context, client: noVatId }, 'factur-x')[0]).toEqual({
			field: 'Client tax ID',
			where: 'Clients → Stadtwerke Köln',
			problem: "reverse charge needs the client's VAT ID with its country code"
		});
		expect(problemsFor(invoice, sample!.context, 'factur-x').map(problemSentence)).toEqual([
			'Line 1 tax % (the invoice): Reverse charge lines take 0 % tax',
			'Line 2 tax % (the invoice): a standard-rated line needs a tax rate above 0 %',
			'Line 3 exemption reason (the invoice): an exempt line must name why (the law’s article)'
		]);
	});

	it('refuses to write a document that lacks something, naming it', () => {
		expect(() => facturXml(untaxed, bare)).toThrow(EInvoiceNotReady);
		expect(() => facturXml(untaxed, bare)).toThrow(/Client country/);
	});
});
