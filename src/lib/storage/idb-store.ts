import {
	openDB,
	unwrap,
	type DBSchema,
	type IDBPDatabase,
	type IDBPIndex,
	type IDBPTransaction,
	type StoreNames
} from 'idb';
import type {
	BusinessProfile,
	Client,
	DocumentKind,
	Invoice,
	Logo,
	Schedule
} from '../invoice/schema';
import {
	acknowledged,
	sending,
	outboxKey,
	type Acknowledgement,
	type Change,
	type CollectionName,
	type Collections,
	type ConflictCopy,
	type LocalWrite,
	type OutboxEntry,
	type RecordStore,
	type Resolution,
	type WriteOptions,
	matches,
	NewestPage
} from './record-store';
import type { PendingPack } from './pending-packs';
import type { NewestPackCursor, RecordPack, RecordPackStore } from './record-packs';

/**
 * The record-packs code: loaded with the pending-packs code, or by a read that meets packed
 * invoices (PackCodeMissing), not for the first page of a database without any.
 */
type RecordPacksCode = typeof import('./record-packs');
let recordPacksCode: RecordPacksCode | undefined;
const loadRecordPacks = async () => (recordPacksCode ??= await import('./record-packs'));

/** A read met packed invoices before their code was loaded: load it, then read again. */
class PackCodeMissing extends Error {}

/** Runs a read, again after loading the record-packs code if it met packed invoices. */
async function withPackCode<T>(read: () => Promise<T>): Promise<T> {
	try {
		return await read();
	} catch (error) {
		if (!(error instanceof PackCodeMissing)) throw error;
		await loadRecordPacks();
		return read();
	}
}

/** The pending-packs code: loaded by the first write or outbox read, not for the first page. */
type Packs = typeof import('./pending-packs');
const loadPacks = async (): Promise<Packs> =>
	(await Promise.all([import('./pending-packs'), loadRecordPacks()]))[0];

/** A write of fewer records than this keeps an outbox entry for each (pending-packs.ts). */
const PACK_FROM = 100;

export interface InvoiceLabDb extends DBSchema {
	invoices: {
		key: string;
		value: Invoice;
		indexes: {
			'by-issue-date': string;
			/** Dropped by migration 6; named for the migrations that made and drop them. */
			'by-number': string;
			'by-client': string;
			'by-hlc': string;
		};
	};
	clients: { key: string; value: Client; indexes: { 'by-name': string; 'by-hlc': string } };
	profile: { key: string; value: BusinessProfile };
	schedules: { key: string; value: Schedule };
	logos: { key: string; value: Logo };
	outbox: { key: string; value: OutboxEntry; indexes: { 'by-error': string } };
	'pending-packs': { key: number; value: PendingPack; indexes: { 'by-key': string } };
	'record-packs': {
		key: number;
		value: RecordPack;
		indexes: { 'by-id': string; 'by-newest': string };
	};
	conflicts: { key: string; value: ConflictCopy };
	meta: { key: string; value: { key: string; value: unknown } };
}

/** One record store of the transaction, typed by its record (idb types stores by name). */
export interface IdbStoreOf<T> {
	get(key: string): Promise<T | undefined>;
	put(value: T): Promise<unknown>;
	getAll(range: IDBKeyRange): Promise<T[]>;
	getAllKeys(): Promise<IDBValidKey[]>;
}

/**
 * Up to this many keys are read one request each; more are read from the store's key list
 * and key ranges, a few requests in all. Each request costs far more than its bytes (an
 * import reads and writes tens of thousands), but listing the keys of a big store for one
 * save would cost more still, and so for the 250 records of a pack of pending changes.
 */
const FEW_KEYS = 300;
const KEYS_PER_RANGE = 1000;
/** Records put between two progress reports (and chances to paint and to cancel). */
export const WRITE_SLICE = 250;

/**
 * Puts each value in its store with plain requests (idb's promise around each would cost more
 * than the put itself). Settles with the last: the requests of a transaction complete in order,
 * and a failed one aborts the transaction, failing the requests after it.
 */
export function putAll(puts: readonly [IDBObjectStore, unknown][]): Promise<void> {
	return new Promise((resolve, reject) => {
		let last: IDBRequest | undefined;
		for (const [store, value] of puts) last = store.put(value);
		if (!last) return resolve();
		last.onsuccess = () => resolve();
		last.onerror = () => reject(last.error);
	});
}

/** The values stored under `keys`, by key, in few requests. */
export async function readKeys<T>(
	store: IdbStoreOf<T>,
	keys: readonly string[],
	keyOf: (value: T) => string
): Promise<Map<string, T>> {
	const found = new Map<string, T>();
	if (keys.length <= FEW_KEYS) {
		const values = await Promise.all(keys.map((key) => store.get(key)));
		values.forEach((value, i) => value !== undefined && found.set(keys[i]!, value));
		return found;
	}
	const wanted = new Set(keys);
	// Sorted, as IndexedDB lists them: consecutive keys make disjoint ranges.
	const there = (await store.getAllKeys()).filter((key) => wanted.has(key as string));
	const ranges: Promise<T[]>[] = [];
	for (let i = 0; i < there.length; i += KEYS_PER_RANGE) {
		const last = there[Math.min(i + KEYS_PER_RANGE, there.length) - 1]!;
		ranges.push(store.getAll(IDBKeyRange.bound(there[i], last)));
	}
	for (const value of (await Promise.all(ranges)).flat()) {
		if (wanted.has(keyOf(value))) found.set(keyOf(value), value);
	}
	return found;
}

/** The transaction's record packs (record-packs.ts). */
export function recordPackStore(tx: {
	objectStore(name: 'record-packs'): unknown;
}): RecordPackStore {
	return tx.objectStore('record-packs') as RecordPackStore;
}

/** The records of `collection` under `ids`, by id: in their store, or (invoices) still packed. */
export async function readRecords<K extends CollectionName>(
	tx: { objectStore(name: K | 'record-packs'): unknown },
	collection: K,
	ids: readonly string[]
): Promise<Map<string, Collections[K]>> {
	const store = tx.objectStore(collection) as IdbStoreOf<Collections[K]>;
	if (collection !== 'invoices') return readKeys(store, ids, (record) => record.id);
	const packs = recordPackStore(tx);
	const [found, packed] = await Promise.all([
		readKeys(store, ids, (record) => record.id),
		packs.count()
	]);
	if (packed === 0) return found;
	if (!recordPacksCode) throw new PackCodeMissing();
	const missing = ids.filter((id) => !found.has(id));
	for (const record of await recordPacksCode.packedRecords(packs, missing)) {
		found.set(record.id, record as Collections[K]);
	}
	return found;
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
	},
	(db) => {
		db.createObjectStore('schedules', { keyPath: 'id' });
	},
	(db) => {
		db.createObjectStore('logos', { keyPath: 'id' });
	},
	(_db, tx) => {
		// Only failed pushes carry `lastError`, so only they are in this index: the app finds
		// them at start without reading 100,000 pending changes.
		tx.objectStore('outbox').createIndex('by-error', 'lastError');
	},
	(_db, tx) => {
		// Nothing reads these, and each index costs every write: about half an import's time.
		const invoices = tx.objectStore('invoices');
		for (const name of ['by-number', 'by-client', 'by-hlc'] as const) invoices.deleteIndex(name);
		const clients = tx.objectStore('clients');
		for (const name of ['by-name', 'by-hlc'] as const) clients.deleteIndex(name);
	},
	(db) => {
		// Imported records' pending changes, many to a value (pending-packs.ts).
		db.createObjectStore('pending-packs', { keyPath: 'id', autoIncrement: true }).createIndex(
			'by-key',
			'keys',
			{ multiEntry: true }
		);
	},
	(db) => {
		// New invoices of a big write, many to a value, until tidied (record-packs.ts).
		const packs = db.createObjectStore('record-packs', { keyPath: 'id', autoIncrement: true });
		packs.createIndex('by-id', 'ids', { multiEntry: true });
		packs.createIndex('by-newest', 'newest');
	}
];

const RECORD_STORES = ['invoices', 'clients', 'profile', 'schedules', 'logos'] as const;
/** Every store a write, a resolution or an outbox change may touch. */
export const WRITE_STORES = [
	...RECORD_STORES,
	'record-packs',
	'outbox',
	'pending-packs',
	'conflicts'
] as const;

export interface IdbStoreOptions {
	/** Writes with this many fresh imports or more pack their pending changes (tests: 1). */
	packFrom?: number;
	/**
	 * Given, packed invoices are tidied into their store in the background, a pack each time
	 * this resolves: from a moment after opening, and after each write that packs.
	 */
	whenIdle?: () => Promise<void>;
}

export const DB_VERSION = MIGRATIONS.length;

export async function openIdbStore(
	name = 'invoicelab',
	{ packFrom = PACK_FROM, whenIdle }: IdbStoreOptions = {}
): Promise<IdbRecordStore> {
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
	const store = new IdbRecordStore(db, packFrom, whenIdle);
	// What an earlier page left packed (it was closed, or another tab imported).
	if (whenIdle) void whenIdle().then(() => store.tidyInBackground());
	return store;
}

/** IndexedDB's getAllRecords (Chromium 141 on): records in either direction, one request. */
interface RecordsReader {
	getAllRecords(options: {
		direction: IDBCursorDirection;
		count: number;
	}): IDBRequest<{ value: Invoice }[]>;
}

/** Records per read in `all`: small enough that one slice never holds the page for long. */
const READ_SLICE = 2000;

export type WriteTx = IDBPTransaction<InvoiceLabDb, typeof WRITE_STORES, 'readwrite'>;
/** What reading pending changes needs: packed ones are made from their records. */
const READ_PENDING_STORES = [...RECORD_STORES, 'record-packs', 'outbox', 'pending-packs'] as const;
export type ReadPendingTx = IDBPTransaction<InvoiceLabDb, typeof READ_PENDING_STORES, 'readonly'>;

export function abortQuietly(tx: { abort(): void }): void {
	try {
		tx.abort();
	} catch {
		// Already finished or aborted by the failing request itself.
	}
}

/** The newest page of the invoices in their store (RecordStore.newestInvoices). */
async function newestStored(
	index: IDBPIndex<InvoiceLabDb, ['invoices', 'record-packs'], 'invoices', 'by-issue-date'>,
	kind: DocumentKind,
	count: number
): Promise<Invoice[]> {
	const reader = unwrap(index) as IDBIndex & Partial<RecordsReader>;
	if (reader.getAllRecords) {
		// One request for a batch, newest first: a backwards cursor takes a round trip per
		// record, 0.3–0.6 s for 50 at 100,000 invoices. Bigger batches while it is short.
		for (let batch = count * 2; ; batch *= 4) {
			const request = reader.getAllRecords({ direction: 'prev', count: batch });
			const records = await new Promise<{ value: Invoice }[]>((resolve, reject) => {
				request.onsuccess = () => resolve(request.result);
				request.onerror = () => reject(request.error);
			});
			const page = new NewestPage(kind, count);
			const complete = records.some((record) => !page.add(record.value));
			if (complete || records.length < batch) return page.found;
		}
	}
	const page = new NewestPage(kind, count);
	let cursor = await index.openCursor(null, 'prev');
	while (cursor && page.add(cursor.value)) cursor = await cursor.continue();
	return page.found;
}

export class IdbRecordStore implements RecordStore {
	#tidying: Promise<void> | null = null;

	constructor(
		private readonly db: IDBPDatabase<InvoiceLabDb>,
		private readonly packFrom = PACK_FROM,
		private readonly whenIdle?: () => Promise<void>
	) {}

	/** Tidies every pack, one per idle moment (IdbStoreOptions.whenIdle); one run at a time. */
	tidyInBackground(): Promise<void> {
		const idle = this.whenIdle;
		if (!idle) return Promise.resolve();
		return (this.#tidying ??= (async () => {
			try {
				while (await this.tidy()) await idle();
			} catch {
				// Left packed: every read still finds them, and the next page tries again.
			} finally {
				this.#tidying = null;
			}
		})());
	}

	/**
	 * One transaction, read in slices: each slice arrives as a task of its own, so the page
	 * keeps answering input while 100,000 invoices are read, and none are read twice.
	 */
	all<K extends CollectionName>(collection: K): Promise<Collections[K][]> {
		return withPackCode(() => this.#all(collection));
	}

	async #all<K extends CollectionName>(collection: K): Promise<Collections[K][]> {
		const tx = this.db.transaction([collection, 'record-packs']);
		const store = tx.objectStore(collection);
		const packs = recordPackStore(tx);
		// Packed invoices are read alongside the store once their code is here.
		const packed = (
			collection !== 'invoices'
				? Promise.resolve([])
				: recordPacksCode
					? recordPacksCode.allPacked(packs)
					: packs.count().then((count) => {
							if (count > 0) throw new PackCodeMissing();
							return [];
						})
		) as Promise<Collections[K][]>;
		// Settled with the reads below; a failure is thrown there.
		packed.catch(() => {});
		const records: Collections[K][] = [];
		for (let after: string | undefined; ;) {
			const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
			const slice = (await store.getAll(range, READ_SLICE)) as Collections[K][];
			for (const record of slice) records.push(record);
			if (slice.length < READ_SLICE) break;
			after = slice.at(-1)?.id;
		}
		const unpacked = await packed;
		await tx.done;
		if (unpacked.length === 0) return records;
		const stored = new Set(records.map((record) => record.id));
		for (const record of unpacked) if (!stored.has(record.id)) records.push(record);
		return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}

	async get<K extends CollectionName>(
		collection: K,
		id: string
	): Promise<Collections[K] | undefined> {
		return (await this.getMany(collection, [id]))[0];
	}

	async newestInvoices(kind: DocumentKind, count: number): Promise<Invoice[]> {
		return withPackCode(() => this.#newestInvoices(kind, count));
	}

	async #newestInvoices(kind: DocumentKind, count: number): Promise<Invoice[]> {
		const tx = this.db.transaction(['invoices', 'record-packs']);
		const invoices = tx.objectStore('invoices');
		const packs = tx.objectStore('record-packs');
		const [stored, cursor, storedCount] = await Promise.all([
			newestStored(invoices.index('by-issue-date'), kind, count),
			packs.index('by-newest').openKeyCursor(null, 'prev'),
			invoices.count()
		]);
		if (!cursor) return stored;
		if (!recordPacksCode) throw new PackCodeMissing();
		const inStore = (ids: readonly string[]) =>
			Promise.all(
				ids.map(async (id) => storedCount > 0 && (await invoices.getKey(id)) !== undefined)
			);
		return recordPacksCode.newestWithPacks(
			stored,
			cursor as NewestPackCursor,
			recordPackStore(tx),
			inStore,
			kind,
			count
		);
	}

	async getMany<K extends CollectionName>(
		collection: K,
		ids: readonly string[]
	): Promise<(Collections[K] | undefined)[]> {
		return withPackCode(async () => {
			const tx = this.db.transaction([collection, 'record-packs']);
			const found = await readRecords(tx, collection, ids);
			await tx.done;
			return ids.map((id) => found.get(id));
		});
	}

	async write(writes: readonly LocalWrite[], options: WriteOptions = {}): Promise<void> {
		// The biggest part of the store's code, loaded with the first write (idb-write.ts).
		const [{ writeRecords }] = await Promise.all([import('./idb-write'), loadPacks()]);
		options.signal?.throwIfAborted();
		const packedNew = await writeRecords(this.db, writes, options, this.packFrom);
		if (packedNew) void this.whenIdle?.().then(() => this.tidyInBackground());
	}

	async resolve(resolutions: readonly Resolution[]): Promise<Resolution[]> {
		const packs = await loadPacks();
		const tx = this.db.transaction(WRITE_STORES, 'readwrite');
		await packs.unpack(
			tx,
			resolutions.map(({ collection, id }) => outboxKey(collection, id))
		);
		const outbox = tx.objectStore('outbox');
		const storeOf = (collection: CollectionName) =>
			tx.objectStore(collection) as unknown as IdbStoreOf<Collections[CollectionName]>;
		const found = await Promise.all(
			resolutions.map(({ collection, id }) =>
				Promise.all([
					readRecords(tx, collection, [id]).then((records) => records.get(id)),
					outbox.get(outboxKey(collection, id))
				])
			)
		);
		const stale: Resolution[] = [];
		const requests: Promise<unknown>[] = [];
		resolutions.forEach((resolution, i) => {
			const [record, pending] = found[i]!;
			if (!matches(resolution.expected, record, pending)) return void stale.push(resolution);
			const key = outboxKey(resolution.collection, resolution.id);
			if (resolution.record) requests.push(storeOf(resolution.collection).put(resolution.record));
			if (resolution.entry === null) requests.push(outbox.delete(key));
			else if (resolution.entry) requests.push(outbox.put(resolution.entry));
			if (resolution.conflict) requests.push(tx.objectStore('conflicts').put(resolution.conflict));
		});
		await Promise.all([...requests, tx.done]);
		return stale;
	}

	async acknowledge(acks: readonly Acknowledgement[]): Promise<void> {
		const packs = await loadPacks();
		const tx = this.db.transaction(WRITE_STORES, 'readwrite');
		await packs.unpack(
			tx,
			acks.map(({ key }) => key)
		);
		const outbox = tx.objectStore('outbox');
		await Promise.all([
			...acks.map(async ({ key, record }) => {
				const entry = await outbox.get(key);
				if (entry?.hlc === record.hlc) await outbox.delete(key);
				else if (entry) await outbox.put(acknowledged(entry, record));
			}),
			tx.done
		]);
	}

	async markSending(changes: readonly Change[]): Promise<void> {
		const packs = await loadPacks();
		const tx = this.db.transaction(WRITE_STORES, 'readwrite');
		await packs.unpack(
			tx,
			changes.map(({ collection, record }) => outboxKey(collection, record.id))
		);
		const outbox = tx.objectStore('outbox');
		await Promise.all([
			...changes.map(async ({ collection, record }) => {
				const entry = await outbox.get(outboxKey(collection, record.id));
				if (entry) await outbox.put(sending(entry, record));
			}),
			tx.done
		]);
	}

	async markFailed(key: string, reason: string): Promise<void> {
		const packs = await loadPacks();
		const tx = this.db.transaction(WRITE_STORES, 'readwrite');
		await packs.unpack(tx, [key]);
		const outbox = tx.objectStore('outbox');
		const entry = await outbox.get(key);
		if (entry) await outbox.put({ ...entry, attempts: entry.attempts + 1, lastError: reason });
		await tx.done;
	}

	conflicts(): Promise<ConflictCopy[]> {
		return this.db.getAll('conflicts');
	}

	async dismissConflict(key: string): Promise<void> {
		await this.db.delete('conflicts', key);
	}

	/** In key order, as IndexedDB lists them; packed changes made into entries. */
	async outbox(): Promise<OutboxEntry[]> {
		const packs = await loadPacks();
		return packs.readOutbox(this.db.transaction(READ_PENDING_STORES));
	}

	async pendingOf(keys: readonly string[]): Promise<(OutboxEntry | undefined)[]> {
		const packs = await loadPacks();
		return packs.readPendingOf(this.db.transaction(READ_PENDING_STORES), keys);
	}

	failingOutbox(): Promise<OutboxEntry[]> {
		return this.db.getAllFromIndex('outbox', 'by-error');
	}

	/**
	 * Packed changes are counted from their packs: counting the `by-key` index took 4.2 s at
	 * 100,000 in Chromium 150 (it reads a pack for each of its keys), reading the packs 0.6 s.
	 */
	async pendingCount(): Promise<number> {
		const tx = this.db.transaction(['outbox', 'pending-packs']);
		const [entries, packs] = await Promise.all([
			tx.objectStore('outbox').count(),
			tx.objectStore('pending-packs').getAll()
		]);
		return packs.reduce((count, pack) => count + pack.keys.length, entries);
	}

	async tidy(): Promise<boolean> {
		// Nearly always none: their code is not loaded for that.
		if ((await this.db.count('record-packs')) === 0) return false;
		const { tidyOne } = await loadRecordPacks();
		return tidyOne(unwrap(this.db.transaction(['invoices', 'record-packs'], 'readwrite')));
	}

	async clearData(): Promise<void> {
		const tx = this.db.transaction(WRITE_STORES, 'readwrite');
		await Promise.all([...WRITE_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
	}

	async readMeta<T>(key: string): Promise<T | undefined> {
		return (await this.db.get('meta', key))?.value as T | undefined;
	}

	async writeMeta(key: string, value: unknown): Promise<void> {
		await this.db.put('meta', { key, value });
	}
}
