/**
 * What the invoice pages do to records, in one place, all through the repository. Each edit
 * of a stored invoice names the version it was made from, so a change that arrived meanwhile
 * (a sync, another tab) is merged in rather than overwritten; the outcome says what happened.
 */
import { appendActivity, type ActivityStamp } from '../invoice/activity';
import { documentLinks } from '../invoice/documents';
import { correctionDraft, frozen, issue, needsFreezing, type IssueContext } from '../invoice/issue';
import {
	withoutMeta,
	type ActivityKind,
	type Client,
	type Invoice,
	type Payment
} from '../invoice/schema';
import type { InvoiceFields } from '../invoice/invoice-form';
import { invoiceTotals } from '../invoice/totals';
import type { Repository, SaveOutcome } from '../storage/repository';

/** Finds the client by name (any case), creating it when the name is new. */
export async function clientNamed(
	repository: Repository,
	clients: readonly Client[],
	name: string
): Promise<Client> {
	const wanted = name.trim().toLocaleLowerCase();
	const existing = clients.find((c) => c.name.trim().toLocaleLowerCase() === wanted);
	if (existing) return existing;
	return repository.save('clients', { name: name.trim(), email: '', address: '', taxId: '' });
}

/**
 * Saves the editor's fields; `existing` is the version the editor was loaded from, `links`
 * what the record is besides them (a quote, a credit note, a correction: documents.ts).
 */
export async function saveInvoice(
	repository: Repository,
	clients: readonly Client[],
	fields: InvoiceFields,
	existing: Invoice | undefined,
	links = documentLinks(existing)
): Promise<SaveOutcome<'invoices'>> {
	const client = await clientNamed(repository, clients, fields.clientName);
	return repository.update(
		'invoices',
		{
			...fields,
			id: existing?.id,
			clientId: client.id,
			clientName: client.name,
			status: existing?.status ?? 'draft',
			payments: existing?.payments ?? [],
			...links
		},
		existing
	);
}

/** Mark as sent: the invoice becomes a record, with both parties copied in (invoice/issue.ts). */
export function issueInvoice(repository: Repository, invoice: Invoice, context: IssueContext) {
	return repository.update('invoices', withoutMeta(issue(invoice, context)), invoice);
}

export function voidInvoice(repository: Repository, invoice: Invoice) {
	return repository.update('invoices', { ...withoutMeta(invoice), status: 'void' }, invoice);
}

/**
 * Correct invoice: a new draft with the same client and lines that names the invoice, then the
 * invoice voided, naming the draft. The draft comes first: stopped in between, the invoice is
 * still valid and the draft shows what it corrects.
 */
export async function correctInvoice(
	repository: Repository,
	invoice: Invoice,
	fields: { number: string; issueDate: string; dueDate: string }
): Promise<Invoice> {
	const draft = await repository.save('invoices', correctionDraft(invoice, fields));
	await repository.update(
		'invoices',
		{ ...withoutMeta(invoice), status: 'void', correctedBy: draft.id },
		invoice
	);
	return draft;
}

/**
 * Before a client or the business profile changes, invoices issued before snapshots existed
 * get the details they were issued with, so the change cannot reach them. Returns how many.
 */
export async function freezeIssued(
	repository: Repository,
	invoices: readonly Invoice[],
	contextOf: (invoice: Invoice) => Omit<IssueContext, 'at'>
): Promise<number> {
	const unfrozen = invoices.filter(needsFreezing);
	for (const invoice of unfrozen) {
		await repository.update('invoices', withoutMeta(frozen(invoice, contextOf(invoice))), invoice);
	}
	return unfrozen.length;
}

export function addPayment(repository: Repository, invoice: Invoice, payment: Payment) {
	return repository.update(
		'invoices',
		{ ...withoutMeta(invoice), payments: [...invoice.payments, payment] },
		invoice
	);
}

export function removePayment(repository: Repository, invoice: Invoice, paymentId: string) {
	return repository.update(
		'invoices',
		{ ...withoutMeta(invoice), payments: invoice.payments.filter((p) => p.id !== paymentId) },
		invoice
	);
}

/**
 * Undoes a removal: the same payment (same id) goes back on the invoice as it is stored now,
 * so whatever changed since the removal stays. Nothing is added twice.
 */
export async function restorePayment(repository: Repository, invoiceId: string, payment: Payment) {
	const stored = await repository.get('invoices', invoiceId);
	if (!stored || stored.deleted) throw new Error('the invoice was deleted');
	if (stored.payments.some((p) => p.id === payment.id)) return;
	return addPayment(repository, stored, payment);
}

/**
 * Records a payment of whatever is still due (after `credited`, its credit notes), dated today,
 * and marks the invoice paid.
 */
export function markPaid(
	repository: Repository,
	invoice: Invoice,
	today: string,
	paymentId: string,
	credited = 0
) {
	return repository.update('invoices', paidVersion(invoice, today, paymentId, credited), invoice);
}

/** The invoice marked paid, with a payment of its balance (if any) dated `date`. */
function paidVersion(invoice: Invoice, date: string, paymentId: string, credited = 0) {
	const { balance } = invoiceTotals(invoice, credited);
	const payment = { id: paymentId, date, amount: balance, note: 'Marked as paid' };
	const payments = balance > 0 ? [...invoice.payments, payment] : invoice.payments;
	return { ...withoutMeta(invoice), status: 'paid' as const, payments };
}

/**
 * An invoice imported marked paid whose payments do not cover its total gets a payment of the
 * balance, as Mark as paid records one, so the list (Paid) and Analytics (collected) agree. It
 * is dated the day that version was last changed (marked paid, or edited since), never after
 * today, and made on top of the imported version, as an edit here. A version that is not
 * the stored one (a newer one is here) is left alone. All are written at once (a backup can
 * hold thousands). Returns the numbers of those settled.
 */
export async function settleImportedPaid(
	repository: Repository,
	imported: readonly Invoice[],
	today: string,
	newId: () => string
): Promise<string[]> {
	const unsettled = imported.filter(
		(invoice) => !invoice.deleted && invoice.status === 'paid' && invoiceTotals(invoice).balance > 0
	);
	// Another tab or a sync may change one meanwhile: read again and retry what still holds.
	for (let attempt = 0; attempt < 5; attempt += 1) {
		const stored = await repository.versionsOf(
			unsettled.map((record) => ({ collection: 'invoices' as const, record }))
		);
		const edits = unsettled.flatMap((invoice, i) => {
			const base = stored[i] as Invoice | undefined;
			if (base?.hlc !== invoice.hlc) return [];
			const changed = invoice.updatedAt.slice(0, 10);
			const date = changed < today ? changed : today;
			return [{ draft: paidVersion(base, date, newId()), base }];
		});
		if (await repository.replaceMany('invoices', edits)) return edits.map((e) => e.base.number);
	}
	return [];
}

/** Records an event that changes nothing else (a PDF downloaded, an e-mail sent). */
export function logActivity(
	repository: Repository,
	invoice: Invoice,
	kind: ActivityKind,
	stamp: ActivityStamp
) {
	const activity = appendActivity(invoice.activity, [{ ...stamp, kind }]);
	return repository.update('invoices', { ...withoutMeta(invoice), activity }, invoice);
}
