import type { DocumentKind, Invoice } from '../invoice/schema';
import {
	acknowledged,
	batchOutcome,
	sending,
	COLLECTIONS,
	outboxKey,
	staleWrites,
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
	StaleWriteError
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

	async newestInvoices(kind: DocumentKind, count: number): Promise<Invoice[]> {
		const live = ([...this.table('invoices').values()] as Invoice[])
			.filter((i) => !i.deleted && (i.kind ?? 'invoice') === kind)
			.sort((a, b) => b.issueDate.localeCompare(a.issueDate));
		const last = live[count - 1]?.issueDate;
		const page = last === undefined ? live : live.filter((i) => i.issueDate >= last);
		return page.map((invoice) => structuredClone(invoice));
	}

	async getMany<K extends CollectionName>(collection: K, ids: readonly string[]) {
		return Promise.all(ids.map((id) => this.get(collection, id)));
	}

	async write(
		writes: readonly LocalWrite[],
		{ signal, onProgress }: WriteOptions = {}
	): Promise<void> {
		signal?.throwIfAborted();
		const stored = ({ collection, record }: Change) =>
			this.table(collection).get(record.id) as Collections[CollectionName] | undefined;
		const stale = staleWrites(writes, stored);
		if (stale.length) throw new StaleWriteError(stale);
		const outcome = [...batchOutcome(writes, (key) => this.pending.get(key), stored)];
		// Nothing is applied before the last report: a cancel or a failure there leaves all as it was.
		outcome.forEach((_, i) => {
			onProgress?.(i + 1, outcome.length);
			signal?.throwIfAborted();
		});
		for (const [key, { change, entry }] of outcome) {
			this.pending.set(key, structuredClone(entry));
			this.table(change.collection).set(change.record.id, structuredClone(change.record));
		}
		for (const { conflict } of writes) {
			if (conflict) this.copies.set(conflict.key, structuredClone(conflict));
		}
	}

	async resolve(resolutions: readonly Resolution[]): Promise<Resolution[]> {
		const stale: Resolution[] = [];
		for (const resolution of resolutions) {
			const { collection, id, record, entry, conflict } = resolution;
			const key = outboxKey(collection, id);
			if (!matches(resolution.expected, this.table(collection).get(id), this.pending.get(key))) {
				stale.push(resolution);
				continue;
			}
			if (record) this.table(collection).set(id, structuredClone(record));
			if (entry === null) this.pending.delete(key);
			else if (entry) this.pending.set(key, structuredClone(entry));
			if (conflict) this.copies.set(conflict.key, structuredClone(conflict));
		}
		return stale;
	}

	async acknowledge(acks: readonly Acknowledgement[]): Promise<void> {
		for (const { key, record } of acks) {
			const entry = this.pending.get(key);
			if (entry?.hlc === record.hlc) this.pending.delete(key);
			else if (entry) this.pending.set(key, structuredClone(acknowledged(entry, record)));
		}
	}

	async markSending(changes: readonly Change[]): Promise<void> {
		for (const { collection, record } of changes) {
			const key = outboxKey(collection, record.id);
			const entry = this.pending.get(key);
			if (entry) this.pending.set(key, structuredClone(sending(entry, record)));
		}
	}

	async markFailed(key: string, reason: string): Promise<void> {
		const entry = this.pending.get(key);
		if (entry) this.pending.set(key, { ...entry, attempts: entry.attempts + 1, lastError: reason });
	}

	async failingOutbox(): Promise<OutboxEntry[]> {
		return (await this.outbox()).filter((entry) => entry.lastError);
	}

	async outbox(): Promise<OutboxEntry[]> {
		return [...this.pending.values()].map((e) => structuredClone(e));
	}

	async pendingOf(keys: readonly string[]): Promise<(OutboxEntry | undefined)[]> {
		return keys.map((key) => {
			const entry = this.pending.get(key);
			return entry && structuredClone(entry);
		});
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

	/** Nothing is ever packed here. */
	async tidy(): Promise<boolean> {
		return false;
	}

	async clearData(): Promise<void> {
		for (const table of this.tables.values()) table.clear();
		this.pending.clear();
		this.copies.clear();
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
