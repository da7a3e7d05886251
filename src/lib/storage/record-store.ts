import type { BusinessProfile, Client, Invoice } from '../invoice/schema';

/** Every kind of record the app stores and will sync. */
export interface Collections {
	invoices: Invoice;
	clients: Client;
	profile: BusinessProfile;
}
export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = ['invoices', 'clients', 'profile'];

export type Change = {
	[K in CollectionName]: { collection: K; record: Collections[K] };
}[CollectionName];

/** A change the cloud has not acknowledged yet. One entry per record: later edits collapse. */
export interface OutboxEntry {
	key: string;
	collection: CollectionName;
	id: string;
	hlc: string;
	/** The version the pending edit started from (the cloud's, as far as this device knows). */
	baseHlc?: string;
	/** Created on this device and never sent: the cloud cannot have it yet. */
	isNew: boolean;
	attempts: number;
	/** Why the last push of this change failed; set while it needs attention. */
	lastError?: string;
}

/** The losing side of a concurrent edit, kept so the user can restore it. */
export interface ConflictCopy {
	key: string;
	collection: CollectionName;
	id: string;
	/** The version that lost, exactly as it was. */
	record: Collections[CollectionName];
	/** Stamp of the version that was kept. */
	keptHlc: string;
	detectedAt: string;
}

/** What a sync run learned from the cloud, applied in one transaction. */
export interface RemoteApply {
	/** Cloud versions that win locally; any pending local change of theirs is dropped. */
	records: readonly Change[];
	conflicts: readonly ConflictCopy[];
	/** Pending local changes that stay but now build on a newer cloud version. */
	rebased: readonly { key: string; baseHlc: string }[];
}

/** The push of this version of the record has landed. */
export interface Acknowledgement {
	key: string;
	hlc: string;
}

export function outboxKey(collection: CollectionName, id: string): string {
	return `${collection}:${id}`;
}

/** An entry whose record changed again while an older version was being pushed. */
export function acknowledged(entry: OutboxEntry, pushedHlc: string): OutboxEntry {
	return { ...entry, isNew: false, baseHlc: pushedHlc };
}

export type WriteOrigin = 'local' | 'import';

/** The outbox entry a local write leaves: repeated edits keep the first edit's base. */
export function nextOutboxEntry(
	previous: OutboxEntry | undefined,
	before: { hlc: string } | undefined,
	{ collection, record }: Change,
	origin: WriteOrigin = 'local'
): OutboxEntry {
	if (previous) return { ...previous, hlc: record.hlc, attempts: 0, lastError: undefined };
	return {
		key: outboxKey(collection, record.id),
		collection,
		id: record.id,
		hlc: record.hlc,
		baseHlc: before?.hlc,
		isNew: before === undefined && origin === 'local',
		attempts: 0
	};
}

/** The local database. Tombstones (`deleted: true`) are kept and returned by `all`. */
export interface RecordStore {
	all<K extends CollectionName>(collection: K): Promise<Collections[K][]>;
	get<K extends CollectionName>(collection: K, id: string): Promise<Collections[K] | undefined>;
	/** Reads many records in one go; the result lines up with `ids`. */
	getMany<K extends CollectionName>(
		collection: K,
		ids: readonly string[]
	): Promise<(Collections[K] | undefined)[]>;
	/**
	 * Writes the records and their outbox entries in one transaction: all or nothing.
	 * Imported records may already be in the cloud, so they are never pushed blindly.
	 */
	write(changes: readonly Change[], origin?: WriteOrigin): Promise<void>;
	/** Applies what came from the cloud: no outbox entries for it, one transaction. */
	applyRemote(apply: RemoteApply): Promise<void>;
	/**
	 * Drops outbox entries whose pushed version is still the latest; a newer edit stays
	 * pending, now building on the version the cloud has.
	 */
	acknowledge(acks: readonly Acknowledgement[]): Promise<void>;
	/** Records a failed push on the entry (it stays pending). */
	markFailed(key: string, reason: string): Promise<void>;
	outbox(): Promise<OutboxEntry[]>;
	pendingCount(): Promise<number>;
	conflicts(): Promise<ConflictCopy[]>;
	dismissConflict(key: string): Promise<void>;
	readMeta<T>(key: string): Promise<T | undefined>;
	writeMeta(key: string, value: unknown): Promise<void>;
}
