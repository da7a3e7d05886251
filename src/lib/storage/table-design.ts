/**
 * The DynamoDB table every device of a workspace syncs through. A public contract (see
 * docs/dynamodb-table.md): other tools may read these items, so change it only with a new
 * schema version.
 *
 * - One partition per workspace: `pk = "ws#<workspace>"`, `sk = "<collection>#<id>"`.
 * - Every write stamps `seq`, a number taken from the workspace's counter item, so the
 *   `bySeq` index returns "everything changed since checkpoint N" with a Query, not a Scan.
 */
import * as v from 'valibot';
import { describeIssues } from '../invoice/schema';
import { COLLECTIONS, type Change, type CollectionName } from './record-store';
import { SCHEMAS } from './write-rules';

export const TABLE_SCHEMA_VERSION = 1;
export const SEQ_INDEX = 'bySeq';
/** Every record's key and stamp digest, about 70 bytes each: what the reconcile lists. */
export const STAMP_INDEX = 'byStamp';

/**
 * A short digest of a stamp (the `ver` attribute), so the index the reconcile reads holds
 * about 70 bytes a record rather than 100: two 32-bit FNV-1a hashes, in base 36.
 */
export function stampDigest(stamp: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193;
	for (let i = 0; i < stamp.length; i++) {
		const code = stamp.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193) >>> 0;
		b = Math.imul(b ^ code, 0x811c9dc5) >>> 0;
	}
	return a.toString(36) + (b % 46656).toString(36);
}

export function partitionKey(workspace: string): string {
	return `ws#${workspace}`;
}

/** Shape of a CreateTable request, kept free of the SDK so this module stays pure. */
export function createTableInput(tableName: string) {
	return {
		TableName: tableName,
		BillingMode: 'PAY_PER_REQUEST' as const,
		AttributeDefinitions: [
			{ AttributeName: 'pk', AttributeType: 'S' as const },
			{ AttributeName: 'sk', AttributeType: 'S' as const },
			{ AttributeName: 'seq', AttributeType: 'N' as const },
			{ AttributeName: 'ver', AttributeType: 'S' as const }
		],
		KeySchema: [
			{ AttributeName: 'pk', KeyType: 'HASH' as const },
			{ AttributeName: 'sk', KeyType: 'RANGE' as const }
		],
		GlobalSecondaryIndexes: [
			{
				IndexName: SEQ_INDEX,
				KeySchema: [
					{ AttributeName: 'pk', KeyType: 'HASH' as const },
					{ AttributeName: 'seq', KeyType: 'RANGE' as const }
				],
				Projection: { ProjectionType: 'ALL' as const }
			},
			stampIndex()
		]
	};
}

/** The keys-only index of stamps (also added to tables made before it existed). */
export function stampIndex() {
	return {
		IndexName: STAMP_INDEX,
		KeySchema: [
			{ AttributeName: 'pk', KeyType: 'HASH' as const },
			{ AttributeName: 'ver', KeyType: 'RANGE' as const }
		],
		Projection: { ProjectionType: 'KEYS_ONLY' as const }
	};
}

/** Attributes the table adds around a record; everything else is the record itself. */
export interface ItemEnvelope {
	pk: string;
	sk: string;
	seq: number;
	/** The collection, readable in the console: `invoices`, `clients`, `profile`. */
	type: CollectionName;
	schemaVersion: number;
	/** Digest of `hlc`, the sort key of the stamp index. */
	ver: string;
}

export const SEQ_COUNTER_SK = '#seq';

export function sortKey(collection: CollectionName, id: string): string {
	return `${collection}#${id}`;
}

export function toItem(
	workspace: string,
	{ collection, record }: Change,
	seq: number
): ItemEnvelope & Record<string, unknown> {
	return {
		...record,
		pk: partitionKey(workspace),
		sk: sortKey(collection, record.id),
		seq,
		type: collection,
		schemaVersion: TABLE_SCHEMA_VERSION,
		ver: stampDigest(record.hlc)
	};
}

export type ItemReading = { ok: true; change: Change; seq: number } | { ok: false; reason: string };

/**
 * Reads an item back into a record, validating it like any other input: an item written by
 * a newer app, another tool or by hand is skipped with a reason, never stored.
 */
export function fromItem(item: Record<string, unknown>): ItemReading {
	// eslint-disable-next-line @typescript-eslint/no-unused-vars -- `ver` is derived from hlc
	const { pk, sk, seq, type, schemaVersion, ver, ...record } = item;
	const where = typeof sk === 'string' ? sk : '(no sort key)';
	if (typeof pk !== 'string' || typeof seq !== 'number') {
		return { ok: false, reason: `${where}: not an InvoiceLab item` };
	}
	if (schemaVersion !== TABLE_SCHEMA_VERSION) {
		return {
			ok: false,
			reason: `${where}: schema version ${String(schemaVersion)} is not supported`
		};
	}
	if (!COLLECTIONS.includes(type as CollectionName)) {
		return { ok: false, reason: `${where}: unknown type ${String(type)}` };
	}
	const collection = type as CollectionName;
	const result = v.safeParse(SCHEMAS[collection], record);
	if (!result.success) return { ok: false, reason: `${where}: ${describeIssues(result.issues)}` };
	if (sk !== sortKey(collection, result.output.id)) {
		return { ok: false, reason: `${where}: key does not match the record id` };
	}
	return { ok: true, change: { collection, record: result.output } as Change, seq };
}
