/**
 * An issued invoice is a legal record. Issuing (Mark as sent) copies the seller's and buyer's
 * details into it; from then on its document never changes: corrections void it and start a
 * replacement draft that names it. Only drafts are edited or deleted.
 */
import { documentLocale } from './document-language';
import type { BusinessProfile, Client, Invoice, Party } from './schema';

export class IssuedInvoiceError extends Error {
	constructor(number: string, action: string) {
		super(`Invoice ${number} was issued, so it cannot be ${action}. Use Correct invoice instead.`);
		this.name = 'IssuedInvoiceError';
	}
}

/**
 * What may still change once an invoice is issued: getting paid, voided, corrected, its log;
 * a sent quote's answer and the invoice it became.
 */
const CHANGEABLE_AFTER_ISSUE = new Set([
	'status',
	'payments',
	'correctedBy',
	'activity',
	'convertedTo'
]);
const META = new Set(['id', 'createdAt', 'updatedAt', 'hlc', 'history', 'deleted']);

/**
 * Why `next` may not replace the stored invoice (`null` for a delete), or null when it may:
 * drafts change freely; an issued invoice only gets paid, voided or corrected, and one issued
 * before snapshots existed may have its snapshot added.
 */
export function issuedChangeProblem(
	stored: Invoice | undefined,
	next: Invoice | null
): string | null {
	if (!stored || stored.deleted || !isIssued(stored)) return null;
	if (next === null) return 'deleted';
	if (next.status === 'draft') return 'turned back into a draft';
	if (stored.status === 'void' && next.status !== 'void') return 'reopened';
	if (stored.status === 'paid' && next.status === 'sent') return 'marked unpaid';
	const fields = new Set([...Object.keys(stored), ...Object.keys(next)]);
	for (const field of fields) {
		if (META.has(field) || CHANGEABLE_AFTER_ISSUE.has(field)) continue;
		if (field === 'issued' && !stored.issued) continue;
		const before = (stored as Record<string, unknown>)[field];
		const after = (next as Record<string, unknown>)[field];
		if (!sameValue(before, after)) return 'edited';
	}
	return null;
}

function sameValue(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	return [...keys].every((key) =>
		sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])
	);
}

/** Sent, paid or void: anything but a draft has been issued. */
export function isIssued(invoice: Pick<Invoice, 'status'>): boolean {
	return invoice.status !== 'draft';
}

/** The e-invoicing details a party has entered; absent ones stay absent in the snapshot. */
const OPTIONAL_PARTY_FIELDS = [
	'street',
	'postcode',
	'city',
	'country',
	'endpoint',
	'phone',
	'buyerReference'
] as const;

function optionalParts(source: Partial<Party>): Partial<Party> {
	const parts: Record<string, unknown> = {};
	for (const field of OPTIONAL_PARTY_FIELDS)
		if (source[field] !== undefined) parts[field] = source[field];
	return parts as Partial<Party>;
}

export function sellerOf(profile: BusinessProfile): Party {
	const { name, email, address, taxId } = profile;
	return { name, email, address, taxId, ...optionalParts(profile) };
}

/** The name is the one the invoice was saved with (it is what the lists show, too). */
export function buyerOf(invoice: Pick<Invoice, 'clientName'>, client: Client | undefined): Party {
	return {
		name: invoice.clientName,
		email: client?.email ?? '',
		address: client?.address ?? '',
		taxId: client?.taxId ?? '',
		...optionalParts(client ?? {})
	};
}

/** The details printed on the invoice: its snapshot once issued, the current ones on a draft. */
export function partiesOf(
	invoice: Invoice,
	profile: BusinessProfile,
	client: Client | undefined
): { seller: Party; buyer: Party } {
	if (invoice.issued) return { seller: invoice.issued.seller, buyer: invoice.issued.buyer };
	return { seller: sellerOf(profile), buyer: buyerOf(invoice, client) };
}

/** What issuing copies in: the parties, when, and the number and date format it prints in. */
export interface IssueContext {
	profile: BusinessProfile;
	client: Client | undefined;
	at: string;
	locale: string;
}

/** The client's language and the business's payment details go in only when there are any. */
function snapshot(invoice: Invoice, { profile, client, at, locale }: IssueContext) {
	const language = client?.language;
	return {
		at,
		locale: documentLocale(language, locale),
		seller: sellerOf(profile),
		buyer: buyerOf(invoice, client),
		...(profile.payment ? { payment: profile.payment } : {}),
		...(language ? { language } : {})
	};
}

/** The draft, issued: status sent, with the parties and format as they are now. */
export function issue(invoice: Invoice, context: IssueContext): Invoice {
	if (isIssued(invoice)) throw new IssuedInvoiceError(invoice.number, 'issued again');
	return { ...invoice, status: 'sent', issued: snapshot(invoice, context) };
}

/**
 * Invoices issued before snapshots existed print the current details. Before a client or the
 * profile changes, those details are frozen into them, so the change cannot reach them.
 */
export function needsFreezing(invoice: Invoice): boolean {
	return isIssued(invoice) && !invoice.issued && !invoice.deleted;
}

/** When such an invoice was really issued is not known: its snapshot carries its issue date. */
export function frozen(invoice: Invoice, context: Omit<IssueContext, 'at'>): Invoice {
	const at = `${invoice.issueDate}T00:00:00.000Z`;
	return { ...invoice, issued: snapshot(invoice, { ...context, at }) };
}

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
