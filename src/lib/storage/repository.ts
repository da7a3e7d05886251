import type { DocumentKind, FieldProblem, Invoice, Logo, RecordMeta } from '../invoice/schema';
import type { Clock } from '../platform/clock';
import type { IdSource } from '../platform/ids';
import type { TabChannel } from '../platform/channel';
import { driftOf, HybridLogicalClock, newestStamps, type ClockDrift } from './hlc';
import type { ImportCounts } from './import-plan';
import type { MergeHost } from './import-merge';
import {
	outboxKey,
	StaleWriteError,
	type Change,
	type CollectionName,
	type Collections,
	type ConflictCopy,
	type LocalWrite,
	type RecordStore,
	type Resolution,
	type WriteOptions
} from './record-store';

type WriteRules = typeof import('./write-rules');
/** Validation, merging and the issued-invoice rules load with the first write (write-rules.ts). */
const writeRules = (): Promise<WriteRules> => import('./write-rules');

/** What changed, told to this tab's listeners and to the other open tabs. */
export interface ChangeNotice {
	collection: CollectionName;
	ids: string[];
	/** Everything changed (the local data was replaced): read it all again. */
	reset?: true;
}

export type Draft<T> = Omit<T, keyof RecordMeta> & { id?: string };

export interface MergeOptions extends WriteOptions {
	/**
	 * An edit made here on top of an invoice the import leaves stored as the file has it (null
	 * for none), written in the same transaction as the import.
	 */
	edit?: (invoice: Invoice) => (Draft<Invoice> & { id: string }) | null;
	/** The records were measured against the cloud's item size (transfer.ts parseImport). */
	sizeChecked?: boolean;
}

export interface MergeResult extends ImportCounts {
	/** The invoices `edit` changed, as the file had them. */
	edited: Invoice[];
}

/** A merge fed part by part (`Repository.mergeInParts`). */
export interface MergeInParts {
	add(part: readonly Change[]): void;
	done(): Promise<MergeResult>;
}

export class ValidationError extends Error {
	constructor(readonly problems: FieldProblem[]) {
		super(problems.map(({ path, message }) => (path ? `${path}: ${message}` : message)).join('; '));
		this.name = 'ValidationError';
	}
}

/** What saving an edit did, so the form can tell the user about changes made elsewhere. */
export interface SaveOutcome<K extends CollectionName> {
	record: Collections[K];
	/** Fields changed elsewhere meanwhile and kept alongside this edit. */
	merged: string[];
	/** Fields changed both here and elsewhere: this edit won, the other value is a copy. */
	clashes: string[];
	/** The record was deleted elsewhere meanwhile: it stays deleted, the edit is a copy. */
	deleted: boolean;
}

/** How often a read-decide-write step is made again when what it read moved meanwhile. */
export const STALE_RETRIES = 5;
export const NOUNS: Record<CollectionName, string> = {
	invoices: 'invoice',
	clients: 'client',
	profile: 'business profile',
	schedules: 'recurring invoice',
	logos: 'logo'
};

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
		readonly deviceId: string
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

	newestInvoices(kind: DocumentKind, count: number): Promise<Invoice[]> {
		return this.store.newestInvoices(kind, count);
	}

	/** Records read elsewhere carry stamps this device must stamp after. */
	observe(records: readonly RecordMeta[]): void {
		const now = this.clock.now();
		const { receivable, highest } = newestStamps(records, now);
		if (receivable) this.hlc.receive(receivable);
		const drift = highest ? driftOf(highest, now) : null;
		if (drift && drift.aheadMs > (this.drift?.aheadMs ?? 0)) this.drift = drift;
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

	/** Saves a record; `base`, when given, is the version the edit started from (see update). */
	async save<K extends CollectionName>(
		collection: K,
		draft: Draft<Collections[K]>,
		base?: Collections[K]
	): Promise<Collections[K]> {
		return (await this.update(collection, draft, base)).record;
	}

	/**
	 * Saves an edit of `base`, the version a form was loaded from. When the stored version
	 * moved meanwhile (a sync, another tab), the edit is merged into it field by field: fields
	 * only the other side changed are kept, and where both changed a field this edit wins and
	 * the other value is kept as a restorable conflict copy. A record deleted meanwhile stays
	 * deleted; the edit is kept as a copy.
	 */
	async update<K extends CollectionName>(
		collection: K,
		draft: Draft<Collections[K]>,
		base?: Collections[K]
	): Promise<SaveOutcome<K>> {
		const rules = await writeRules();
		const { validate, lineageOf } = rules;
		return this.retryStale(async () => {
			const existing = draft.id ? await this.store.get(collection, draft.id) : undefined;
			if (existing) this.hlc.receive(existing.hlc);
			const now = new Date(this.clock.now()).toISOString();
			const edited = validate(collection, {
				...draft,
				id: draft.id ?? this.ids.next(),
				createdAt: existing?.createdAt ?? now,
				updatedAt: now,
				hlc: this.hlc.tick(),
				history: lineageOf(existing),
				deleted: false
			});
			const outcome: SaveOutcome<K> = { record: edited, merged: [], clashes: [], deleted: false };
			const moved = base && existing && existing.hlc !== base.hlc;
			if (moved && existing.deleted) {
				await this.keepCopy(rules, collection, edited, existing, ['deleted']);
				return { ...outcome, record: existing, deleted: true };
			}
			let conflict: ConflictCopy | undefined;
			if (moved) {
				const { merged, clashes, otherSide } = rules.mergeFields(base, edited, existing);
				outcome.record = validate(collection, merged);
				outcome.merged = rules.changedFields(base, existing).filter((f) => !clashes.includes(f));
				outcome.clashes = clashes;
				if (clashes.length) {
					conflict = rules.copyOf(
						collection,
						{ ...otherSide, hlc: existing.hlc },
						edited.hlc,
						clashes,
						now
					);
				}
			}
			if (collection === 'invoices') {
				outcome.record = this.withActivity(rules, existing, outcome.record, now);
			}
			this.refuseIssuedChange(rules, collection, existing, outcome.record);
			const origin = draft.id ? 'edit' : 'created';
			await this.commit([
				{
					change: { collection, record: outcome.record } as Change,
					origin,
					expected: { hlc: existing?.hlc },
					conflict
				}
			]);
			return outcome;
		});
	}

	/**
	 * Writes `draft` only if the stored record is still `base` (the snapshot a decision was made
	 * from); false, writing nothing, when it moved meanwhile.
	 */
	replace<K extends CollectionName>(
		collection: K,
		draft: Draft<Collections[K]> & { id: string },
		base: Collections[K]
	): Promise<boolean> {
		return this.replaceMany(collection, [{ draft, base }]);
	}

	/**
	 * `replace` for many records in one transaction and one change notice: all written, or none
	 * (false) when any of them moved meanwhile.
	 */
	async replaceMany<K extends CollectionName>(
		collection: K,
		edits: readonly { draft: Draft<Collections[K]> & { id: string }; base: Collections[K] }[]
	): Promise<boolean> {
		const rules = await writeRules();
		const now = new Date(this.clock.now()).toISOString();
		const writes = edits.map(({ draft, base }) => this.editOf(rules, collection, draft, base, now));
		try {
			await this.commit(writes);
			return true;
		} catch (error) {
			if (error instanceof StaleWriteError) return false;
			throw error;
		}
	}

	/** The write of `draft` made on top of `base`, the stored version, as an edit here. */
	private editOf<K extends CollectionName>(
		rules: WriteRules,
		collection: K,
		draft: Draft<Collections[K]> & { id: string },
		base: Collections[K],
		now: string
	): LocalWrite {
		this.hlc.receive(base.hlc);
		this.refuseIssuedChange(rules, collection, base, draft as unknown as Collections[K]);
		let record = rules.validate(collection, {
			...draft,
			createdAt: base.createdAt,
			updatedAt: now,
			hlc: this.hlc.tick(),
			history: rules.lineageOf(base),
			deleted: false
		});
		if (collection === 'invoices') record = this.withActivity(rules, base, record, now);
		const change = { collection, record } as Change;
		return { change, origin: 'edit', expected: { hlc: base.hlc } };
	}

	/** Deletes become tombstones, so a sync can never bring the record back. */
	async remove(collection: CollectionName, id: string): Promise<void> {
		const rules = await writeRules();
		await this.retryStale(async () => {
			const existing = await this.store.get(collection, id);
			if (!existing || existing.deleted) return;
			this.refuseIssuedChange(rules, collection, existing, null);
			this.hlc.receive(existing.hlc);
			const record = {
				...rules.tombstoneOf(existing),
				updatedAt: new Date(this.clock.now()).toISOString(),
				hlc: this.hlc.tick(),
				history: rules.lineageOf(existing)
			};
			await this.commit([
				{
					change: { collection, record } as Change,
					origin: 'edit',
					expected: { hlc: existing.hlc }
				}
			]);
		});
	}

	/** The invoice with what this save did appended to its log (invoice/activity.ts). */
	private withActivity<T>(rules: WriteRules, stored: T | undefined, next: T, at: string): T {
		const before = stored as Invoice | undefined;
		const after = next as Invoice;
		const entries = rules.describeChange(before, after, { at, device: this.deviceId });
		if (entries.length === 0) return next;
		return rules.validate('invoices', {
			...after,
			activity: rules.appendActivity(after.activity, entries)
		}) as T;
	}

	/** An issued invoice only gets paid, voided or corrected here (invoice/issue.ts). */
	private refuseIssuedChange(
		{ issuedChangeProblem, IssuedInvoiceError }: WriteRules,
		collection: CollectionName,
		stored: Collections[CollectionName] | undefined,
		next: Collections[CollectionName] | null
	): void {
		// A kept logo is what issued invoices print (app/logo-records.ts): it never changes.
		if (collection === 'logos' && stored && !stored.deleted) {
			const same = next && (next as Logo).dataUrl === (stored as Logo).dataUrl;
			if (!same) throw new Error('A logo issued invoices print cannot be changed or deleted.');
		}
		if (collection !== 'invoices') return;
		const invoice = stored as Invoice | undefined;
		const problem = issuedChangeProblem(invoice, next as Invoice | null);
		if (problem && invoice) throw new IssuedInvoiceError(invoice.number, problem);
	}

	/** A new stamp for a version made here by merging (later than every stamp seen). */
	stamp(): string {
		return this.hlc.tick();
	}

	/**
	 * Merges already validated records by id, newest stamp wins; one transaction for all, with
	 * the `edit`s made on top. Cancelled (`signal`) before that transaction is committed, it
	 * writes nothing and rejects with the signal's reason.
	 */
	async merge(changes: readonly Change[], options: MergeOptions = {}): Promise<MergeResult> {
		const merging = this.mergeInParts(options);
		merging.add(changes);
		return merging.done();
	}

	/**
	 * `merge` for records that come in parts (a file checked in a worker): each part is read
	 * and planned as it comes, while the next is being checked; `done` writes them all in one
	 * transaction. The code loads with the first import (storage/import-merge.ts).
	 */
	mergeInParts(options: MergeOptions = {}): MergeInParts {
		const host: MergeHost = {
			now: () => this.clock.now(),
			store: this.store,
			observe: (records) => this.observe(records),
			stamp: () => this.stamp(),
			versionsOf: (changes) => this.versionsOf(changes),
			commit: (writes, write, checked) => this.commit(writes, write, checked),
			editOf: (rules, draft, base, at) => this.editOf(rules, 'invoices', draft, base, at)
		};
		const started = import('./import-merge').then(({ startMerge }) => startMerge(host, options));
		// Awaited by `done`; an import whose file fails its check never calls it.
		started.catch(() => {});
		return {
			add: (part) => void started.then((merging) => merging.add(part)).catch(() => {}),
			done: async () => (await started).done()
		};
	}

	/**
	 * Every record, tombstones included, for a backup file. A record in a file can reach the
	 * cloud from another device, so from now on none of them is sent without a condition.
	 */
	async exportAll(): Promise<{ [K in CollectionName]: Collections[K][] }> {
		const fresh = (await this.store.outbox()).filter((e) => e.isNew);
		const records = await this.versionsOf(
			fresh.map((e) => ({ collection: e.collection, record: { id: e.id } }))
		);
		await this.store.markSending(
			fresh.flatMap((e, i) => {
				const record = records[i];
				return record ? [{ collection: e.collection, record } as Change] : [];
			})
		);
		const [invoices, clients, profile, schedules, logos] = await Promise.all([
			this.store.all('invoices'),
			this.store.all('clients'),
			this.store.all('profile'),
			this.store.all('schedules'),
			this.store.all('logos')
		]);
		return { invoices, clients, profile, schedules, logos };
	}

	/** The stored version of each record, lined up with the input, one read per collection. */
	async versionsOf(
		changes: readonly { collection: CollectionName; record: { id: string } }[]
	): Promise<(Collections[CollectionName] | undefined)[]> {
		const result: (Collections[CollectionName] | undefined)[] = new Array(changes.length);
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

	/**
	 * Applies what a sync decided and tells every tab what changed. Returns the resolutions
	 * that no longer hold (the record or its pending edit moved meanwhile) for a new decision.
	 */
	async resolve(resolutions: readonly Resolution[]): Promise<Resolution[]> {
		this.observe(resolutions.flatMap((r) => (r.record ? [r.record] : [])));
		const stale = await this.store.resolve(resolutions);
		const applied = resolutions.filter((r) => r.record && !stale.includes(r));
		this.notify(applied.map((r) => ({ collection: r.collection, record: r.record }) as Change));
		return stale;
	}

	/**
	 * Empties the local data (records, pending changes, conflict copies) and tells every tab.
	 * Only for data the cloud holds: the caller checks nothing is pending.
	 */
	async clearAll(): Promise<void> {
		await this.store.clearData();
		const notice: ChangeNotice = { collection: 'invoices', ids: [], reset: true };
		this.announce(notice);
		this.channel.post(notice);
	}

	/** Tells every tab that the outbox changed (a sync acknowledged changes), so counts refresh. */
	announceOutboxChange(): void {
		const notice: ChangeNotice = { collection: 'invoices', ids: [] };
		this.announce(notice);
		this.channel.post(notice);
	}

	/** `checked`: records already measured against the item size, not measured again. */
	private async commit(
		writes: LocalWrite[],
		options?: WriteOptions,
		checked?: ReadonlySet<object>
	): Promise<void> {
		const { oversize } = await writeRules();
		for (const { change } of writes) {
			if (checked?.has(change.record)) continue;
			const bytes = oversize(change.record);
			if (bytes !== undefined) {
				throw new ValidationError([
					{
						path: '',
						message: `This ${NOUNS[change.collection]} is too large to sync: ${Math.ceil(bytes / 1024)} KB, over the cloud's limit of 400 KB. Shorten the notes or descriptions, or split it.`
					}
				]);
			}
		}
		if (writes.length === 0) return;
		await this.store.write(writes, options);
		this.notify(writes.map((w) => w.change));
		for (const listener of this.localWriteListeners) listener();
	}

	/** Keeps a version that lost to a concurrent change, for the user to restore. */
	private async keepCopy<K extends CollectionName>(
		{ copyOf }: WriteRules,
		collection: K,
		record: Collections[K],
		kept: Collections[K],
		fields: string[]
	): Promise<void> {
		const now = new Date(this.clock.now()).toISOString();
		const copy = copyOf(collection, record, kept.hlc, fields, now);
		const pendingHlc = (await this.pendingOf(collection, record.id))?.hlc;
		const stale = await this.store.resolve([
			{ collection, id: record.id, expected: { hlc: kept.hlc, pendingHlc }, conflict: copy }
		]);
		// Restored or changed meanwhile (another tab): decide again from what is there now.
		if (stale.length > 0) throw new StaleWriteError([outboxKey(collection, record.id)]);
		this.announceOutboxChange();
	}

	private async pendingOf(collection: CollectionName, id: string) {
		return (await this.store.pendingOf([outboxKey(collection, id)]))[0];
	}

	/** Runs a read-decide-write step again when the record moved between its read and write. */
	private async retryStale<T>(step: () => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await step();
			} catch (error) {
				if (!(error instanceof StaleWriteError) || attempt >= STALE_RETRIES) throw error;
			}
		}
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
