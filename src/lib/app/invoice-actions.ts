/** What the invoice pages do to records, in one place, all through the repository. */
import { withoutMeta, type Client, type Invoice, type Payment } from '../invoice/schema';
import type { InvoiceFields } from '../invoice/invoice-form';
import { invoiceTotals } from '../invoice/totals';
import type { Repository } from '../storage/repository';

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

export async function saveInvoice(
	repository: Repository,
	clients: readonly Client[],
	fields: InvoiceFields,
	existing: Invoice | undefined
): Promise<Invoice> {
	const client = await clientNamed(repository, clients, fields.clientName);
	return repository.save('invoices', {
		...fields,
		id: existing?.id,
		clientId: client.id,
		clientName: client.name,
		status: existing?.status ?? 'draft',
		payments: existing?.payments ?? []
	});
}

export function setStatus(repository: Repository, invoice: Invoice, status: Invoice['status']) {
	return repository.save('invoices', { ...withoutMeta(invoice), status });
}

export function addPayment(repository: Repository, invoice: Invoice, payment: Payment) {
	return repository.save('invoices', {
		...withoutMeta(invoice),
		payments: [...invoice.payments, payment]
	});
}

export function removePayment(repository: Repository, invoice: Invoice, paymentId: string) {
	return repository.save('invoices', {
		...withoutMeta(invoice),
		payments: invoice.payments.filter((p) => p.id !== paymentId)
	});
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
	return repository.save('invoices', { ...withoutMeta(invoice), status: 'paid', payments });
}
