import * as v from 'valibot';
import {
	BusinessProfileSchema,
	ClientSchema,
	InvoiceSchema,
	LogoSchema,
	ScheduleSchema,
	describeIssues,
	type BusinessProfile,
	type Client,
	type Invoice,
	type Logo,
	type Schedule
} from '../invoice/schema';
import { printable, quote } from '../invoice/quote';
import { MAX_ITEM_BYTES, oversize } from './item-size';
import type { Change } from './record-store';

export const EXPORT_FORMAT = 'invoicelab-export';
export const EXPORT_VERSION = 1;
/** A backup of 100,000 invoices, as the app writes it, is about 100 MB. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** Records a check hands over at a time (`ParseParts`): small enough to take in between frames. */
export const IMPORT_PART_SIZE = 2000;

/** A whole workspace as a file. Tombstones are included so deletes travel with it. */
export interface Snapshot {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	exportedAt: string;
	profile: BusinessProfile | null;
	clients: Client[];
	invoices: Invoice[];
	/** Recurring invoices; absent in files exported before they existed. */
	schedules?: Schedule[];
	/** Logos issued invoices print; absent in files exported before they were kept. */
	logos?: Logo[];
}

export function buildSnapshot(
	data: Pick<Snapshot, 'profile' | 'clients' | 'invoices' | 'schedules' | 'logos'>,
	exportedAt: string
): Snapshot {
	return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, ...data };
}

export type ParseResult = { ok: true; changes: Change[] } | { ok: false; error: string };

const EnvelopeSchema = v.object({
	format: v.literal(EXPORT_FORMAT),
	version: v.unknown(),
	profile: v.nullable(v.unknown()),
	clients: v.array(v.unknown()),
	invoices: v.array(v.unknown()),
	schedules: v.optional(v.array(v.unknown()), []),
	logos: v.optional(v.array(v.unknown()), [])
});

const FormatVersionSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

function formatSize(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Why a valid record cannot be taken in as it is, or null: a second version of a record
 * already read (an export holds each record once; which copy is meant is the user's call), or
 * a size no cloud item can hold (it would fail in the outbox for good).
 */
function recordProblem(
	record: { id: string },
	where: string,
	seen: Map<string, string>
): string | null {
	const first = seen.get(record.id);
	if (first) {
		return `${where}: the same id as ${first} (${quote(record.id)}); an export holds each record once. Keep one of them.`;
	}
	seen.set(record.id, where);
	const bytes = oversize(record);
	if (bytes !== undefined) {
		return `${where} (${quote(record.id)}) is ${Math.ceil(bytes / 1024)} KB; a record can be at most ${Math.floor(MAX_ITEM_BYTES / 1024)} KB (the cloud's item limit).`;
	}
	return null;
}

export interface ParseParts {
	partSize: number;
	/** Each run of `partSize` checked records, in order, as soon as it is checked. */
	onPart: (changes: Change[]) => void;
}

/**
 * Checks a whole import file before anything is written, so an import is all or nothing.
 * Every message says what is wrong in words a person can act on. With `parts`, checked records
 * are handed over as the check goes on (a worker sends them to the page meanwhile) and the
 * result holds the rest; a failure still fails the whole file.
 */
export function parseImport(
	text: string,
	sizeInBytes = text.length,
	parts?: ParseParts
): ParseResult {
	if (sizeInBytes > MAX_IMPORT_BYTES) {
		return {
			ok: false,
			error: `The file is ${formatSize(sizeInBytes)}; the largest import is ${formatSize(MAX_IMPORT_BYTES)}.`
		};
	}
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return {
			ok: false,
			error: `The file is not valid JSON — it may be truncated or damaged (${printable((error as Error).message, 120)}).`
		};
	}
	const envelope = v.safeParse(EnvelopeSchema, json);
	if (!envelope.success) {
		return {
			ok: false,
			error: `This is not an InvoiceLab export (expected "format": "${EXPORT_FORMAT}" with clients and invoices).`
		};
	}
	const version = envelope.output.version;
	if (!v.is(FormatVersionSchema, version)) {
		return { ok: false, error: "The export's version must be a whole number from 1." };
	}
	if (version > EXPORT_VERSION) {
		return {
			ok: false,
			error: `This export is version ${version}, newer than this app understands (${EXPORT_VERSION}). Update the app first.`
		};
	}
	const changes: Change[] = [];
	const sections = [
		['clients', ClientSchema, envelope.output.clients],
		['invoices', InvoiceSchema, envelope.output.invoices],
		['schedules', ScheduleSchema, envelope.output.schedules],
		['logos', LogoSchema, envelope.output.logos]
	] as const;
	for (const [collection, schema, items] of sections) {
		const seen = new Map<string, string>();
		for (const [index, item] of items.entries()) {
			const where = `${collection}[${index}]`;
			const result = v.safeParse(schema, item);
			if (!result.success)
				return { ok: false, error: `${where}: ${describeIssues(result.issues)}` };
			const problem = recordProblem(result.output, where, seen);
			if (problem) return { ok: false, error: problem };
			changes.push({ collection, record: result.output } as Change);
			if (parts && changes.length === parts.partSize) parts.onPart(changes.splice(0));
		}
	}
	if (envelope.output.profile !== null) {
		const result = v.safeParse(BusinessProfileSchema, envelope.output.profile);
		if (!result.success) return { ok: false, error: `profile: ${describeIssues(result.issues)}` };
		const problem = recordProblem(result.output, 'profile', new Map());
		if (problem) return { ok: false, error: problem };
		changes.push({ collection: 'profile', record: result.output });
	}
	return { ok: true, changes };
}
