/**
 * What the pages do to quotes and credit notes (invoice/documents.ts), through the repository
 * like every invoice action. A new linked record is saved before the one that names it, so
 * stopped in between nothing points at a record that is not there.
 */
import { creditNoteDraft, invoiceFromQuote, type DraftFields } from '../invoice/drafts';
import { withoutMeta, type Invoice } from '../invoice/schema';
import type { Repository } from '../storage/repository';

/** Convert to invoice: a new invoice draft with the quote's lines; the quote is accepted. */
export async function convertQuote(
	repository: Repository,
	quote: Invoice,
	fields: DraftFields
): Promise<Invoice> {
	const invoice = await repository.save('invoices', invoiceFromQuote(quote, fields));
	await repository.update(
		'invoices',
		{ ...withoutMeta(quote), status: 'accepted', convertedTo: invoice.id },
		quote
	);
	return invoice;
}

export function answerQuote(
	repository: Repository,
	quote: Invoice,
	answer: 'accepted' | 'declined'
) {
	return repository.update('invoices', { ...withoutMeta(quote), status: answer }, quote);
}

/** A draft credit note for the whole invoice, to trim to some lines or an amount, then issue. */
export function createCreditNote(
	repository: Repository,
	invoice: Invoice,
	fields: Omit<DraftFields, 'dueDate'>
): Promise<Invoice> {
	return repository.save('invoices', creditNoteDraft(invoice, fields));
}
