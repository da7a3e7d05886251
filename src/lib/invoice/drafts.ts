/**
 * New drafts made from other documents: a correction of an issued invoice, a credit note for
 * one, the invoice a quote converts to, and a version that cannot stand on an issued invoice.
 * Apart from documents.ts, which the invoice list needs, and from issue.ts. Pure.
 */
import { withoutMeta } from './record-meta';
import type { Invoice, RecordMeta } from './schema';

/** What a new draft made from another document is dated and numbered. */
export interface DraftFields {
	number: string;
	issueDate: string;
	dueDate: string;
}

/** The content of a new invoice draft with `source`'s client and lines, freshly dated. */
export function draftFrom(
	source: Invoice,
	fields: DraftFields
): Omit<Invoice, 'id' | 'createdAt' | 'updatedAt' | 'hlc' | 'history' | 'deleted'> {
	return {
		number: fields.number,
		clientId: source.clientId,
		clientName: source.clientName,
		issueDate: fields.issueDate,
		dueDate: fields.dueDate,
		currency: source.currency,
		lines: source.lines,
		discount: source.discount,
		notes: source.notes,
		status: 'draft',
		payments: [],
		// The buyer's reference (their Leitweg-ID) goes with what is billed to them.
		...(source.buyerReference ? { buyerReference: source.buyerReference } : {})
	};
}

/** The content of a new draft that corrects `invoice`: its client and lines, freshly dated. */
export function correctionDraft(invoice: Invoice, fields: DraftFields) {
	return { ...draftFrom(invoice, fields), corrects: invoice.id };
}

/**
 * A version that cannot stand on an issued invoice (a draft edit that lost to its issue, kept
 * as a copy) becomes a draft of its own, with a new id and number, so restoring it loses nothing.
 */
export function separateDraft(version: Invoice, number: string): Omit<Invoice, keyof RecordMeta> {
	const draft: Partial<Invoice> = {
		...withoutMeta(version),
		number,
		status: 'draft',
		payments: []
	};
	for (const field of ['id', 'issued', 'activity', 'correctedBy', 'convertedTo'] as const) {
		delete draft[field];
	}
	return draft as Omit<Invoice, keyof RecordMeta>;
}

/**
 * A credit note draft for the whole of `invoice`: its client, currency and lines, which the
 * user trims to some lines or replaces with one amount. It is dated, and due, when issued.
 */
export function creditNoteDraft(invoice: Invoice, fields: Omit<DraftFields, 'dueDate'>) {
	return {
		...draftFrom(invoice, { ...fields, dueDate: fields.issueDate }),
		notes: `Credit note for invoice ${invoice.number}.`,
		kind: 'credit-note' as const,
		credits: invoice.id
	};
}

/** The invoice draft a quote converts to: its client and lines, naming the quote. */
export function invoiceFromQuote(quote: Invoice, fields: DraftFields) {
	return { ...draftFrom(quote, fields), fromQuote: quote.id };
}
