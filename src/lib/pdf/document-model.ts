/**
 * What an invoice PDF says, as plain strings: formatted once, for the invoice's currency and
 * the client's language (labels, dates, numbers; pdf/labels.ts), else the business's format
 * and English, so the layout only places text. Pure.
 */
import { documentFormats, languageOf } from '../invoice/document-language';
import type { Formats } from '../invoice/formats';
import { kindOf } from '../invoice/documents';
import { epcPayload } from '../invoice/epc-qr';
import { partiesOf } from '../invoice/issue';
import { formatIban } from '../invoice/payment-details';
import type { BusinessProfile, Client, Invoice, PaymentDetails } from '../invoice/schema';
import { invoiceTotals } from '../invoice/totals';
import { exemptionNotes } from '../invoice/vat-category';
import { fill, LABELS, type Labels } from './labels';

export interface PdfLine {
	description: string;
	quantity: string;
	unitPrice: string;
	tax: string;
	discount: string;
	amount: string;
}

export interface PdfDocumentModel {
	title: string;
	number: string;
	seller: { name: string; lines: string[] };
	buyer: { name: string; lines: string[] };
	facts: [label: string, value: string][];
	lines: PdfLine[];
	totals: { label: string; value: string; strong?: boolean }[];
	notes: string;
	/** A large mark across the first page, for paid and void invoices. */
	stamp: { text: string; color: 'green' | 'red' } | null;
	/** The logo as a data: URL (PNG or JPEG), or empty. */
	logo: string;
	/** How to pay: "IBAN DE89 …", "BIC …", free text; empty when the business gave none. */
	payment: string[];
	/**
	 * An EPC QR code (GiroCode) for what is still due, printed beside the totals: only on
	 * euro invoices paid to an IBAN with something left to pay (invoice/epc-qr.ts).
	 */
	giroCode: { payload: string; caption: string } | null;
	/**
	 * When the document was made, for the PDF's dates: when it was issued (so its bytes never
	 * change), else its last change.
	 */
	date: string;
	/** The words the layout prints itself (headings, column titles, page numbers). */
	labels: Labels;
}

function paymentLines(details: PaymentDetails | undefined, labels: Labels): string[] {
	if (!details) return [];
	return [
		details.iban && `IBAN ${formatIban(details.iban)}`,
		details.bic && `BIC ${details.bic}`,
		details.bank && `${labels.bank} ${details.bank}`,
		...(details.text?.split('\n') ?? [])
	].filter((line): line is string => Boolean(line?.trim()));
}

export function documentModel(
	invoice: Invoice,
	profile: BusinessProfile,
	client: Client | undefined,
	appFormats: Formats,
	/** The logo it prints (app/logo-records.ts documentLogo): an issued invoice keeps its own. */
	logo = profile.logo
): PdfDocumentModel {
	// An issued invoice prints as it was issued: its parties, language, format, payment details.
	const language = languageOf(invoice, client);
	const formats = documentFormats(invoice, client, appFormats);
	const labels = LABELS[language ?? 'en'];
	const { seller, buyer } = partiesOf(invoice, profile, client);
	const paymentDetails = invoice.issued ? invoice.issued.payment : profile.payment;
	const totals = invoiceTotals(invoice);
	const money = (minor: number) => formats.money(minor, invoice.currency);
	const date = formats.date;
	const percent = (value: number) => `${formats.number(value)}%`;
	const taxId = (id: string) => id && fill(labels.taxId, { id });
	const days = Math.round(
		(Date.parse(invoice.dueDate) - Date.parse(invoice.issueDate)) / 86_400_000
	);
	const present = (...values: string[]) => values.map((v) => v.trim()).filter(Boolean);
	// A quote and a credit note print as such, never as an invoice (and never with negatives).
	const kind = kindOf(invoice);
	const words = {
		invoice: [labels.invoice, labels.draftInvoice, labels.invoiceNumber],
		quote: [labels.quote, labels.draftQuote, labels.quoteNumber],
		'credit-note': [labels.creditNote, labels.draftCreditNote, labels.creditNoteNumber]
	}[kind];
	const [title, draftTitle, numberLabel] = words as [string, string, string];
	const dueFacts: [string, string][] =
		kind === 'invoice'
			? [
					[labels.dueDate, date(invoice.dueDate)],
					[
						labels.terms,
						days === 1
							? labels.netDay
							: days > 1
								? fill(labels.netDays, { n: days })
								: labels.dueOnReceipt
					]
				]
			: kind === 'quote'
				? [[labels.validUntil, date(invoice.dueDate)]]
				: [];

	const giroCode = () => {
		if (kind !== 'invoice' || invoice.status === 'void' || invoice.status === 'paid') return null;
		const payload = epcPayload({
			name: seller.name,
			iban: paymentDetails?.iban,
			bic: paymentDetails?.bic,
			currency: invoice.currency,
			amount: totals.balance,
			remittance: invoice.number
		});
		return payload ? { payload, caption: labels.scanToPay } : null;
	};

	return {
		title: invoice.status === 'draft' ? draftTitle : title,
		number: invoice.number,
		date: invoice.issued?.at ?? invoice.updatedAt,
		seller: {
			name: seller.name.trim() || labels.yourBusiness,
			lines: present(...seller.address.split('\n'), seller.email, taxId(seller.taxId))
		},
		buyer: {
			name: buyer.name,
			lines: present(...buyer.address.split('\n'), buyer.email, taxId(buyer.taxId))
		},
		facts: [
			[numberLabel, invoice.number],
			...(invoice.reference ? [[labels.reference, invoice.reference] as [string, string]] : []),
			[labels.issueDate, date(invoice.issueDate)],
			...dueFacts,
			[labels.currency, invoice.currency]
		],
		lines: invoice.lines.map((line, i) => ({
			description: line.description,
			quantity: [formats.number(line.quantity), line.unit?.trim()].filter(Boolean).join(' '),
			unitPrice: money(line.unitPrice),
			tax: percent(line.taxRate),
			discount: line.discountPercent ? percent(line.discountPercent) : '',
			amount: money(totals.lines[i]?.net ?? 0)
		})),
		totals: [
			{ label: labels.subtotal, value: money(totals.subtotal) },
			...(totals.discount !== 0
				? [{ label: labels.discount, value: `−${money(totals.discount)}` }]
				: []),
			...totals.taxes.map((group) => ({
				label: fill(totals.taxIncluded ? labels.taxIncludedOn : labels.taxOn, {
					tax: group.name ?? fill(labels.taxRate, { rate: percent(group.rate) }),
					base: money(group.base)
				}),
				value: money(group.tax)
			})),
			{ label: labels.total, value: money(totals.total), strong: true },
			...(totals.paid !== 0
				? [
						{ label: labels.paid, value: `−${money(totals.paid)}` },
						totals.credit > 0
							? { label: labels.credit, value: money(totals.credit), strong: true }
							: { label: labels.balanceDue, value: money(totals.balance), strong: true }
					]
				: [])
		],
		// Why no VAT is charged, as the law wants it said on the invoice (vat-category.ts).
		notes: [invoice.notes, exemptionNotes(invoice.lines).join('\n')].filter(Boolean).join('\n\n'),
		stamp:
			kind !== 'invoice'
				? null
				: invoice.status === 'void'
					? { text: labels.voidStamp, color: 'red' }
					: invoice.status === 'paid' || (totals.total > 0 && totals.balance <= 0)
						? { text: labels.paidStamp, color: 'green' }
						: null,
		logo,
		payment: paymentLines(paymentDetails, labels),
		giroCode: giroCode(),
		labels
	};
}

/** Every piece of text the PDF will print. */
export function modelTexts(model: PdfDocumentModel): string[] {
	return [
		model.title,
		model.seller.name,
		...model.seller.lines,
		model.buyer.name,
		...model.buyer.lines,
		...model.facts.flat(),
		...model.lines.flatMap((l) => Object.values(l)),
		...model.totals.flatMap((t) => [t.label, t.value]),
		...model.payment,
		model.notes
	];
}

/** All the text at once, to decide which fonts the PDF needs: the labels in capitals too. */
export function allText(model: PdfDocumentModel): string {
	const labels = Object.values(model.labels).join('\n');
	return [...modelTexts(model), labels, labels.toUpperCase(), model.title.toUpperCase()].join('\n');
}
