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
	attempts: number;
	lastError?: string;
}

export function outboxKey(collection: CollectionName, id: string): string {
	return `${collection}:${id}`;
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
	/** Writes the records and their outbox entries in one transaction: all or nothing. */
	write(changes: readonly Change[]): Promise<void>;
	outbox(): Promise<OutboxEntry[]>;
	pendingCount(): Promise<number>;
	readMeta<T>(key: string): Promise<T | undefined>;
	writeMeta(key: string, value: unknown): Promise<void>;
}
