/**
 * The three kinds of document kept as invoice records: invoices (no kind), quotes and credit
 * notes. One collection, so all three sync, merge and stay records once issued the same way.
 * A quote never counts as revenue; an issued credit note takes its total off the invoice it
 * credits (invoice/totals.ts) and off revenue in the period it is issued. Pure.
 */
import { DEFAULT_NUMBER_FORMAT, nextInvoiceNumber } from './numbering';
import type { BusinessProfile, DocumentKind, Invoice } from './schema';
import { invoiceTotals } from './totals';

export const DEFAULT_QUOTE_NUMBER_FORMAT = 'QUO-{YYYY}-{SEQ:4}';
export const DEFAULT_CREDIT_NOTE_NUMBER_FORMAT = 'CN-{YYYY}-{SEQ:4}';

/** How each kind is named in the app and on its PDF. */
export const KIND_WORDS: Record<DocumentKind, { title: string; lower: string; plural: string }> = {
	invoice: { title: 'Invoice', lower: 'invoice', plural: 'Invoices' },
	quote: { title: 'Quote', lower: 'quote', plural: 'Quotes' },
	'credit-note': { title: 'Credit note', lower: 'credit note', plural: 'Credit notes' }
};

export function kindOf(invoice: Pick<Invoice, 'kind'>): DocumentKind {
	return invoice.kind ?? 'invoice';
}

/** The numbering format of a kind's series: the profile's, or the default. */
export function numberFormatOf(
	profile: Pick<BusinessProfile, 'numberFormat' | 'quoteNumberFormat' | 'creditNoteNumberFormat'>,
	kind: DocumentKind
): string {
	if (kind === 'quote') return profile.quoteNumberFormat ?? DEFAULT_QUOTE_NUMBER_FORMAT;
	if (kind === 'credit-note')
		return profile.creditNoteNumberFormat ?? DEFAULT_CREDIT_NOTE_NUMBER_FORMAT;
	return profile.numberFormat || DEFAULT_NUMBER_FORMAT;
}

/** The next free number of a kind's series on `date`, after every number already used. */
export function nextDocumentNumber(
	profile: Parameters<typeof numberFormatOf>[0],
	kind: DocumentKind,
	date: string,
	invoices: readonly Pick<Invoice, 'number'>[]
): string {
	return nextInvoiceNumber(
		numberFormatOf(profile, kind),
		date,
		invoices.map((i) => i.number)
	);
}

/** Issued and in force: sent (or paid), not a draft, not void, not deleted. */
function inForce(invoice: Invoice): boolean {
	return !invoice.deleted && invoice.status !== 'draft' && invoice.status !== 'void';
}

/** How much the issued credit notes take off each invoice, by the invoice's id. */
export function creditedByInvoice(invoices: readonly Invoice[]): Map<string, number> {
	const credited = new Map<string, number>();
	for (const note of invoices) {
		if (note.kind !== 'credit-note' || !note.credits || !inForce(note)) continue;
		credited.set(note.credits, (credited.get(note.credits) ?? 0) + invoiceTotals(note).total);
	}
	return credited;
}

/** The credit notes issued or drafted against each invoice, by the invoice's id. */
export function creditNotesByInvoice(invoices: readonly Invoice[]): Map<string, Invoice[]> {
	const notes = new Map<string, Invoice[]>();
	for (const note of invoices) {
		if (note.kind !== 'credit-note' || !note.credits || note.deleted) continue;
		notes.set(note.credits, [...(notes.get(note.credits) ?? []), note]);
	}
	return notes;
}

/** What an edit of `invoice` keeps that the editor does not show: its kind and links. */
export function documentLinks(
	invoice: Partial<Pick<Invoice, 'kind' | 'credits' | 'corrects' | 'fromQuote'>> | undefined
): Partial<Pick<Invoice, 'kind' | 'credits' | 'corrects' | 'fromQuote'>> {
	const links: Partial<Pick<Invoice, 'kind' | 'credits' | 'corrects' | 'fromQuote'>> = {};
	if (invoice?.kind) links.kind = invoice.kind;
	if (invoice?.credits) links.credits = invoice.credits;
	if (invoice?.corrects) links.corrects = invoice.corrects;
	if (invoice?.fromQuote) links.fromQuote = invoice.fromQuote;
	return links;
}
