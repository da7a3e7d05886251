/**
 * The one definition of every stored record, shared by IndexedDB reads, imports and (later)
 * DynamoDB items. Types are inferred from the schemas so they cannot drift apart.
 */
import * as v from 'valibot';
import { DOCUMENT_LANGUAGES } from './document-language';
import { isLocaleTag } from './formats';
import { isKnownCurrency } from './money';
import { BIC, isIban, normalizeIban } from './payment-details';
import { quote } from './quote';
import { HISTORY_LENGTH, STAMP_PATTERN } from './record-meta';
import { isCountryCode } from './countries';
import { VAT_CATEGORIES } from './vat-category';

export { BUSINESS_PROFILE_ID, HISTORY_LENGTH, STAMP_PATTERN, withoutMeta } from './record-meta';

const isoDate = v.pipe(v.string(), v.isoDate('must be a date (YYYY-MM-DD)'));
const isoTimestamp = v.pipe(v.string(), v.isoTimestamp('must be an ISO timestamp'));
const minorUnits = v.pipe(v.number(), v.safeInteger('must be whole minor units'));
const positiveMinorUnits = v.pipe(minorUnits, v.minValue(1, 'must be more than zero'));
const nonNegativeMinorUnits = v.pipe(minorUnits, v.minValue(0, 'must not be negative'));
/**
 * Quantities and percentages are computed as thousandths (totals.ts): a finer value would be
 * rounded silently. A number's shortest text shows its decimals (1e-7 has more than three).
 */
const thousandths = v.check(
	(value: number) => /^-?\d+(\.\d{1,3})?$/.test(String(value)),
	'at most 3 decimals'
);
const percent = v.pipe(v.number(), v.minValue(0), v.maxValue(100), thousandths);
const shortText = (max: number) =>
	v.pipe(v.string(), v.maxLength(max, `at most ${max.toLocaleString('en-US')} characters`));

/** The longest texts an invoice holds, also the editor's field limits. */
export const INVOICE_TEXT_LIMITS = {
	number: 64,
	clientName: 200,
	description: 2000,
	notes: 5000,
	reference: 200,
	unit: 20,
	taxExemption: 300
} as const;
/** Ids are made by this app (UUIDs); 64 characters leave room for other tools' ids. */
const id = v.pipe(
	v.string(),
	v.minLength(1, 'must not be empty'),
	v.maxLength(64, 'at most 64 characters')
);
const currency = v.pipe(v.string(), v.check(isKnownCurrency, 'must be an ISO 4217 currency code'));

const stamp = v.pipe(
	v.string(),
	v.regex(STAMP_PATTERN, 'must be a clock stamp (time-counter-device)'),
	v.check((value) => !Number.isNaN(Date.parse(value.slice(0, 24))), 'must be a clock stamp')
);

/** Sync metadata every record carries; `deleted` records are tombstones, never removed. */
const meta = {
	id,
	createdAt: isoTimestamp,
	updatedAt: isoTimestamp,
	/** Hybrid-logical-clock stamp of the last change (see storage/hlc.ts). */
	hlc: stamp,
	/** Stamps of the versions this one was made from, newest first (see storage/lineage.ts). */
	history: v.optional(v.pipe(v.array(stamp), v.maxLength(HISTORY_LENGTH))),
	deleted: v.boolean()
};

/**
 * Where e-invoices reach a party (EN 16931 BT-34, BT-49): an e-mail address (scheme EM) or a
 * Peppol participant id with its EAS scheme code ("0088" GLN, "0204" Leitweg-ID, …).
 */
export const ElectronicAddressSchema = v.object({
	scheme: v.pipe(v.string(), v.regex(/^(EM|\d{4})$/, 'must be EM or a 4-digit EAS code')),
	id: v.pipe(shortText(200), v.minLength(1, 'must not be empty'))
});

/**
 * The parts of a postal address an e-invoice needs (EN 16931 BG-5, BG-8), beside the free-text
 * address that is printed. Each is absent until entered, so records from before these existed
 * read (and merge) unchanged.
 */
const postalParts = {
	street: v.optional(shortText(200)),
	postcode: v.optional(shortText(20)),
	city: v.optional(shortText(100)),
	/** ISO 3166-1 alpha-2, like DE. */
	country: v.optional(
		v.pipe(v.string(), v.check(isCountryCode, 'must be an ISO 3166 country code like DE'))
	),
	/** Absent: e-invoices use the e-mail address. */
	endpoint: v.optional(ElectronicAddressSchema)
};

/** The buyer's reference (BT-10): the German Leitweg-ID of a public buyer, or their own code. */
const buyerReference = v.optional(shortText(200));

export const ClientSchema = v.object({
	...meta,
	...postalParts,
	buyerReference,
	name: v.pipe(shortText(200), v.trim(), v.minLength(1, 'name is required')),
	email: shortText(200),
	address: shortText(1000),
	taxId: shortText(100),
	/** The language of the client's documents, or absent: English (document-language.ts). */
	language: v.optional(v.picklist(DOCUMENT_LANGUAGES))
});

export const LineItemSchema = v.object({
	id,
	description: shortText(INVOICE_TEXT_LIMITS.description),
	/**
	 * Decimal quantity, at most 3 decimals. The editor refuses negative ones (credit notes take
	 * amounts off); older records with negative credit lines stay readable.
	 */
	quantity: v.pipe(v.number(), v.finite(), v.minValue(-1e9), v.maxValue(1e9), thousandths),
	/** Minor units of the invoice currency; negative only in records from before credit notes. */
	unitPrice: minorUnits,
	/** Percent, at most 3 decimals (7.25 = 7.25 %). */
	taxRate: percent,
	discountPercent: percent,
	/** "hours", "days", "pcs": free text; absent on lines from before units existed. */
	unit: v.optional(shortText(INVOICE_TEXT_LIMITS.unit)),
	/** The saved tax rate's name ("VAT 19%") when the rate came from one. */
	taxName: v.optional(shortText(60)),
	/** The VAT category (vat-category.ts); absent: standard when taxed, else not chosen yet. */
	taxCategory: v.optional(v.picklist(VAT_CATEGORIES)),
	/** Why no VAT is charged, printed on the invoice (BT-120); absent: the category's default. */
	taxExemption: v.optional(shortText(INVOICE_TEXT_LIMITS.taxExemption))
});

export const PAYMENT_METHODS = ['bank-transfer', 'card', 'cash', 'other'] as const;

export const PaymentSchema = v.object({
	id,
	date: isoDate,
	/** Money received; the app records only positive payments. */
	amount: positiveMinorUnits,
	note: shortText(500),
	/**
	 * How it was paid, and the bank's or card's reference, or absent: payments recorded before
	 * these existed read as they were stored (a three-way merge sees no change between them).
	 */
	method: v.optional(v.picklist(PAYMENT_METHODS)),
	reference: v.optional(shortText(200))
});

export const InvoiceDiscountSchema = v.variant('kind', [
	v.object({
		kind: v.literal('percent'),
		value: percent
	}),
	v.object({ kind: v.literal('amount'), value: nonNegativeMinorUnits })
]);

/** Accepted and declined are a quote's answers (invoice/documents.ts). */
export const INVOICE_STATUSES = ['draft', 'sent', 'paid', 'void', 'accepted', 'declined'] as const;

/** Invoices have no kind (every record before quotes and credit notes is an invoice). */
export const DOCUMENT_KINDS = ['quote', 'credit-note'] as const;

/** Who an invoice is from or to, as printed on it. */
export const PartySchema = v.object({
	name: shortText(200),
	email: shortText(200),
	address: shortText(1000),
	taxId: shortText(100),
	...postalParts,
	/** The seller's telephone (XRechnung asks for a contact's). */
	phone: v.optional(shortText(50)),
	/** The buyer's standing reference (the client's Leitweg-ID) when issued. */
	buyerReference
});

/** How the business gets paid, each part optional; the IBAN is checked (payment-details.ts). */
export const PaymentDetailsSchema = v.object({
	/** Without spaces, in capitals, as normalizeIban writes it. */
	iban: v.optional(
		v.pipe(
			v.string(),
			v.check(
				(iban) => iban === normalizeIban(iban) && isIban(iban),
				'must be an IBAN with matching check digits'
			)
		)
	),
	bic: v.optional(v.pipe(v.string(), v.regex(BIC, 'must be a BIC of 8 or 11 characters'))),
	bank: v.optional(shortText(200)),
	text: v.optional(shortText(1000))
});

/**
 * The seller's and buyer's details as they were when the invoice was issued (Mark as sent):
 * later edits of the client or the business profile never change an issued invoice.
 */
export const IssuedSnapshotSchema = v.object({
	at: isoTimestamp,
	/** The number and date format (a BCP 47 tag) the invoice's documents print in. */
	locale: shortText(35),
	seller: PartySchema,
	buyer: PartySchema,
	/** Absent on snapshots from before these existed, and when there were none. */
	payment: v.optional(PaymentDetailsSchema),
	language: v.optional(v.picklist(DOCUMENT_LANGUAGES)),
	/**
	 * The id of the logo record it prints (app/logo-records.ts), empty when issued without a
	 * logo; absent on invoices issued before logos were kept (they print the current one).
	 */
	logo: v.optional(v.union([id, v.literal('')]))
});

export const ACTIVITY_KINDS = [
	'created',
	'edited',
	'issued',
	'pdf-downloaded',
	'emailed',
	'reminder-sent',
	'payment-recorded',
	'payment-removed',
	'paid',
	'voided',
	'corrected'
] as const;

/** One line of an invoice's activity log (invoice/activity.ts); the log is only appended to. */
export const ActivityEntrySchema = v.object({
	at: isoTimestamp,
	kind: v.picklist(ACTIVITY_KINDS),
	/** The device it happened on (its HLC device id), so changes from elsewhere read as such. */
	device: v.pipe(v.string(), v.maxLength(64)),
	/** For payments: the amount, in the invoice's minor units. */
	amount: v.optional(minorUnits)
});

/** The log keeps its first entry and the latest ones, so a busy invoice stays a small item. */
export const ACTIVITY_LIMIT = 200;

export const InvoiceSchema = v.object({
	...meta,
	number: v.pipe(
		shortText(INVOICE_TEXT_LIMITS.number),
		v.minLength(1, 'invoice number is required')
	),
	clientId: id,
	/** The client's name when the invoice was last saved, so history reads without a join. */
	clientName: shortText(INVOICE_TEXT_LIMITS.clientName),
	issueDate: isoDate,
	dueDate: isoDate,
	currency,
	lines: v.pipe(v.array(LineItemSchema), v.maxLength(1000)),
	discount: InvoiceDiscountSchema,
	notes: shortText(INVOICE_TEXT_LIMITS.notes),
	status: v.picklist(INVOICE_STATUSES),
	payments: v.pipe(v.array(PaymentSchema), v.maxLength(500)),
	/** Absent on drafts, and on invoices issued before snapshots existed (see invoice/issue.ts). */
	issued: v.optional(IssuedSnapshotSchema),
	/** A replacement draft names the issued invoice it corrects; that one is void and names it. */
	corrects: v.optional(id),
	correctedBy: v.optional(id),
	activity: v.optional(v.pipe(v.array(ActivityEntrySchema), v.maxLength(ACTIVITY_LIMIT))),
	/** The client's purchase order or reference, printed on the invoice. */
	reference: v.optional(shortText(INVOICE_TEXT_LIMITS.reference)),
	/** BT-10; absent: the client's (its Leitweg-ID), as frozen in the issued snapshot. */
	buyerReference,
	/** Unit prices include tax (totals.ts); absent: they do not. */
	pricesIncludeTax: v.optional(v.boolean()),
	/**
	 * Quote or credit note; absent on invoices, so records from before these existed read (and
	 * merge) unchanged. A quote's due date is the date it is valid until.
	 */
	kind: v.optional(v.picklist(DOCUMENT_KINDS)),
	/** A credit note names the issued invoice it credits. */
	credits: v.optional(id),
	/** A quote names the invoice it was converted to; that invoice names the quote. */
	convertedTo: v.optional(id),
	fromQuote: v.optional(id)
});

export const TaxRateSchema = v.object({
	name: v.pipe(shortText(60), v.trim(), v.minLength(1, 'name is required')),
	rate: percent
});

export const CatalogueItemSchema = v.object({
	id,
	name: v.pipe(shortText(200), v.trim(), v.minLength(1, 'name is required')),
	unit: v.optional(shortText(20)),
	/** Minor units of `currency`: a line in another currency takes the item without its price. */
	unitPrice: minorUnits,
	currency,
	taxRate: percent,
	taxName: v.optional(shortText(60))
});

/**
 * A recurring invoice: what to bill (taken from an invoice) and when. Each invoice it makes has
 * an id derived from the schedule and the date (invoice/recurring.ts), so two devices running
 * it offline make the same invoice, which sync merges into one.
 */
export const ScheduleSchema = v.object({
	...meta,
	clientId: id,
	clientName: shortText(INVOICE_TEXT_LIMITS.clientName),
	currency,
	lines: v.pipe(v.array(LineItemSchema), v.minLength(1), v.maxLength(1000)),
	discount: InvoiceDiscountSchema,
	notes: shortText(INVOICE_TEXT_LIMITS.notes),
	every: v.pipe(v.number(), v.integer(), v.minValue(1, 'at least 1'), v.maxValue(52, 'at most 52')),
	unit: v.picklist(['week', 'month']),
	/** The first invoice's date; later ones follow every `every` `unit`s from it. */
	start: isoDate,
	/** No invoice after this date (absent: none after `count` invoices, or never ends). */
	end: v.optional(isoDate),
	count: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000))),
	/** Days from an invoice's date to its due date. */
	termsDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365)),
	/** Issue each invoice at once (Mark as sent), or leave it a draft to check first. */
	issue: v.boolean(),
	paused: v.boolean()
});

const sequenceFormat = v.pipe(
	shortText(60),
	v.includes('{SEQ', 'numbering format needs a {SEQ} or {SEQ:n} placeholder')
);

/** The only logos stored: base64 PNG or JPEG. Nothing else (SVG, javascript:) gets through. */
export const LOGO_DATA_URL = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]*={0,2}$/;

const logoDataUrl = v.pipe(
	v.string(),
	v.maxLength(350_000, 'logo must be under 250 KB'),
	v.check(
		(logo) => logo === '' || LOGO_DATA_URL.test(logo),
		'logo must be a PNG or JPEG image (a base64 data: URL)'
	)
);

/**
 * A logo an invoice was issued with, kept by its content's digest (app/logo-records.ts): one
 * record per logo however many invoices print it, so an issued invoice keeps its logo after
 * the business changes it, and each invoice stays small.
 */
export const LogoSchema = v.object({
	...meta,
	dataUrl: v.pipe(logoDataUrl, v.minLength(1, 'logo is required'))
});

const MessageTemplateSchema = v.object({ subject: shortText(300), body: shortText(5000) });
/** A business's own e-mail templates (invoice/messages.ts); a missing one is the default. */
const TemplateSetSchema = v.object({
	invoice: v.optional(MessageTemplateSchema),
	reminder: v.optional(MessageTemplateSchema),
	quote: v.optional(MessageTemplateSchema),
	'credit-note': v.optional(MessageTemplateSchema)
});

export const BusinessProfileSchema = v.object({
	...meta,
	name: shortText(200),
	email: shortText(200),
	address: shortText(1000),
	taxId: shortText(100),
	...postalParts,
	phone: v.optional(shortText(50)),
	/**
	 * A base64 data: URL of a small PNG/JPEG, or empty. Its pixel size is checked where it is
	 * shown or embedded (invoice/logo.ts): a profile with an oversized logo stays readable.
	 */
	logo: logoDataUrl,
	defaultCurrency: currency,
	paymentTermsDays: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(365)),
	numberFormat: sequenceFormat,
	/** The quote and credit note series (invoice/documents.ts), or absent: the defaults. */
	quoteNumberFormat: v.optional(sequenceFormat),
	creditNoteNumberFormat: v.optional(sequenceFormat),
	/**
	 * How numbers and dates are written (invoice/formats.ts), or absent: as the browser does.
	 * Absent rather than empty, so a profile saved before this field existed reads the same as
	 * one that never chose (a three-way merge sees no change between them).
	 */
	locale: v.optional(v.pipe(v.string(), v.check(isLocaleTag, 'must be a language tag like de-DE'))),
	/** E-mail templates (invoice/messages.ts); a missing one is the default. */
	templates: v.optional(
		v.object({
			...TemplateSetSchema.entries,
			/** The templates of the other document languages (English ones are the above). */
			languages: v.optional(
				v.record(v.picklist(DOCUMENT_LANGUAGES.filter((l) => l !== 'en')), TemplateSetSchema)
			)
		})
	),
	/** Days overdue at which the first, second and third reminder are due. */
	reminderDays: v.optional(
		v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365))), v.maxLength(5))
	),
	payment: v.optional(PaymentDetailsSchema),
	/** Tax rates offered in the line editor, by name ("VAT 19%"). */
	taxRates: v.optional(v.pipe(v.array(TaxRateSchema), v.maxLength(50))),
	/** Products and services the line editor offers as you type (invoice/catalogue.ts). */
	catalogue: v.optional(v.pipe(v.array(CatalogueItemSchema), v.maxLength(300)))
});

export type Client = v.InferOutput<typeof ClientSchema>;
export type Logo = v.InferOutput<typeof LogoSchema>;
export type LineItem = v.InferOutput<typeof LineItemSchema>;
export type Payment = v.InferOutput<typeof PaymentSchema>;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export type InvoiceDiscount = v.InferOutput<typeof InvoiceDiscountSchema>;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
/** 'invoice' stands for a record without a kind. */
export type DocumentKind = 'invoice' | (typeof DOCUMENT_KINDS)[number];
export type Invoice = v.InferOutput<typeof InvoiceSchema>;
export type BusinessProfile = v.InferOutput<typeof BusinessProfileSchema>;
export type Party = v.InferOutput<typeof PartySchema>;
export type Schedule = v.InferOutput<typeof ScheduleSchema>;
export type ActivityEntry = v.InferOutput<typeof ActivityEntrySchema>;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export type IssuedSnapshot = v.InferOutput<typeof IssuedSnapshotSchema>;
export type PaymentDetails = v.InferOutput<typeof PaymentDetailsSchema>;
export type TaxRate = v.InferOutput<typeof TaxRateSchema>;
export type ElectronicAddress = v.InferOutput<typeof ElectronicAddressSchema>;
export type CatalogueItem = v.InferOutput<typeof CatalogueItemSchema>;
export type RecordMeta = Pick<
	Invoice,
	'id' | 'createdAt' | 'updatedAt' | 'hlc' | 'history' | 'deleted'
>;

/** What is wrong with one field: its path in the record ("lines.0.quantity") and why. */
export interface FieldProblem {
	path: string;
	message: string;
}

/**
 * The first few problems of a validation failure. A text the value was quoted from is shown
 * short and printable (valibot quotes it whole).
 */
export function fieldProblems(issues: readonly v.BaseIssue<unknown>[]): FieldProblem[] {
	return issues.slice(0, 3).map((issue) => ({
		path: v.getDotPath(issue) ?? '',
		message:
			typeof issue.input === 'string'
				? issue.message.replace(issue.received, () => quote(issue.input as string))
				: issue.message
	}));
}

/** Formats a validation failure as one line that names the field: "lines.0.quantity: …". */
export function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
	return fieldProblems(issues)
		.map(({ path, message }) => (path ? `${path}: ${message}` : message))
		.join('; ');
}
