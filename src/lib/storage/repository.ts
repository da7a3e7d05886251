import * as v from 'valibot';
import {
	BusinessProfileSchema,
	ClientSchema,
	InvoiceSchema,
	describeIssues,
	type RecordMeta
} from '../invoice/schema';
import type { Clock } from '../platform/clock';
import type { IdSource } from '../platform/ids';
import type { TabChannel } from '../platform/channel';
import { driftOf, HybridLogicalClock, type ClockDrift } from './hlc';
import { newerOf } from './merge';
import type {
	Change,
	CollectionName,
	Collections,
	RecordStore,
	RemoteApply,
	WriteOrigin
} from './record-store';

export const SCHEMAS = {
	invoices: InvoiceSchema,
	clients: ClientSchema,
	profile: BusinessProfileSchema
} as const;

/** What changed, told to this tab's listeners and to the other open tabs. */
export interface ChangeNotice {
	collection: CollectionName;
	ids: string[];
}

export type Draft<T> = Omit<T, keyof RecordMeta> & { id?: string };

export class ValidationError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ValidationError';
	}
}

export interface ImportCounts {
	added: number;
	updated: number;
	unchanged: number;
}

/**
 * The only way records are written. Every write is validated, stamped with a hybrid logical
 * clock, stored together with its outbox entry, and announced to listeners in this tab and
 * in the other tabs — the hook that sync builds on.
 */
export class Repository {
	private readonly listeners = new Set<(notice: ChangeNotice) => void>();
	private readonly localWriteListeners = new Set<() => void>();
	private readonly hlc: HybridLogicalClock;
	private drift: ClockDrift | null = null;

	constructor(
		private readonly store: RecordStore,
		private readonly clock: Clock,
		private readonly ids: IdSource,
		private readonly channel: TabChannel<ChangeNotice>,
		deviceId: string
	) {
		this.hlc = new HybridLogicalClock(deviceId, clock);
		channel.subscribe((notice) => this.announce(notice));
	}

	all<K extends CollectionName>(collection: K): Promise<Collections[K][]> {
		return this.store.all(collection);
	}

	get<K extends CollectionName>(collection: K, id: string): Promise<Collections[K] | undefined> {
		return this.store.get(collection, id);
	}

	getMany<K extends CollectionName>(collection: K, ids: readonly string[]) {
		return this.store.getMany(collection, ids);
	}

	/** Records read elsewhere carry stamps this device must stamp after. */
	observe(records: readonly RecordMeta[]): void {
		const now = this.clock.now();
		for (const record of records) {
			this.hlc.receive(record.hlc);
			const drift = driftOf(record.hlc, now);
			if (drift && drift.aheadMs > (this.drift?.aheadMs ?? 0)) this.drift = drift;
		}
	}

	/**
	 * The device furthest ahead of this one's clock, if any is more than MAX_DRIFT_MS ahead:
	 * its edits win over later ones made here until the clocks agree, so the user is told.
	 */
	get clockDrift(): ClockDrift | null {
		return this.drift;
	}

	subscribe(listener: (notice: ChangeNotice) => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Calls back after each change made in this tab (not ones that came from the cloud). */
	onLocalWrite(listener: () => void): () => void {
		this.localWriteListeners.add(listener);
		return () => this.localWriteListeners.delete(listener);
	}

	async save<K extends CollectionName>(
		collection: K,
		draft: Draft<Collections[K]>
	): Promise<Collections[K]> {
		const existing = draft.id ? await this.store.get(collection, draft.id) : undefined;
		const now = new Date(this.clock.now()).toISOString();
		const record = this.validate(collection, {
			...draft,
			id: draft.id ?? this.ids.next(),
			createdAt: existing?.createdAt ?? now,
			updatedAt: now,
			hlc: this.hlc.tick(),
			deleted: false
		});
		await this.commit([{ collection, record } as Change]);
		return record;
	}

	/** Deletes become tombstones, so a sync can never bring the record back. */
	async remove(collection: CollectionName, id: string): Promise<void> {
		const existing = await this.store.get(collection, id);
		if (!existing || existing.deleted) return;
		const record = {
			...existing,
			updatedAt: new Date(this.clock.now()).toISOString(),
			hlc: this.hlc.tick(),
			deleted: true
		};
		await this.commit([{ collection, record } as Change]);
	}

	/** Merges already validated records by id, newest stamp wins; one transaction for all. */
	async merge(records: readonly Change[]): Promise<ImportCounts> {
		const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
		const winners: Change[] = [];
		const locals = await this.versionsOf(records);
		for (const [index, change] of records.entries()) {
			const local = locals[index];
			const winner = newerOf<RecordMeta>(local, change.record);
			if (local && winner === local) counts.unchanged += 1;
			else {
				counts[local ? 'updated' : 'added'] += 1;
				winners.push(change);
			}
		}
		this.observe(records.map((c) => c.record));
		await this.commit(winners, 'import');
		return counts;
	}

	/** The stored version of each record, lined up with the input, one read per collection. */
	async versionsOf(
		changes: readonly { collection: CollectionName; record: { id: string } }[]
	): Promise<(RecordMeta | undefined)[]> {
		const result: (RecordMeta | undefined)[] = new Array(changes.length);
		for (const collection of new Set(changes.map((c) => c.collection))) {
			const indexes = changes.flatMap((c, i) => (c.collection === collection ? [i] : []));
			const found = await this.store.getMany(
				collection,
				indexes.map((i) => changes[i]!.record.id)
			);
			indexes.forEach((changeIndex, k) => (result[changeIndex] = found[k]));
		}
		return result;
	}

	validate<K extends CollectionName>(collection: K, value: unknown): Collections[K] {
		const result = v.safeParse(SCHEMAS[collection], value);
		if (!result.success) throw new ValidationError(describeIssues(result.issues));
		return result.output as Collections[K];
	}

	/** Applies what a sync brought from the cloud and tells every tab what changed. */
	async applyRemote(apply: RemoteApply): Promise<void> {
		this.observe(apply.records.map((c) => c.record));
		await this.store.applyRemote(apply);
		this.notify(apply.records);
	}

	/** Tells every tab that the outbox changed (a sync acknowledged changes), so counts refresh. */
	announceOutboxChange(): void {
		const notice: ChangeNotice = { collection: 'invoices', ids: [] };
		this.announce(notice);
		this.channel.post(notice);
	}

	private async commit(changes: Change[], origin?: WriteOrigin): Promise<void> {
		if (changes.length === 0) return;
		await this.store.write(changes, origin);
		this.notify(changes);
		for (const listener of this.localWriteListeners) listener();
	}

	private notify(changes: readonly Change[]): void {
		for (const collection of new Set(changes.map((c) => c.collection))) {
			const ids = changes.filter((c) => c.collection === collection).map((c) => c.record.id);
			const notice = { collection, ids };
			this.announce(notice);
			this.channel.post(notice);
		}
	}

	private announce(notice: ChangeNotice): void {
		for (const listener of this.listeners) listener(notice);
	}
}
