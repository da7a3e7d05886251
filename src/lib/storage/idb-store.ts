import {
	openDB,
	type DBSchema,
	type IDBPDatabase,
	type IDBPTransaction,
	type StoreNames
} from 'idb';
import type { BusinessProfile, Client, Invoice } from '../invoice/schema';
import {
	outboxKey,
	type Change,
	type CollectionName,
	type Collections,
	type OutboxEntry,
	type RecordStore
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
	}
];

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

	async write(changes: readonly Change[]): Promise<void> {
		const tx = this.db.transaction(['invoices', 'clients', 'profile', 'outbox'], 'readwrite');
		const outbox = tx.objectStore('outbox');
		const requests: Promise<unknown>[] = [];
		try {
			for (const { collection, record } of changes) {
				// Change ties each record to its collection; idb's per-store typing cannot follow that.
				requests.push(tx.objectStore(collection).put(record as never));
				const key = outboxKey(collection, record.id);
				requests.push(outbox.put({ key, collection, id: record.id, hlc: record.hlc, attempts: 0 }));
			}
		} catch (error) {
			// A put that throws (e.g. an uncloneable value) must not let the earlier puts commit.
			tx.abort();
			await Promise.allSettled([...requests, tx.done]);
			throw error;
		}
		await Promise.all([...requests, tx.done]);
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
