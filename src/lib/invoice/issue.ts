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
	if (!statusFits(next)) return `marked ${next.status}`;
	if (STATUS_RANK[next.status] < STATUS_RANK[stored.status]) return 'marked unpaid';
	const fields = new Set([...Object.keys(stored), ...Object.keys(next)]);
	for (const field of fields) {
		if (META.has(field) || CHANGEABLE_AFTER_ISSUE.has(field)) continue;
		if (field === 'issued' && addsOnlyWhatWasMissing(stored.issued, next.issued)) continue;
		const before = (stored as Record<string, unknown>)[field];
		const after = (next as Record<string, unknown>)[field];
		if (!sameValue(before, after)) return 'edited';
	}
	return null;
}

/**
 * What of `next` may stand on top of the issued `stored`: its payments, status, links and log,
 * on `stored`'s document and in a status `stored` may move to. A delete or a return to draft
 * changes nothing. Used where a version arrives that was not made by this app's actions (a
 * backup file, an item another tool wrote), so that only the allowed part of it lands.
 */
export function allowedPart(stored: Invoice, next: Invoice): Invoice {
	if (!issuedChangeProblem(stored, next.deleted ? null : next)) return next;
	if (next.deleted || next.status === 'draft') return stored;
	const result: Record<string, unknown> = { ...next };
	for (const field of new Set([...Object.keys(stored), ...Object.keys(next)])) {
		if (META.has(field) || CHANGEABLE_AFTER_ISSUE.has(field)) continue;
		if (field === 'issued' && !stored.issued) continue;
		const value = (stored as Record<string, unknown>)[field];
		if (value === undefined) delete result[field];
		else result[field] = value;
	}
	result.status = statusFits(next) ? furtherStatus(next.status, stored.status) : stored.status;
	return result as Invoice;
}

/** A snapshot added to an invoice issued before snapshots, or a logo to one before logos. */
function addsOnlyWhatWasMissing(stored: Invoice['issued'], next: Invoice['issued']): boolean {
	if (!stored) return true;
	if ('logo' in stored || !next || !('logo' in next)) return false;
	const { logo, ...rest } = next;
	return logo !== undefined && sameValue(stored, rest);
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

/** How far an issued document has moved on: never back (void is final). */
const STATUS_RANK: Record<Invoice['status'], number> = {
	draft: 0,
	sent: 1,
	paid: 2,
	accepted: 2,
	declined: 2,
	void: 3
};

/** Only quotes are accepted or declined; only invoices are paid. */
function statusFits({ kind, status }: Pick<Invoice, 'kind' | 'status'>): boolean {
	if (status === 'accepted' || status === 'declined') return kind === 'quote';
	return status !== 'paid' || kind !== 'quote';
}

/**
 * Of two statuses one document was given on two devices, the one it has moved on to (void over
 * paid over sent); the first on a tie.
 */
export function furtherStatus(a: Invoice['status'], b: Invoice['status']): Invoice['status'] {
	return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
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
	/** The id of the kept record of the business's logo ('' without one: app/logo-records.ts). */
	logo?: string;
}

/** The client's language and the business's payment details go in only when there are any. */
function snapshot(invoice: Invoice, { profile, client, at, locale, logo }: IssueContext) {
	const language = client?.language;
	return {
		at,
		locale: documentLocale(language, locale),
		seller: sellerOf(profile),
		buyer: buyerOf(invoice, client),
		...(profile.payment ? { payment: profile.payment } : {}),
		...(language ? { language } : {}),
		...(logo !== undefined ? { logo } : {})
	};
}

/** The draft, issued: status sent, with the parties and format as they are now. */
export function issue(invoice: Invoice, context: IssueContext): Invoice {
	if (isIssued(invoice)) throw new IssuedInvoiceError(invoice.number, 'issued again');
	return { ...invoice, status: 'sent', issued: snapshot(invoice, context) };
}

/**
 * Invoices issued before snapshots existed print the current details, and those issued before
 * logos were kept the current logo. Before a client or the profile changes (`logoChanges`: the
 * logo too), those are frozen into them, so the change cannot reach them.
 */
export function needsFreezing(invoice: Invoice, logoChanges = false): boolean {
	if (!isIssued(invoice) || invoice.deleted) return false;
	return !invoice.issued || (logoChanges && !('logo' in invoice.issued));
}

/**
 * When such an invoice was really issued is not known: its snapshot carries its issue date.
 * One with a snapshot only gets the logo (`context.logo`) added to it.
 */
export function frozen(invoice: Invoice, context: Omit<IssueContext, 'at'>): Invoice {
	if (invoice.issued) {
		return { ...invoice, issued: { ...invoice.issued, logo: context.logo ?? '' } };
	}
	const at = `${invoice.issueDate}T00:00:00.000Z`;
	return { ...invoice, issued: snapshot(invoice, { ...context, at }) };
}
