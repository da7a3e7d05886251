/**
 * An invoice as the EN 16931 semantic model sees it: parties with their identifiers, lines with
 * net amounts, document allowances and the VAT breakdown per category and rate. Every amount is
 * integer minor units taken from invoice/totals.ts, so the XML adds up to exactly what the PDF
 * prints. The syntaxes (cii.ts, ubl.ts) only write it out. Pure.
 */
import { kindOf } from '../invoice/documents';
import { mulDivRound } from '../invoice/money';
import type { ElectronicAddress, Invoice, Party, PaymentDetails } from '../invoice/schema';
import { allocate, discountShares, invoiceTotals } from '../invoice/totals';
import {
	DEFAULT_EXEMPTION,
	needsExemptionNote,
	vatCategoryOf,
	type VatCategory
} from '../invoice/vat-category';
import { unitCodeOf } from './unit-codes';

/** What an e-invoice is made from: the invoice and the details it prints (its snapshot). */
export interface EInvoiceSource {
	invoice: Invoice;
	seller: Party;
	buyer: Party;
	payment: PaymentDetails | undefined;
	/** The invoice a credit note credits (BT-25), when it is known. */
	credited: Pick<Invoice, 'number' | 'issueDate'> | undefined;
}

export interface EParty {
	name: string;
	street?: string;
	postcode?: string;
	city?: string;
	country?: string;
	/** BT-31 / BT-48: a VAT identifier with its country prefix. */
	vatId?: string;
	/** BT-32: the seller's tax number when it is no VAT identifier. */
	taxNumber?: string;
	/** BT-29: what identifies the seller when there is no VAT identifier (BR-CO-26). */
	id?: string;
	endpoint?: ElectronicAddress;
	email?: string;
	phone?: string;
}

export interface ELine {
	id: string;
	name: string;
	/** Quantity as written (at most 3 decimals). */
	quantity: string;
	unitCode: string;
	/** The net unit price (BT-146), a decimal that may have more places than the currency. */
	price: string;
	/** The line discount (BT-136), net of VAT. */
	allowance: number;
	/** BT-131: quantity × price − allowance, net of VAT. */
	net: number;
	category: VatCategory;
	/** Absent for "not subject to VAT", which carries no rate (BR-O-05). */
	rate?: number;
}

export interface EGroup {
	category: VatCategory;
	rate?: number;
	/** The share of the invoice discount this group takes (BG-20), net of VAT. */
	allowance: number;
	base: number;
	tax: number;
	exemption?: string;
	exemptionCode?: string;
}

export interface EInvoice {
	number: string;
	typeCode: '380' | '381';
	issueDate: string;
	dueDate?: string;
	currency: string;
	note?: string;
	buyerReference?: string;
	orderReference?: string;
	preceding?: { number: string; issueDate: string };
	/** BT-20, for credit notes: there is no due date to pay by. */
	paymentTerms?: string;
	seller: EParty;
	buyer: EParty;
	/**
	 * BG-16: a credit transfer to the seller's account (58 SEPA in EUR, 30 otherwise), or for a
	 * credit note 97, clearing between partners: it is settled against the invoice it credits.
	 */
	payment?: { code: '58' | '30' | '97'; iban?: string; bic?: string };
	/** Intra-community supplies name where and when the goods went (BR-IC-11, BR-IC-12). */
	delivery?: { date: string; country?: string };
	lines: ELine[];
	groups: EGroup[];
	totals: {
		lines: number;
		allowances: number;
		taxBasis: number;
		tax: number;
		grand: number;
		due: number;
	};
}

/** VAT identifiers start with the country (EL for Greece): anything else is a tax number. */
export function vatIdOf(taxId: string): string | undefined {
	const compact = taxId.replace(/[\s.-]/g, '').toUpperCase();
	return /^[A-Z]{2}[0-9A-Z+*]{2,13}$/.test(compact) ? compact : undefined;
}

const EXEMPTION_CODES: Partial<Record<VatCategory, string>> = {
	AE: 'VATEX-EU-AE',
	K: 'VATEX-EU-IC',
	G: 'VATEX-EU-G',
	O: 'VATEX-EU-O'
};

/** The party's electronic address: the one entered, else its e-mail. */
export function endpointOf(party: Party): ElectronicAddress | undefined {
	if (party.endpoint) return party.endpoint;
	const email = party.email.trim();
	return email ? { scheme: 'EM', id: email } : undefined;
}

function partyOf(party: Party, role: 'seller' | 'buyer', notSubject: boolean): EParty {
	const vatId = vatIdOf(party.taxId);
	const taxId = party.taxId.trim();
	const result: EParty = {
		name: party.name.trim(),
		street: party.street?.trim() || undefined,
		postcode: party.postcode?.trim() || undefined,
		city: party.city?.trim() || undefined,
		country: party.country,
		endpoint: endpointOf(party),
		email: party.email.trim() || undefined,
		phone: party.phone?.trim() || undefined
	};
	// "Not subject to VAT" invoices carry no VAT identifiers at all (BR-O-02).
	if (vatId && !notSubject) result.vatId = vatId;
	if (role === 'seller' && taxId && (!vatId || notSubject)) {
		result.taxNumber = taxId;
		result.id = taxId;
	}
	return result;
}

/** `numerator × scale / denominator` as a decimal rounded to `places`, trailing zeros cut. */
function decimal(numerator: number, scale: number, denominator: number, places: number): string {
	const scaled = mulDivRound(numerator, scale * 10 ** places, denominator);
	const sign = scaled < 0 ? '-' : '';
	const digits = Math.abs(scaled)
		.toString()
		.padStart(places + 1, '0');
	const whole = digits.slice(0, -places);
	const fraction = digits.slice(-places).replace(/0+$/, '');
	return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** `amount` with the tax at `rate` taken out of it (prices that include tax). */
const netOf = (amount: number, rate: number) =>
	mulDivRound(amount, 100_000, 100_000 + Math.round(rate * 1000));

interface GroupLines {
	category: VatCategory;
	rate: number;
	indexes: number[];
}

/**
 * The invoice in the model. The caller has checked it with einvoiceProblems: every line has a
 * category, and only standard-rated lines carry tax.
 */
export function einvoiceModel(source: EInvoiceSource, minorDigits: number): EInvoice {
	const { invoice } = source;
	const totals = invoiceTotals(invoice);
	const shares = discountShares(totals);
	const categories = invoice.lines.map((line) => vatCategoryOf(line) ?? 'Z');
	const notSubject = categories.includes('O');

	const byKey = new Map<string, GroupLines>();
	invoice.lines.forEach((line, i) => {
		const category = categories[i] as VatCategory;
		const key = `${category}|${line.taxRate}`;
		const group = byKey.get(key) ?? { category, rate: line.taxRate, indexes: [] };
		group.indexes.push(i);
		byKey.set(key, group);
	});

	const lines: ELine[] = [];
	const groups: EGroup[] = [];
	const quantityOf = (i: number) => Math.round((invoice.lines[i]?.quantity ?? 0) * 1000);
	for (const { category, rate, indexes } of byKey.values()) {
		const gross = indexes.map((i) => totals.lines[i]!.net);
		const discount = indexes.reduce((sum, i) => sum + shares[i]!, 0);
		const taxGroup = totals.taxes.find((group) => group.rate === rate);
		const inside = totals.taxIncluded && rate > 0;
		// With prices that include tax, the rate's base (as totals.ts took it out) is shared
		// across its lines, so lines less the discount come to exactly that base.
		const allowance = inside ? netOf(discount, rate) : discount;
		const nets = inside ? allocate((taxGroup?.base ?? 0) + allowance, gross) : gross;
		indexes.forEach((i, k) => {
			const line = invoice.lines[i]!;
			const lineDiscount = totals.lines[i]!.lineDiscount;
			const lineAllowance = inside ? netOf(lineDiscount, rate) : lineDiscount;
			const net = nets[k]!;
			const quantity = quantityOf(i);
			const priceMinor = inside
				? quantity === 0
					? String(netOf(line.unitPrice, rate))
					: decimal(net + lineAllowance, 1000, quantity, 4)
				: String(line.unitPrice);
			lines[i] = {
				id: String(i + 1),
				name: line.description,
				quantity: String(line.quantity),
				unitCode: unitCodeOf(line.unit),
				price: shiftDecimal(priceMinor, minorDigits),
				allowance: lineAllowance,
				net,
				category,
				...(category === 'O' ? {} : { rate })
			};
		});
		const base = nets.reduce((sum, n) => sum + n, 0) - allowance;
		const exemptions = needsExemptionNote(category)
			? [
					...new Set(
						indexes.map(
							(i) =>
								invoice.lines[i]!.taxExemption?.trim() || DEFAULT_EXEMPTION[category] || 'Exempt'
						)
					)
				]
			: [];
		groups.push({
			category,
			...(category === 'O' ? {} : { rate }),
			allowance,
			base,
			tax: rate > 0 ? (taxGroup?.tax ?? 0) : 0,
			...(exemptions.length ? { exemption: exemptions.join('; ') } : {}),
			...(EXEMPTION_CODES[category] ? { exemptionCode: EXEMPTION_CODES[category] } : {})
		});
	}

	const lineSum = lines.reduce((sum, l) => sum + l.net, 0);
	const allowances = groups.reduce((sum, g) => sum + g.allowance, 0);
	const taxBasis = lineSum - allowances;
	const grand = taxBasis + totals.taxTotal;
	if (grand !== totals.total)
		throw new Error(`e-invoice total ${grand} differs from the invoice total ${totals.total}`);

	const creditNote = kindOf(invoice) === 'credit-note';
	const iban = source.payment?.iban;
	const buyerReference = invoice.buyerReference ?? source.buyer.buyerReference;
	const buyer = partyOf(source.buyer, 'buyer', notSubject);
	return {
		number: invoice.number,
		typeCode: creditNote ? '381' : '380',
		issueDate: invoice.issueDate,
		currency: invoice.currency,
		seller: partyOf(source.seller, 'seller', notSubject),
		buyer,
		...(creditNote
			? {
					paymentTerms: `Credit for invoice ${source.credited?.number ?? ''}`.trim(),
					...(source.credited
						? {
								preceding: {
									number: source.credited.number,
									issueDate: source.credited.issueDate
								}
							}
						: {})
				}
			: { dueDate: invoice.dueDate }),
		...(invoice.notes.trim() ? { note: invoice.notes.trim() } : {}),
		...(buyerReference?.trim() ? { buyerReference: buyerReference.trim() } : {}),
		...(invoice.reference?.trim() ? { orderReference: invoice.reference.trim() } : {}),
		...(creditNote
			? { payment: { code: '97' } }
			: iban
				? {
						payment: {
							code: invoice.currency === 'EUR' ? '58' : '30',
							iban,
							...(source.payment?.bic ? { bic: source.payment.bic } : {})
						}
					}
				: {}),
		...(categories.includes('K')
			? {
					delivery: {
						date: invoice.issueDate,
						...(buyer.country ? { country: buyer.country } : {})
					}
				}
			: {}),
		lines,
		groups,
		totals: {
			lines: lineSum,
			allowances,
			taxBasis,
			tax: totals.taxTotal,
			grand,
			due: grand
		}
	};
}

/** A minor-unit decimal ("1234.5") in major units ("12.345") for a currency with `digits`. */
function shiftDecimal(minor: string, digits: number): string {
	const [whole = '0', fraction = ''] = minor.split('.');
	const padded = whole.padStart(digits + 1, '0');
	const major = digits ? padded.slice(0, -digits) : padded;
	const rest = ((digits ? padded.slice(-digits) : '') + fraction).replace(/0+$/, '');
	return rest ? `${major}.${rest}` : major;
}
