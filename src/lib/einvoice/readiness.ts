/**
 * What an invoice still lacks before it can go out as an e-invoice, field by field, in plain
 * words and with where to enter it. The EN 16931 rules apply to every format; XRechnung and
 * Peppol (UBL) ask for more. Pure.
 */
import { kindOf } from '../invoice/documents';
import { currencyDecimals } from '../invoice/money';
import type { Party } from '../invoice/schema';
import { VAT_CATEGORY_WORDS, vatCategoryOf, type VatCategory } from '../invoice/vat-category';
import { endpointOf, vatIdOf, type EInvoiceSource } from './model';

export type EInvoiceFormat = 'factur-x' | 'xrechnung-cii' | 'ubl';

export interface EInvoiceProblem {
	/** The field, in words: "Business country". */
	field: string;
	/** Where it is entered: "Settings → Business". */
	where: string;
	/** What is wrong: "not entered". */
	problem: string;
}

export function problemSentence({ field, where, problem }: EInvoiceProblem): string {
	return `${field} (${where}): ${problem}`;
}

const BUSINESS = 'Settings → Business';
const INVOICE = 'the invoice';

/** Every problem, in the order the fields appear: business, client, invoice, lines. */
export function einvoiceProblems(
	source: EInvoiceSource,
	format: EInvoiceFormat
): EInvoiceProblem[] {
	const { invoice, seller, buyer } = source;
	const problems: EInvoiceProblem[] = [];
	const add = (field: string, where: string, problem: string) =>
		problems.push({ field, where, problem });
	const client = `Clients → ${buyer.name.trim() || 'the client'}`;
	const categories = invoice.lines.map(vatCategoryOf);
	const has = (...wanted: VatCategory[]) => categories.some((c) => c && wanted.includes(c));
	const xrechnung = format === 'xrechnung-cii';
	const creditNote = kindOf(invoice) === 'credit-note';

	// The business.
	if (!seller.name.trim()) add('Business name', BUSINESS, 'not entered');
	addressProblems(seller, 'Business', BUSINESS, xrechnung, add);
	const sellerVat = vatIdOf(seller.taxId);
	if (has('K', 'G') && !sellerVat && !has('O'))
		add('Business tax ID', BUSINESS, 'a VAT ID with its country code (like DE123456789) is needed');
	else if (!seller.taxId.trim())
		add('Business tax ID', BUSINESS, 'enter the VAT ID or the tax number');
	if (format !== 'factur-x' && !endpointOf(seller))
		add('Business email or E-invoice ID', BUSINESS, 'enter one of them');
	if (xrechnung) {
		if (!seller.email.trim()) add('Business email', BUSINESS, 'XRechnung needs a contact email');
		if (!seller.phone?.trim())
			add('Business telephone', BUSINESS, 'XRechnung needs a contact telephone');
		if (!creditNote && !source.payment?.iban)
			add('IBAN', `${BUSINESS} → Payment details`, 'XRechnung needs the account to pay to');
	}

	// The client.
	if (!buyer.name.trim()) add('Client name', INVOICE, 'not entered');
	addressProblems(buyer, 'Client', client, xrechnung, add);
	if (has('AE', 'K') && !vatIdOf(buyer.taxId))
		add(
			'Client tax ID',
			client,
			`${has('AE') ? 'reverse charge' : 'an intra-community supply'} needs the client's VAT ID with its country code`
		);
	if (format !== 'factur-x' && !endpointOf(buyer))
		add('Client email or E-invoice ID', client, 'enter one of them');

	// The invoice.
	const reference = (invoice.buyerReference ?? buyer.buyerReference ?? '').trim();
	if (xrechnung && !reference)
		add(
			'Buyer reference',
			`${INVOICE} or ${client}`,
			'XRechnung needs it (the Leitweg-ID of a public buyer)'
		);
	if (format === 'ubl' && !reference && !invoice.reference?.trim())
		add('Buyer reference or PO / reference', INVOICE, 'Peppol needs one of them');
	if (currencyDecimals(invoice.currency) > 2)
		add('Currency', INVOICE, `${invoice.currency} has 3 decimals; e-invoice amounts allow 2`);
	if (creditNote && !source.credited)
		add('Credited invoice', INVOICE, 'the invoice it credits is not in this browser');
	if (invoice.lines.length === 0) add('Line items', INVOICE, 'add at least one line');
	if (has('O') && categories.some((c) => c !== 'O'))
		add(
			'VAT category',
			INVOICE,
			'lines not subject to VAT cannot share an invoice with other VAT categories'
		);
	invoice.lines.forEach((line, i) => lineProblems(line, categories[i] ?? null, i, add));
	return problems;
}

type Add = (field: string, where: string, problem: string) => void;

function addressProblems(party: Party, who: string, where: string, full: boolean, add: Add) {
	if (!party.country) add(`${who} country`, where, 'choose the country');
	if (!full) return;
	if (!party.street?.trim()) add(`${who} street`, where, 'XRechnung needs it');
	if (!party.postcode?.trim()) add(`${who} postcode`, where, 'XRechnung needs it');
	if (!party.city?.trim()) add(`${who} city`, where, 'XRechnung needs it');
}

function lineProblems(
	line: EInvoiceSource['invoice']['lines'][number],
	category: VatCategory | null,
	index: number,
	add: Add
) {
	const field = (name: string) => `Line ${index + 1} ${name}`;
	if (!line.description.trim()) add(field('description'), INVOICE, 'not entered');
	if (line.quantity < 0 || line.unitPrice < 0)
		add(field('amount'), INVOICE, 'negative amounts go on a credit note, not in an e-invoice');
	if (!category) {
		add(field('VAT category'), INVOICE, 'choose one: a line without tax must say why');
		return;
	}
	if (category === 'S' && line.taxRate <= 0)
		add(field('tax %'), INVOICE, 'a standard-rated line needs a tax rate above 0 %');
	if (category !== 'S' && line.taxRate !== 0)
		add(field('tax %'), INVOICE, `${VAT_CATEGORY_WORDS[category]} lines take 0 % tax`);
	if (category === 'E' && !line.taxExemption?.trim())
		add(field('exemption reason'), INVOICE, 'an exempt line must name why (the law’s article)');
}
