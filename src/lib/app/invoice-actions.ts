/**
 * What the invoice pages do to records, in one place, all through the repository. Each edit
 * of a stored invoice names the version it was made from, so a change that arrived meanwhile
 * (a sync, another tab) is merged in rather than overwritten; the outcome says what happened.
 */
import { appendActivity, type ActivityStamp } from '../invoice/activity';
import { documentLinks } from '../invoice/documents';
import { correctionDraft } from '../invoice/drafts';
import { frozen, issue, needsFreezing, type IssueContext } from '../invoice/issue';
import {
	withoutMeta,
	type ActivityKind,
	type Client,
	type Invoice,
	type Payment
} from '../invoice/schema';
import type { InvoiceFields } from '../invoice/invoice-form';
import { invoiceTotals } from '../invoice/totals';
import type { Draft, Repository, SaveOutcome } from '../storage/repository';
import { keepLogo } from './logo-records';

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
/** Issues the draft with the business's details as they are now, its logo kept too. */
export async function issueInvoice(
	repository: Repository,
	invoice: Invoice,
	context: IssueContext
) {
	const logo = (await keepLogo(repository, context.profile)) ?? '';
	return repository.update('invoices', withoutMeta(issue(invoice, { ...context, logo })), invoice);
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
 * get the details they were issued with (and, when the logo changes, those issued before logos
 * were kept get the logo), so the change cannot reach them. All in one write. Returns how many.
 */
export async function freezeIssued(
	repository: Repository,
	invoices: readonly Invoice[],
	contextOf: (invoice: Invoice) => Omit<IssueContext, 'at'>,
	{ logoChanges = false } = {}
): Promise<number> {
	const unfrozen = invoices.filter((invoice) => needsFreezing(invoice, logoChanges));
	if (unfrozen.length === 0) return 0;
	const logo = (await keepLogo(repository, contextOf(unfrozen[0]!).profile)) ?? '';
	const done = await rewriteAll(repository, unfrozen, (stored) =>
		needsFreezing(stored, logoChanges)
			? withoutMeta(frozen(stored, { ...contextOf(stored), logo }))
			: null
	);
	if (!done) throw new Error('invoices kept changing meanwhile; save again');
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
 * today, and made on top of the imported version, as an edit here, in the import's own
 * transaction (Repository.merge `edit`). Null for an invoice that needs none.
 */
export function settlement(today: string, newId: () => string) {
	return (invoice: Invoice) => {
		if (invoice.status !== 'paid' || invoiceTotals(invoice).balance <= 0) return null;
		const changed = invoice.updatedAt.slice(0, 10);
		return paidVersion(invoice, changed < today ? changed : today, newId());
	};
}

/**
 * Rewrites many invoices in one write and one change notice, each from its stored version
 * (`rewrite` returns null to leave one alone). Another tab or a sync may change one
 * meanwhile: then all are read again and rewritten. Returns the invoices rewritten, or null
 * when they kept changing.
 */
async function rewriteAll(
	repository: Repository,
	invoices: readonly Invoice[],
	rewrite: (stored: Invoice) => (Draft<Invoice> & { id: string }) | null
): Promise<Invoice[] | null> {
	for (let attempt = 0; attempt < 5; attempt += 1) {
		const stored = await repository.versionsOf(
			invoices.map((record) => ({ collection: 'invoices' as const, record }))
		);
		const edits: { draft: Draft<Invoice> & { id: string }; base: Invoice }[] = [];
		for (const base of stored as (Invoice | undefined)[]) {
			const draft = base && !base.deleted ? rewrite(base) : null;
			if (base && draft) edits.push({ draft, base });
		}
		if (await repository.replaceMany('invoices', edits)) return edits.map((e) => e.base);
	}
	return null;
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
