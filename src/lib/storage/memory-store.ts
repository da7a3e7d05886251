import {
	COLLECTIONS,
	outboxKey,
	type Change,
	type CollectionName,
	type Collections,
	type OutboxEntry,
	type RecordStore
} from './record-store';

/** In-memory RecordStore for unit tests; copies on the way in and out like IndexedDB does. */
export class MemoryRecordStore implements RecordStore {
	private readonly tables = new Map<CollectionName, Map<string, unknown>>(
		COLLECTIONS.map((name) => [name, new Map()])
	);
	private readonly pending = new Map<string, OutboxEntry>();
	private readonly meta = new Map<string, unknown>();

	async all<K extends CollectionName>(collection: K): Promise<Collections[K][]> {
		return [...this.table(collection).values()].map((r) => structuredClone(r) as Collections[K]);
	}

	async get<K extends CollectionName>(collection: K, id: string) {
		const record = this.table(collection).get(id);
		return record === undefined ? undefined : (structuredClone(record) as Collections[K]);
	}

	async getMany<K extends CollectionName>(collection: K, ids: readonly string[]) {
		return Promise.all(ids.map((id) => this.get(collection, id)));
	}

	async write(changes: readonly Change[]): Promise<void> {
		for (const { collection, record } of changes) {
			this.table(collection).set(record.id, structuredClone(record));
			const key = outboxKey(collection, record.id);
			this.pending.set(key, { key, collection, id: record.id, hlc: record.hlc, attempts: 0 });
		}
	}

	async outbox(): Promise<OutboxEntry[]> {
		return [...this.pending.values()].map((e) => ({ ...e }));
	}

	async pendingCount(): Promise<number> {
		return this.pending.size;
	}

	async readMeta<T>(key: string): Promise<T | undefined> {
		return structuredClone(this.meta.get(key)) as T | undefined;
	}

	async writeMeta(key: string, value: unknown): Promise<void> {
		this.meta.set(key, structuredClone(value));
	}

	private table(collection: CollectionName): Map<string, unknown> {
		return this.tables.get(collection) as Map<string, unknown>;
	}
}
