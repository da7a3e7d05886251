import type {
	BusinessProfile,
	Client,
	DocumentKind,
	Invoice,
	Logo,
	Schedule
} from '../invoice/schema';

/** Every kind of record the app stores and will sync. */
export interface Collections {
	invoices: Invoice;
	clients: Client;
	profile: BusinessProfile;
	schedules: Schedule;
	logos: Logo;
}
export type CollectionName = keyof Collections;
export const COLLECTIONS: readonly CollectionName[] = [
	'invoices',
	'clients',
	'profile',
	'schedules',
	'logos'
];

export type Change = {
	[K in CollectionName]: { collection: K; record: Collections[K] };
}[CollectionName];

/** A change the cloud has not acknowledged yet. One entry per record: later edits collapse. */
export interface OutboxEntry {
	key: string;
	collection: CollectionName;
	id: string;
	hlc: string;
	/** The cloud version the pending edit builds on, as far as this device knows. */
	baseHlc?: string;
	/** That version's content, for the field-by-field merge; absent when it is not known. */
	base?: Collections[CollectionName];
	/**
	 * Versions handed to the network (or to an export file) that may have landed unacknowledged,
	 * newest last: a cloud version made on top of one merges from it, not from `base`.
	 */
	sent?: Collections[CollectionName][];
	/**
	 * Created here with a new id and never handed to the network: the cloud cannot have it, so
	 * it may go out without a condition. Cleared (durably) before the first request that
	 * carries it, so every later attempt is conditional.
	 */
	isNew: boolean;
	/** The pending version came from an imported file, unchanged since. */
	imported?: boolean;
	attempts: number;
	/** Why the last push of this change failed; set while it needs attention. */
	lastError?: string;
}

/** The losing side of a concurrent edit, kept so the user can restore it. */
export interface ConflictCopy {
	key: string;
	collection: CollectionName;
	id: string;
	/** The version that lost, exactly as it was (or with the other side's fields merged in). */
	record: Collections[CollectionName];
	/** Stamp of the version that was kept. */
	keptHlc: string;
	/** The fields both sides changed, whose values in `record` were not kept. */
	fields: string[];
	/** Where the other version came from: a sync (another device) or an imported file. */
	source?: 'import';
	detectedAt: string;
}

/** What a decision was made against; the store re-checks it inside its transaction. */
export interface Expectation {
	/** The stored record's stamp (undefined: no record). */
	hlc: string | undefined;
	/** The pending outbox entry's stamp (undefined: nothing pending). */
	pendingHlc: string | undefined;
}

/** What one cloud version (or a merge) does to one local record. */
export interface Resolution {
	collection: CollectionName;
	id: string;
	expected: Expectation;
	/** The record to store, if it changes. */
	record?: Collections[CollectionName];
	/** The outbox entry afterwards: null drops it, undefined leaves it as it is. */
	entry?: OutboxEntry | null;
	conflict?: ConflictCopy;
}

/** The push of this version of the record has landed. */
export interface Acknowledgement {
	key: string;
	/** The version that landed, which the cloud now holds. */
	record: Collections[CollectionName];
}

export function outboxKey(collection: CollectionName, id: string): string {
	return `${collection}:${id}`;
}

/** An entry whose record changed again while an older version was being pushed. */
export function acknowledged(entry: OutboxEntry, pushed: Collections[CollectionName]): OutboxEntry {
	return { ...entry, isNew: false, baseHlc: pushed.hlc, base: pushed, sent: undefined };
}

/** How many possibly-sent versions an entry remembers. */
const SENT_KEPT = 4;

/** An entry about to go out with this version of its record. */
export function sending(entry: OutboxEntry, record: Collections[CollectionName]): OutboxEntry {
	if (entry.hlc !== record.hlc || entry.sent?.some((v) => v.hlc === record.hlc)) {
		return { ...entry, isNew: false };
	}
	return { ...entry, isNew: false, sent: [...(entry.sent ?? []), record].slice(-SENT_KEPT) };
}

/**
 * - `created`: a new record with an id made here (the cloud cannot have it yet);
 * - `edit`: a user's change of a record that may be in the cloud;
 * - `import`: records from a file or a repair, which may already be in the cloud.
 */
export type WriteOrigin = 'created' | 'edit' | 'import';

/** One local write; with `expected`, the store refuses it if the record moved meanwhile. */
export interface LocalWrite {
	change: Change;
	origin: WriteOrigin;
	/** The stamp the stored record must still have (undefined: it must not exist). */
	expected?: { hlc: string | undefined };
	/** A version that lost to this one, kept in the same transaction. */
	conflict?: ConflictCopy;
}

/**
 * What a batch of writes leaves, by outbox key: the last version of each record and its
 * outbox entry, made from the stored ones (`pending`, `stored`) write by write.
 */
export function batchOutcome(
	writes: readonly LocalWrite[],
	pending: (key: string) => OutboxEntry | undefined,
	stored: (change: Change) => Collections[CollectionName] | undefined
): Map<string, { change: Change; entry: OutboxEntry }> {
	const outcome = new Map<string, { change: Change; entry: OutboxEntry }>();
	for (const write of writes) {
		const { change } = write;
		const key = outboxKey(change.collection, change.record.id);
		const earlier = outcome.get(key);
		const entry = earlier
			? nextOutboxEntry(earlier.entry, earlier.change.record, write)
			: nextOutboxEntry(pending(key), stored(change), write);
		outcome.set(key, { change, entry });
	}
	return outcome;
}

/** The outbox entry a local write leaves: repeated edits keep the first edit's base. */
export function nextOutboxEntry(
	previous: OutboxEntry | undefined,
	before: Collections[CollectionName] | undefined,
	{ change, origin }: LocalWrite
): OutboxEntry {
	const { collection, record } = change;
	if (previous) {
		return {
			...previous,
			hlc: record.hlc,
			imported: previous.imported && origin === 'import',
			attempts: 0,
			lastError: undefined
		};
	}
	return {
		key: outboxKey(collection, record.id),
		collection,
		id: record.id,
		hlc: record.hlc,
		baseHlc: before?.hlc,
		// An imported version was made elsewhere: what it says is the base later edits merge from.
		base: before ?? (origin === 'import' ? record : undefined),
		isNew: before === undefined && origin === 'created',
		imported: origin === 'import',
		attempts: 0
	};
}

/** How a long write reports what it did so far and is stopped: a stopped write writes nothing. */
export interface WriteOptions {
	/** Aborting it before the write is committed rolls it back; it rejects with the reason. */
	signal?: AbortSignal;
	/** How many of the `total` records (each with its outbox entry) are written so far. */
	onProgress?: (done: number, total: number) => void;
}

/**
 * The keys of the writes whose `expected` stamp no longer holds. A write expects the version
 * the batch's earlier write of its record wrote, or else the stored one.
 */
export function staleWrites(
	writes: readonly LocalWrite[],
	stored: (change: Change) => { hlc: string } | undefined
): string[] {
	const latest = new Map<string, string | undefined>();
	const stale: string[] = [];
	for (const { change, expected } of writes) {
		const key = outboxKey(change.collection, change.record.id);
		const found = latest.has(key) ? latest.get(key) : stored(change)?.hlc;
		if (expected && expected.hlc !== found) stale.push(key);
		latest.set(key, change.record.hlc);
	}
	return stale;
}

/** A write or a resolution found the record changed since it was read: read again. */
export class StaleWriteError extends Error {
	constructor(readonly keys: string[]) {
		super(`Changed meanwhile: ${keys.join(', ')}`);
		this.name = 'StaleWriteError';
	}
}

/** Whether the stored record and pending entry are still what a decision was made against. */
export function matches(
	expected: Expectation,
	record: { hlc: string } | undefined,
	entry: OutboxEntry | undefined
): boolean {
	return expected.hlc === record?.hlc && expected.pendingHlc === entry?.hlc;
}

/** The local database. Tombstones (`deleted: true`) are kept and returned by `all`. */
export interface RecordStore {
	all<K extends CollectionName>(collection: K): Promise<Collections[K][]>;
	get<K extends CollectionName>(collection: K, id: string): Promise<Collections[K] | undefined>;
	/**
	 * The live documents of one kind with the latest issue dates: at least `count` of them
	 * (fewer only if there are fewer), plus every other one sharing the last one's date, so
	 * the caller can order them exactly as the list does. What a page shows first after a
	 * reload, without reading every invoice.
	 */
	newestInvoices(kind: DocumentKind, count: number): Promise<Invoice[]>;
	/** Reads many records in one go; the result lines up with `ids`. */
	getMany<K extends CollectionName>(
		collection: K,
		ids: readonly string[]
	): Promise<(Collections[K] | undefined)[]>;
	/**
	 * Writes the records and their outbox entries in one transaction: all or nothing. Throws
	 * StaleWriteError, writing nothing, when a write's `expected` stamp no longer holds (a
	 * later write of the same record expects the version the earlier one wrote).
	 */
	write(writes: readonly LocalWrite[], options?: WriteOptions): Promise<void>;
	/**
	 * Applies what sync decided, in one transaction. Each resolution is re-checked against the
	 * stored record and outbox entry; the ones that moved meanwhile are skipped and returned,
	 * for the caller to decide again.
	 */
	resolve(resolutions: readonly Resolution[]): Promise<Resolution[]>;
	/**
	 * Drops outbox entries whose pushed version is still the latest; a newer edit stays
	 * pending, now building on the version the cloud has.
	 */
	acknowledge(acks: readonly Acknowledgement[]): Promise<void>;
	/** Marks these versions as possibly sent, before the request that carries them goes out. */
	markSending(changes: readonly Change[]): Promise<void>;
	/** Records a failed push on the entry (it stays pending). */
	markFailed(key: string, reason: string): Promise<void>;
	outbox(): Promise<OutboxEntry[]>;
	/** The pending entries of these outbox keys, lined up with them; undefined: none. */
	pendingOf(keys: readonly string[]): Promise<(OutboxEntry | undefined)[]>;
	/** The outbox entries whose last push failed (`lastError`), read without the others. */
	failingOutbox(): Promise<OutboxEntry[]>;
	pendingCount(): Promise<number>;
	conflicts(): Promise<ConflictCopy[]>;
	dismissConflict(key: string): Promise<void>;
	/** Empties records, outbox and conflict copies in one transaction (metadata stays). */
	clearData(): Promise<void>;
	/**
	 * Moves one pack of the records a big write stored many to a value into their stores
	 * (IndexedDB's layout: record-packs.ts); false once none is left. No read sees a change.
	 */
	tidy(): Promise<boolean>;
	readMeta<T>(key: string): Promise<T | undefined>;
	writeMeta(key: string, value: unknown): Promise<void>;
}

/**
 * Picks `newestInvoices`' answer from invoices read newest first: live ones of the kind,
 * until `count` are found and the next one is older than the last found.
 */
export class NewestPage {
	readonly found: Invoice[] = [];

	constructor(
		private readonly kind: DocumentKind,
		private readonly count: number
	) {}

	/** Takes the next older invoice; false once the page is complete without it. */
	add(invoice: Invoice): boolean {
		const last = this.found[this.found.length - 1];
		if (this.found.length >= this.count && invoice.issueDate !== last?.issueDate) return false;
		if (!invoice.deleted && (invoice.kind ?? 'invoice') === this.kind) this.found.push(invoice);
		return true;
	}
}
