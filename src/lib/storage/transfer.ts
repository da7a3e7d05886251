import * as v from 'valibot';
import {
	BusinessProfileSchema,
	ClientSchema,
	InvoiceSchema,
	describeIssues,
	type BusinessProfile,
	type Client,
	type Invoice
} from '../invoice/schema';
import type { Change } from './record-store';

export const EXPORT_FORMAT = 'invoicelab-export';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/** A whole workspace as a file. Tombstones are included so deletes travel with it. */
export interface Snapshot {
	format: typeof EXPORT_FORMAT;
	version: typeof EXPORT_VERSION;
	exportedAt: string;
	profile: BusinessProfile | null;
	clients: Client[];
	invoices: Invoice[];
}

export function buildSnapshot(
	data: Pick<Snapshot, 'profile' | 'clients' | 'invoices'>,
	exportedAt: string
): Snapshot {
	return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, ...data };
}

export type ParseResult = { ok: true; changes: Change[] } | { ok: false; error: string };

const EnvelopeSchema = v.object({
	format: v.literal(EXPORT_FORMAT),
	version: v.number(),
	profile: v.nullable(v.unknown()),
	clients: v.array(v.unknown()),
	invoices: v.array(v.unknown())
});

function formatSize(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Checks a whole import file before anything is written, so an import is all or nothing.
 * Every message says what is wrong in words a person can act on.
 */
export function parseImport(text: string, sizeInBytes = text.length): ParseResult {
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
			error: `The file is not valid JSON — it may be truncated or damaged (${(error as Error).message}).`
		};
	}
	const envelope = v.safeParse(EnvelopeSchema, json);
	if (!envelope.success) {
		return {
			ok: false,
			error: `This is not an InvoiceLab export (expected "format": "${EXPORT_FORMAT}" with clients and invoices).`
		};
	}
	if (envelope.output.version > EXPORT_VERSION) {
		return {
			ok: false,
			error: `This export is version ${envelope.output.version}, newer than this app understands (${EXPORT_VERSION}). Update the app first.`
		};
	}
	const changes: Change[] = [];
	const sections = [
		['clients', ClientSchema, envelope.output.clients],
		['invoices', InvoiceSchema, envelope.output.invoices]
	] as const;
	for (const [collection, schema, items] of sections) {
		for (const [index, item] of items.entries()) {
			const result = v.safeParse(schema, item);
			if (!result.success) {
				return { ok: false, error: `${collection}[${index}]: ${describeIssues(result.issues)}` };
			}
			changes.push({ collection, record: result.output } as Change);
		}
	}
	if (envelope.output.profile !== null) {
		const result = v.safeParse(BusinessProfileSchema, envelope.output.profile);
		if (!result.success) return { ok: false, error: `profile: ${describeIssues(result.issues)}` };
		changes.push({ collection: 'profile', record: result.output });
	}
	return { ok: true, changes };
}
