/**
 * What the invoice pages do to records, in one place, all through the repository. Each edit
 * of a stored invoice names the version it was made from, so a change that arrived meanwhile
 * (a sync, another tab) is merged in rather than overwritten; the outcome says what happened.
 */
import { withoutMeta, type Client, type Invoice, type Payment } from '../invoice/schema';
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

/** Saves the editor's fields; `existing` is the version the editor was loaded from. */
export async function saveInvoice(
	repository: Repository,
	clients: readonly Client[],
	fields: InvoiceFields,
	existing: Invoice | undefined
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
			payments: existing?.payments ?? []
		},
		existing
	);
}

export function setStatus(repository: Repository, invoice: Invoice, status: Invoice['status']) {
	return repository.update('invoices', { ...withoutMeta(invoice), status }, invoice);
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

/** Records a payment of whatever is still due, dated today, and marks the invoice paid. */
export function markPaid(
	repository: Repository,
	invoice: Invoice,
	today: string,
	paymentId: string
) {
	const { balance } = invoiceTotals(invoice);
	const payments =
		balance > 0
			? [
					...invoice.payments,
					{ id: paymentId, date: today, amount: balance, note: 'Marked as paid' }
				]
			: invoice.payments;
	return repository.update(
		'invoices',
		{ ...withoutMeta(invoice), status: 'paid', payments },
		invoice
	);
}

/**
 * An invoice imported marked paid whose payments do not cover its total gets a payment of the
 * balance, as Mark as paid records one, so the list (Paid) and Analytics (collected) agree. It
 * is dated the day that version was last changed (marked paid, or edited since), never after
 * today, and made on top of the imported version, as an edit here. A version that is not
 * the stored one (a newer one is here) is left alone. Returns the numbers of those settled.
 */
export async function settleImportedPaid(
	repository: Repository,
	imported: readonly Invoice[],
	today: string,
	newId: () => string
): Promise<string[]> {
	const settled: string[] = [];
	for (const invoice of imported) {
		if (invoice.deleted || invoice.status !== 'paid') continue;
		if (invoiceTotals(invoice).balance <= 0) continue;
		const stored = await repository.get('invoices', invoice.id);
		if (stored?.hlc !== invoice.hlc) continue;
		const changed = invoice.updatedAt.slice(0, 10);
		await markPaid(repository, stored, changed < today ? changed : today, newId());
		settled.push(invoice.number);
	}
	return settled;
}
