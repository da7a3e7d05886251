import {
	acknowledged,
	COLLECTIONS,
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

/** In-memory RecordStore for unit tests; copies on the way in and out like IndexedDB does. */
export class MemoryRecordStore implements RecordStore {
	private readonly tables = new Map<CollectionName, Map<string, { hlc: string }>>(
		COLLECTIONS.map((name) => [name, new Map()])
	);
	private readonly pending = new Map<string, OutboxEntry>();
	private readonly copies = new Map<string, ConflictCopy>();
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

	async write(changes: readonly Change[], origin?: WriteOrigin): Promise<void> {
		for (const change of changes) {
			const { collection, record } = change;
			const key = outboxKey(collection, record.id);
			const before = this.table(collection).get(record.id);
			this.pending.set(key, nextOutboxEntry(this.pending.get(key), before, change, origin));
			this.table(collection).set(record.id, structuredClone(record));
		}
	}

	async applyRemote({ records, conflicts, rebased }: RemoteApply): Promise<void> {
		for (const { collection, record } of records) {
			this.table(collection).set(record.id, structuredClone(record));
			this.pending.delete(outboxKey(collection, record.id));
		}
		for (const copy of conflicts) this.copies.set(copy.key, structuredClone(copy));
		for (const { key, baseHlc } of rebased) {
			const entry = this.pending.get(key);
			if (entry) this.pending.set(key, { ...entry, baseHlc, isNew: false });
		}
	}

	async acknowledge(acks: readonly Acknowledgement[]): Promise<void> {
		for (const { key, hlc } of acks) {
			const entry = this.pending.get(key);
			if (entry) this.pending.set(key, acknowledged(entry, hlc));
			if (entry?.hlc === hlc) this.pending.delete(key);
		}
	}

	async markFailed(key: string, reason: string): Promise<void> {
		const entry = this.pending.get(key);
		if (entry) this.pending.set(key, { ...entry, attempts: entry.attempts + 1, lastError: reason });
	}

	async outbox(): Promise<OutboxEntry[]> {
		return [...this.pending.values()].map((e) => ({ ...e }));
	}

	async pendingCount(): Promise<number> {
		return this.pending.size;
	}

	async conflicts(): Promise<ConflictCopy[]> {
		return [...this.copies.values()].map((c) => structuredClone(c));
	}

	async dismissConflict(key: string): Promise<void> {
		this.copies.delete(key);
	}

	async readMeta<T>(key: string): Promise<T | undefined> {
		return structuredClone(this.meta.get(key)) as T | undefined;
	}

	async writeMeta(key: string, value: unknown): Promise<void> {
		this.meta.set(key, structuredClone(value));
	}

	private table(collection: CollectionName): Map<string, { hlc: string }> {
		return this.tables.get(collection) as Map<string, { hlc: string }>;
	}
}
