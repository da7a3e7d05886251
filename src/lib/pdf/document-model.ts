/**
 * What an invoice PDF says, as plain strings: formatted once, for the invoice's currency and
 * the business's number and date format (as on screen), so the layout only places text. Pure.
 */
import { formatsFor, type Formats } from '../invoice/formats';
import { KIND_WORDS, kindOf } from '../invoice/documents';
import { partiesOf } from '../invoice/issue';
import type { BusinessProfile, Client, Invoice } from '../invoice/schema';
import { invoiceTotals } from '../invoice/totals';
import { countOf } from '../invoice/words';

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
	stamp: { text: 'PAID' | 'VOID'; color: 'green' | 'red' } | null;
	/** The logo as a data: URL (PNG or JPEG), or empty. */
	logo: string;
}

export function documentModel(
	invoice: Invoice,
	profile: BusinessProfile,
	client: Client | undefined,
	appFormats: Formats
): PdfDocumentModel {
	// An issued invoice prints as it was issued: its parties and its number and date format.
	const formats = invoice.issued
		? formatsFor(invoice.issued.locale, appFormats.locale)
		: appFormats;
	const { seller, buyer } = partiesOf(invoice, profile, client);
	const totals = invoiceTotals(invoice);
	const money = (minor: number) => formats.money(minor, invoice.currency);
	const date = formats.date;
	const percent = (value: number) => `${formats.number(value)}%`;
	const days = Math.round(
		(Date.parse(invoice.dueDate) - Date.parse(invoice.issueDate)) / 86_400_000
	);
	const present = (...values: string[]) => values.map((v) => v.trim()).filter(Boolean);
	// A quote and a credit note print as such, never as an invoice (and never with negatives).
	const kind = kindOf(invoice);
	const { title } = KIND_WORDS[kind];
	const dueFacts: [string, string][] =
		kind === 'invoice'
			? [
					['Due date', date(invoice.dueDate)],
					['Terms', days > 0 ? `Net ${countOf(days, 'day')}` : 'Due on receipt']
				]
			: kind === 'quote'
				? [['Valid until', date(invoice.dueDate)]]
				: [];

	return {
		title: invoice.status === 'draft' ? `Draft ${title.toLowerCase()}` : title,
		number: invoice.number,
		seller: {
			name: seller.name.trim() || 'Your business',
			lines: present(
				...seller.address.split('\n'),
				seller.email,
				seller.taxId && `Tax ID ${seller.taxId}`
			)
		},
		buyer: {
			name: buyer.name,
			lines: present(
				...buyer.address.split('\n'),
				buyer.email,
				buyer.taxId && `Tax ID ${buyer.taxId}`
			)
		},
		facts: [
			[`${title} number`, invoice.number],
			['Issue date', date(invoice.issueDate)],
			...dueFacts,
			['Currency', invoice.currency]
		],
		lines: invoice.lines.map((line, i) => ({
			description: line.description,
			quantity: formats.number(line.quantity),
			unitPrice: money(line.unitPrice),
			tax: percent(line.taxRate),
			discount: line.discountPercent ? percent(line.discountPercent) : '',
			amount: money(totals.lines[i]?.net ?? 0)
		})),
		totals: [
			{ label: 'Subtotal', value: money(totals.subtotal) },
			...(totals.discount !== 0
				? [{ label: 'Discount', value: `−${money(totals.discount)}` }]
				: []),
			...totals.taxes.map((group) => ({
				label: `Tax ${percent(group.rate)} on ${money(group.base)}`,
				value: money(group.tax)
			})),
			{ label: 'Total', value: money(totals.total), strong: true },
			...(totals.paid !== 0
				? [
						{ label: 'Paid', value: `−${money(totals.paid)}` },
						totals.credit > 0
							? { label: 'Credit', value: money(totals.credit), strong: true }
							: { label: 'Balance due', value: money(totals.balance), strong: true }
					]
				: [])
		],
		notes: invoice.notes,
		stamp:
			kind !== 'invoice'
				? null
				: invoice.status === 'void'
					? { text: 'VOID', color: 'red' }
					: invoice.status === 'paid' || (totals.total > 0 && totals.balance <= 0)
						? { text: 'PAID', color: 'green' }
						: null,
		logo: profile.logo
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
		model.notes
	];
}

/** All the text at once, to decide which fonts the PDF needs. */
export function allText(model: PdfDocumentModel): string {
	return modelTexts(model).join('\n');
}
