import {
	openDB,
	type DBSchema,
	type IDBPDatabase,
	type IDBPTransaction,
	type StoreNames
} from 'idb';
import type { BusinessProfile, Client, Invoice } from '../invoice/schema';
import {
	acknowledged,
	nextOutboxEntry,
	outboxKey,
	type Acknowledgement,
	type Change,
	type CollectionName,
	type Collections,
	type ConflictCopy,
	type OutboxEntry,
	type RecordStore,
	type RemoteApply,
	type WriteOrigin
} from './record-store';

interface InvoiceLabDb extends DBSchema {
	invoices: {
		key: string;
		value: Invoice;
		indexes: {
			'by-number': string;
			'by-issue-date': string;
			'by-client': string;
			'by-hlc': string;
		};
	};
	clients: { key: string; value: Client; indexes: { 'by-name': string; 'by-hlc': string } };
	profile: { key: string; value: BusinessProfile };
	outbox: { key: string; value: OutboxEntry };
	conflicts: { key: string; value: ConflictCopy };
	meta: { key: string; value: { key: string; value: unknown } };
}

type UpgradeTx = IDBPTransaction<InvoiceLabDb, StoreNames<InvoiceLabDb>[], 'versionchange'>;

/**
 * Schema migrations: entry i upgrades version i to i + 1. Append, never edit, so a browser
 * holding any older version walks forward step by step.
 */
const MIGRATIONS: Array<(db: IDBPDatabase<InvoiceLabDb>, tx: UpgradeTx) => void> = [
	(db) => {
		const invoices = db.createObjectStore('invoices', { keyPath: 'id' });
		invoices.createIndex('by-number', 'number');
		invoices.createIndex('by-issue-date', 'issueDate');
		invoices.createIndex('by-client', 'clientId');
		invoices.createIndex('by-hlc', 'hlc');
		const clients = db.createObjectStore('clients', { keyPath: 'id' });
		clients.createIndex('by-name', 'name');
		clients.createIndex('by-hlc', 'hlc');
		db.createObjectStore('profile', { keyPath: 'id' });
		db.createObjectStore('outbox', { keyPath: 'key' });
		db.createObjectStore('meta', { keyPath: 'key' });
	},
	(db) => {
		db.createObjectStore('conflicts', { keyPath: 'key' });
	}
];

const RECORD_STORES = ['invoices', 'clients', 'profile'] as const;

export const DB_VERSION = MIGRATIONS.length;

export async function openIdbStore(name = 'invoicelab'): Promise<IdbRecordStore> {
	const db = await openDB<InvoiceLabDb>(name, DB_VERSION, {
		upgrade(database, oldVersion, _newVersion, tx) {
			for (let version = oldVersion; version < DB_VERSION; version++) {
				MIGRATIONS[version]?.(database, tx);
			}
		},
		blocking() {
			// A newer tab wants to upgrade the schema: step aside so it is not stuck.
			db.close();
		}
	});
	return new IdbRecordStore(db);
}

function abortQuietly(tx: { abort(): void }): void {
	try {
		tx.abort();
	} catch {
		// Already finished or aborted by the failing request itself.
	}
}

export class IdbRecordStore implements RecordStore {
	constructor(private readonly db: IDBPDatabase<InvoiceLabDb>) {}

	all<K extends CollectionName>(collection: K): Promise<Collections[K][]> {
		return this.db.getAll(collection) as Promise<Collections[K][]>;
	}

	get<K extends CollectionName>(collection: K, id: string): Promise<Collections[K] | undefined> {
		return this.db.get(collection, id) as Promise<Collections[K] | undefined>;
	}

	async getMany<K extends CollectionName>(
		collection: K,
		ids: readonly string[]
	): Promise<(Collections[K] | undefined)[]> {
		const tx = this.db.transaction(collection);
		const records = await Promise.all(ids.map((id) => tx.store.get(id)));
		await tx.done;
		return records as (Collections[K] | undefined)[];
	}

	async write(changes: readonly Change[], origin?: WriteOrigin): Promise<void> {
		const tx = this.db.transaction([...RECORD_STORES, 'outbox'], 'readwrite');
		const outbox = tx.objectStore('outbox');
		// Change ties each record to its collection; idb's per-store typing cannot follow that.
		const storeOf = (change: Change) =>
			tx.objectStore(change.collection) as unknown as typeof outbox;
		const writes: Promise<unknown>[] = [];
		try {
			// All reads first, in parallel, then all writes: one round trip each way, not one
			// per record (an import writes thousands).
			const found = await Promise.all(
				changes.map((change) =>
					Promise.all([
						outbox.get(outboxKey(change.collection, change.record.id)),
						storeOf(change).get(change.record.id)
					])
				)
			);
			const entries = new Map<string, OutboxEntry | undefined>();
			const befores = new Map<string, { hlc: string } | undefined>();
			changes.forEach((change, i) => {
				const key = outboxKey(change.collection, change.record.id);
				const [previous, before] = found[i]!;
				const entry = nextOutboxEntry(
					entries.has(key) ? entries.get(key) : previous,
					befores.has(key) ? befores.get(key) : before,
					change,
					origin
				);
				entries.set(key, entry);
				befores.set(key, change.record);
				writes.push(storeOf(change).put(change.record as never), outbox.put(entry));
			});
			await Promise.all(writes);
		} catch (error) {
			// A put that throws (e.g. an uncloneable value) must not let the earlier puts commit.
			abortQuietly(tx);
			await Promise.allSettled([...writes, tx.done]);
			throw error;
		}
		await tx.done;
	}

	async applyRemote({ records, conflicts, rebased }: RemoteApply): Promise<void> {
		const tx = this.db.transaction([...RECORD_STORES, 'outbox', 'conflicts'], 'readwrite');
		const outbox = tx.objectStore('outbox');
		const requests: Promise<unknown>[] = [];
		for (const { collection, record } of records) {
			requests.push(tx.objectStore(collection).put(record as never));
			requests.push(outbox.delete(outboxKey(collection, record.id)));
		}
		for (const copy of conflicts) requests.push(tx.objectStore('conflicts').put(copy));
		for (const { key, baseHlc } of rebased) {
			requests.push(
				outbox.get(key).then((entry) => entry && outbox.put({ ...entry, baseHlc, isNew: false }))
			);
		}
		await Promise.all([...requests, tx.done]);
	}

	async acknowledge(acks: readonly Acknowledgement[]): Promise<void> {
		const tx = this.db.transaction('outbox', 'readwrite');
		await Promise.all([
			...acks.map(async ({ key, hlc }) => {
				const entry = await tx.store.get(key);
				if (entry?.hlc === hlc) await tx.store.delete(key);
				else if (entry) await tx.store.put(acknowledged(entry, hlc));
			}),
			tx.done
		]);
	}

	async markFailed(key: string, reason: string): Promise<void> {
		const tx = this.db.transaction('outbox', 'readwrite');
		const entry = await tx.store.get(key);
		if (entry) await tx.store.put({ ...entry, attempts: entry.attempts + 1, lastError: reason });
		await tx.done;
	}

	conflicts(): Promise<ConflictCopy[]> {
		return this.db.getAll('conflicts');
	}

	async dismissConflict(key: string): Promise<void> {
		await this.db.delete('conflicts', key);
	}

	outbox(): Promise<OutboxEntry[]> {
		return this.db.getAll('outbox');
	}

	pendingCount(): Promise<number> {
		return this.db.count('outbox');
	}

	async readMeta<T>(key: string): Promise<T | undefined> {
		return (await this.db.get('meta', key))?.value as T | undefined;
	}

	async writeMeta(key: string, value: unknown): Promise<void> {
		await this.db.put('meta', { key, value });
	}
}
