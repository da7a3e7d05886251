/**
 * What one record costs as a DynamoDB item. An item holds at most 400 KB, so a record that
 * cannot fit is refused when it is saved rather than left failing in the outbox for good.
 */
import type { RecordMeta } from '../invoice/schema';

/** DynamoDB's item limit, less room for the table's own attributes (pk, sk, seq, type…). */
export const MAX_ITEM_BYTES = 400 * 1024 - 1024;

const encoder = new TextEncoder();

/** An upper estimate of the item's size: its JSON text, in UTF-8 bytes. */
export function itemBytes(record: object): number {
	return encoder.encode(JSON.stringify(record)).length;
}

/**
 * The item's size (an upper estimate: its JSON text in UTF-8 bytes) when it is over
 * MAX_ITEM_BYTES, else undefined. A text that cannot reach the limit is not encoded (a UTF-16
 * code unit is at most 3 UTF-8 bytes): an import checks 100,000 records.
 */
export function oversize(record: object): number | undefined {
	const text = JSON.stringify(record);
	if (text.length * 3 <= MAX_ITEM_BYTES) return undefined;
	const bytes = encoder.encode(text).length;
	return bytes > MAX_ITEM_BYTES ? bytes : undefined;
}

/** Long text and lists are what make a record big; a tombstone needs neither. */
const TOMBSTONE_TEXT_LIMIT = 200;

/**
 * A deleted record as it is kept: its identity and short fields (for messages and number
 * clashes), without lists and long text, so any record can always be deleted in the cloud.
 */
export function tombstoneOf<T extends RecordMeta>(record: T): T {
	const slim: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record)) {
		if (Array.isArray(value)) slim[name] = [];
		else if (typeof value === 'string' && value.length > TOMBSTONE_TEXT_LIMIT) slim[name] = '';
		else slim[name] = value;
	}
	return { ...(slim as T), deleted: true };
}
