/**
 * What to tell the user after saving an edit whose record changed meanwhile (a sync pulled
 * another device's edit, another tab saved): which of their changes were kept, where both
 * changed the same thing, or that the record was deleted. Pure, so the wording is tested.
 */
import type { FieldProblem, RecordMeta } from '../invoice/schema';
import { plural } from '../invoice/words';
import type { CollectionName, Collections } from '../storage/record-store';

/** What a save did besides writing the edit (see Repository.update). */
export interface SaveReport {
	merged: readonly string[];
	clashes: readonly string[];
	deleted: boolean;
}

export interface SaveMessage {
	text: string;
	tone: 'info' | 'error';
	/** How long the toast stays: longer when there is more to read. */
	ms: number;
}

type FieldWords = {
	[K in CollectionName]: Record<Exclude<keyof Collections[K], keyof RecordMeta>, string>;
};

/** Every content field in plain words, in the order they are listed in a message. */
const FIELD_WORDS: FieldWords = {
	invoices: {
		number: 'invoice number',
		clientId: 'client',
		clientName: 'client',
		issueDate: 'issue date',
		dueDate: 'due date',
		currency: 'currency',
		lines: 'line items',
		discount: 'discount',
		notes: 'notes',
		status: 'status',
		payments: 'payments',
		issued: 'issued details',
		corrects: 'corrected invoice',
		correctedBy: 'correction',
		activity: 'activity log',
		reference: 'PO / reference',
		buyerReference: 'buyer reference',
		pricesIncludeTax: 'prices include tax',
		kind: 'kind of document',
		credits: 'credited invoice',
		convertedTo: 'invoice made from the quote',
		fromQuote: 'quote'
	},
	clients: {
		name: 'name',
		email: 'email',
		address: 'address',
		taxId: 'tax ID',
		language: 'document language',
		street: 'street',
		postcode: 'postcode',
		city: 'city',
		country: 'country',
		endpoint: 'electronic address',
		buyerReference: 'buyer reference'
	},
	logos: {
		dataUrl: 'logo'
	},
	schedules: {
		clientId: 'client',
		clientName: 'client',
		currency: 'currency',
		lines: 'line items',
		discount: 'discount',
		notes: 'notes',
		every: 'interval',
		unit: 'interval',
		start: 'start date',
		end: 'end date',
		count: 'number of invoices',
		termsDays: 'payment terms',
		issue: 'issue mode',
		paused: 'paused'
	},
	profile: {
		name: 'business name',
		email: 'email',
		address: 'address',
		taxId: 'tax ID',
		street: 'street',
		postcode: 'postcode',
		city: 'city',
		country: 'country',
		endpoint: 'electronic address',
		phone: 'telephone',
		logo: 'logo',
		defaultCurrency: 'default currency',
		paymentTermsDays: 'payment terms',
		numberFormat: 'numbering format',
		locale: 'number and date format',
		templates: 'e-mail templates',
		reminderDays: 'reminder days',
		payment: 'payment details',
		taxRates: 'tax rates',
		catalogue: 'catalogue',
		quoteNumberFormat: 'quote numbering format',
		creditNoteNumberFormat: 'credit note numbering format'
	}
};

/** The fields inside an invoice's lines and payments, named after "Line 2", "Payment 1". */
const ITEM_WORDS: Record<string, { item: string; fields: Record<string, string> }> = {
	lines: {
		item: 'Line',
		fields: {
			description: 'description',
			quantity: 'quantity',
			unitPrice: 'unit price',
			taxRate: 'tax %',
			discountPercent: 'discount %',
			unit: 'unit',
			taxName: 'tax name',
			taxCategory: 'VAT category',
			taxExemption: 'exemption reason'
		}
	},
	payments: {
		item: 'Payment',
		fields: {
			date: 'date',
			amount: 'amount',
			note: 'note',
			method: 'method',
			reference: 'reference'
		}
	}
};

const OTHER = 'other details';
const SHORT_MS = 5_000;
const LONG_MS = 12_000;
const ELSEWHERE = 'on another device or in another tab meanwhile';
const list = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** The fields' plain names, each once, in the order of FIELD_WORDS; unknown ones as "other details". */
export function fieldWords(collection: CollectionName, fields: readonly string[]): string[] {
	const words: Record<string, string> = FIELD_WORDS[collection];
	const known = Object.keys(words).filter((name) => fields.includes(name));
	const named = known.map((name) => words[name]!);
	if (fields.some((name) => !Object.hasOwn(words, name))) named.push(OTHER);
	return [...new Set(named)];
}

/** A field in words, from its path in the record ("lines.0.unitPrice" → "Line 1 unit price"). */
export function fieldLabel(collection: CollectionName, path: string): string {
	const [name = '', index, inner] = path.split('.');
	const item = ITEM_WORDS[name];
	const words =
		collection === 'invoices' && item && index !== undefined
			? `${item.item} ${Number(index) + 1}${inner ? ` ${item.fields[inner] ?? inner}` : ''}`
			: (fieldWords(collection, [name])[0] ?? OTHER);
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "Line 1 description: at most 2,000 characters". */
export function problemText(collection: CollectionName, { path, message }: FieldProblem): string {
	return path ? `${fieldLabel(collection, path)}: ${message}` : message;
}

/**
 * The toast after a save. `done` says what the save did ("Invoice INV-2026-0007 saved");
 * `subject` names the record ("Invoice INV-2026-0007") for when it was deleted elsewhere
 * and the edit was kept aside instead.
 */
export function saveMessage(
	collection: CollectionName,
	subject: string,
	done: string,
	report: SaveReport
): SaveMessage {
	if (report.deleted) {
		return {
			text: `${subject} was deleted ${ELSEWHERE}: it stays deleted; your version can be restored from the sync notice.`,
			tone: 'error',
			ms: LONG_MS
		};
	}
	const clashed = fieldWords(collection, report.clashes);
	// A field named twice (client id and client name) counts where it clashed.
	const kept = fieldWords(collection, report.merged).filter((word) => !clashed.includes(word));
	if (kept.length === 0 && clashed.length === 0) return { text: done, tone: 'info', ms: SHORT_MS };
	const sentences = [`${done}.`, `It was changed ${ELSEWHERE}.`];
	if (kept.length > 0) {
		sentences.push(`Kept their ${plural(kept.length, 'change')} to the ${list.format(kept)}.`);
	}
	if (clashed.length > 0) {
		sentences.push(
			`You both changed the ${list.format(clashed)}: kept yours; theirs can be restored from the sync notice.`
		);
	}
	return { text: sentences.join(' '), tone: 'info', ms: LONG_MS };
}
