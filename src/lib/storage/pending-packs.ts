/**
 * The pending changes of a big write (an import), many to a value: IndexedDB's layout only.
 *
 * In Chromium every IndexedDB request costs about the same whatever its size (about 0.1 ms on
 * a 2-core machine), so an import of 100,000 invoices spent as long putting their outbox
 * entries as putting the invoices. A write of PACK_FROM records or more keeps their entries
 * PACK_SIZE to a value instead, and each becomes an entry of its own the moment any store
 * operation touches its key. The entry of a record imported with nothing before it says nothing
 * its record does not (`importedEntry`): a pack keeps only its stamp. What the RecordStore
 * returns is the same either way (pending-packs.test.ts compares it with the in-memory store
 * step by step).
 */
import {
	nextOutboxEntry,
	type Change,
	type CollectionName,
	type Collections,
	type OutboxEntry
} from './record-store';
import {
	readKeys,
	readRecords,
	type IdbStoreOf,
	type ReadPendingTx,
	type WriteTx
} from './idb-store';

export interface PendingPack {
	/** Given by IndexedDB (autoIncrement). */
	id?: number;
	collection: CollectionName;
	/** Outbox keys, each with its record's stamp and its entry at the same position. */
	keys: string[];
	hlcs: string[];
	/** The whole entry, or null where the record says it all (`importedEntry`). */
	entries: (OutboxEntry | null)[];
}

/** The transaction's pending-packs store (idb's typed wrapper, reduced to what is used here). */
export interface PackStore {
	getAll(): Promise<PendingPack[]>;
	get(id: number): Promise<PendingPack | undefined>;
	put(pack: PendingPack): Promise<unknown>;
	delete(id: number): Promise<void>;
	index(name: 'by-key'): { getKey(key: string): Promise<number | undefined> };
}

export const PACK_SIZE = 250;

/** Up to this many keys are looked up in the index one by one; more read every pack. */
const FEW_KEYS = 200;

/** The entry of a record imported with nothing stored or pending before it. */
export function importedEntry(change: Change): OutboxEntry {
	return nextOutboxEntry(undefined, undefined, { change, origin: 'import' });
}

/** Whether `entry` is exactly `importedEntry(change)`, so that its stamp can stand for it. */
export function isImportedEntry(entry: OutboxEntry, change: Change): boolean {
	const fresh = importedEntry(change);
	const fields = new Set([...Object.keys(entry), ...Object.keys(fresh)]) as Set<keyof OutboxEntry>;
	return [...fields].every((field) => entry[field] === fresh[field]);
}

/** The packs for these records' entries, PACK_SIZE each, one collection per pack. */
export function packsFor(
	pending: readonly { change: Change; entry: OutboxEntry }[]
): PendingPack[] {
	const packs: PendingPack[] = [];
	const open = new Map<CollectionName, PendingPack>();
	for (const { change, entry } of pending) {
		let pack = open.get(change.collection);
		if (!pack || pack.keys.length >= PACK_SIZE) {
			pack = { collection: change.collection, keys: [], hlcs: [], entries: [] };
			open.set(change.collection, pack);
			packs.push(pack);
		}
		pack.keys.push(entry.key);
		pack.hlcs.push(change.record.hlc);
		pack.entries.push(isImportedEntry(entry, change) ? null : entry);
	}
	return packs;
}

/** What one packed key stands for. */
export interface Taken {
	collection: CollectionName;
	id: string;
	hlc: string;
	entry: OutboxEntry | null;
}

/** The entry a packed key stands for; its stored record is needed when `needsRecord`. */
export function entryOf(
	{ collection, hlc, entry }: Taken,
	record: Collections[CollectionName] | undefined
): OutboxEntry {
	return entry ?? { ...importedEntry({ collection, record } as Change), hlc };
}

export function needsRecord(taken: Taken): boolean {
	return taken.entry === null;
}

/** The packs holding any of these keys, and what each key found there stands for. */
export async function findPacked(
	store: Pick<PackStore, 'getAll' | 'get' | 'index'>,
	keys: readonly string[]
): Promise<{ packs: PendingPack[]; found: Map<string, Taken> }> {
	const found = new Map<string, Taken>();
	if (keys.length === 0) return { packs: [], found };
	const wanted = new Set(keys);
	const packs =
		keys.length <= FEW_KEYS
			? await packsById(
					store,
					await Promise.all(keys.map((key) => store.index('by-key').getKey(key)))
				)
			: (await store.getAll()).filter((pack) => pack.keys.some((key) => wanted.has(key)));
	for (const pack of packs) {
		pack.keys.forEach((key, i) => {
			if (!wanted.has(key)) return;
			found.set(key, takenAt(pack, i));
		});
	}
	return { packs, found };
}

/**
 * Takes these keys out of the packs holding them (a pack left empty is deleted) and says
 * what each stood for; with `wholePacks`, every key of those packs. The caller stores each
 * one's entry in the same transaction.
 */
export async function takeFromPacks(
	store: PackStore,
	keys: readonly string[],
	{ wholePacks = false } = {}
): Promise<Map<string, Taken>> {
	const { packs, found } = await findPacked(store, keys);
	if (wholePacks) {
		for (const pack of packs) pack.keys.forEach((key, i) => found.set(key, takenAt(pack, i)));
	}
	await Promise.all(
		packs.map((pack) => {
			const kept: PendingPack = { ...pack, keys: [], hlcs: [], entries: [] };
			pack.keys.forEach((key, i) => {
				if (found.has(key)) return;
				kept.keys.push(key);
				kept.hlcs.push(pack.hlcs[i]!);
				kept.entries.push(pack.entries[i]!);
			});
			return kept.keys.length > 0 ? store.put(kept) : store.delete(pack.id!);
		})
	);
	return found;
}

async function packsById(
	store: Pick<PackStore, 'get'>,
	ids: readonly (number | undefined)[]
): Promise<PendingPack[]> {
	const distinct = [...new Set(ids.filter((id) => id !== undefined))];
	const packs = await Promise.all(distinct.map((id) => store.get(id)));
	return packs.filter((pack) => pack !== undefined);
}

/** What the pack's `i`th key stands for. */
export function takenAt(pack: PendingPack, i: number): Taken {
	const key = pack.keys[i]!;
	return {
		collection: pack.collection,
		id: key.slice(pack.collection.length + 1),
		hlc: pack.hlcs[i]!,
		entry: pack.entries[i] ?? null
	};
}

/** The entries packed changes stand for, by key, their records read a few requests each store. */
export async function unpackedEntries(
	tx: ReadPendingTx | WriteTx,
	packed: ReadonlyMap<string, Taken>
): Promise<Map<string, OutboxEntry>> {
	const entries = new Map<string, OutboxEntry>();
	const derived = [...packed].filter(([, taken]) => needsRecord(taken));
	for (const collection of new Set(derived.map(([, taken]) => taken.collection))) {
		const ofCollection = derived.filter(([, taken]) => taken.collection === collection);
		const records = await readRecords(
			tx,
			collection,
			ofCollection.map(([, { id }]) => id)
		);
		for (const [key, taken] of ofCollection)
			entries.set(key, entryOf(taken, records.get(taken.id)));
	}
	for (const [key, taken] of packed) {
		if (!needsRecord(taken)) entries.set(key, entryOf(taken, undefined));
	}
	return entries;
}

export function packStore(tx: WriteTx): PackStore {
	return tx.objectStore('pending-packs') as unknown as PackStore;
}

/**
 * Gives each packed change of these keys an outbox entry of its own, before the caller reads
 * or changes it in the same transaction. Whole packs: a sync pushes an import's records one
 * after another, and rewriting a pack of 250 for each would cost more than these puts.
 */
export async function unpack(tx: WriteTx, keys: readonly string[]): Promise<void> {
	const taken = await takeFromPacks(packStore(tx), keys, { wholePacks: true });
	const entries = await unpackedEntries(tx, taken);
	await Promise.all([...entries.values()].map((entry) => tx.objectStore('outbox').put(entry)));
}

/** Every pending change, packed ones made into entries, in key order as IndexedDB lists them. */
export async function readOutbox(tx: ReadPendingTx): Promise<OutboxEntry[]> {
	const [entries, stored] = await Promise.all([
		tx.objectStore('outbox').getAll(),
		tx.objectStore('pending-packs').getAll()
	]);
	if (stored.length === 0) return entries;
	const packed = stored.flatMap((pack) =>
		pack.keys.map((key, i): [string, Taken] => [key, takenAt(pack, i)])
	);
	const unpacked = await unpackedEntries(tx, new Map(packed));
	await tx.done;
	return [...entries, ...unpacked.values()].sort((a, b) =>
		a.key < b.key ? -1 : a.key > b.key ? 1 : 0
	);
}

/** The pending changes of these keys, lined up with them (RecordStore.pendingOf). */
export async function readPendingOf(
	tx: ReadPendingTx,
	keys: readonly string[]
): Promise<(OutboxEntry | undefined)[]> {
	const outbox = tx.objectStore('outbox') as unknown as IdbStoreOf<OutboxEntry>;
	const entries = await readKeys(outbox, keys, (entry) => entry.key);
	const { found } = await findPacked(
		tx.objectStore('pending-packs') as unknown as PackStore,
		keys.filter((key) => !entries.has(key))
	);
	const unpacked = await unpackedEntries(tx, found);
	await tx.done;
	return keys.map((key) => entries.get(key) ?? unpacked.get(key));
}
