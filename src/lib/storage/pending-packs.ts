/**
 * Pending changes of freshly imported records, many to a value (IndexedDB's layout only).
 *
 * In Chromium every IndexedDB request costs about the same whatever its size (about 0.1 ms on
 * a 2-core machine), so an import of 100,000 invoices spent as long putting their outbox
 * entries as putting the invoices. The entry of a record imported with nothing before it says
 * nothing its record does not (`importedEntry`): such entries are kept as (key, stamp) pairs,
 * up to PACK_SIZE to a value, and each becomes an entry of its own the moment any store
 * operation touches its key. What the RecordStore returns is the same either way
 * (pending-packs.test.ts compares it with the in-memory store step by step).
 */
import {
	nextOutboxEntry,
	type Change,
	type CollectionName,
	type Collections,
	type OutboxEntry
} from './record-store';

export interface PendingPack {
	/** Given by IndexedDB (autoIncrement). */
	id?: number;
	collection: CollectionName;
	/** Outbox keys, each with its record's stamp at the same position in `hlcs`. */
	keys: string[];
	hlcs: string[];
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

/** Below this many packable entries in one write, each keeps an entry of its own. */
export const PACK_FROM = 100;

/** Up to this many keys are looked up in the index one by one; more read every pack. */
const FEW_KEYS = 200;

/** The entry of a record imported with nothing stored or pending before it. */
export function importedEntry(change: Change): OutboxEntry {
	return nextOutboxEntry(undefined, undefined, { change, origin: 'import' });
}

/** Whether `entry` is exactly `importedEntry(change)`, so that a pack can stand for it. */
export function packable(entry: OutboxEntry, change: Change): boolean {
	const fresh = importedEntry(change);
	const fields = new Set([...Object.keys(entry), ...Object.keys(fresh)]) as Set<keyof OutboxEntry>;
	return [...fields].every((field) => entry[field] === fresh[field]);
}

/** The entry a packed key stands for, made from its stored record. */
export function unpackedEntry(
	collection: CollectionName,
	record: Collections[CollectionName],
	hlc: string
): OutboxEntry {
	return { ...importedEntry({ collection, record } as Change), hlc };
}

/** The packs for these changes, PACK_SIZE keys each, one collection per pack. */
export function packsFor(
	changes: readonly Change[],
	keyOf: (change: Change) => string
): PendingPack[] {
	const packs: PendingPack[] = [];
	const open = new Map<CollectionName, PendingPack>();
	for (const change of changes) {
		let pack = open.get(change.collection);
		if (!pack || pack.keys.length >= PACK_SIZE) {
			pack = { collection: change.collection, keys: [], hlcs: [] };
			open.set(change.collection, pack);
			packs.push(pack);
		}
		pack.keys.push(keyOf(change));
		pack.hlcs.push(change.record.hlc);
	}
	return packs;
}

export interface Taken {
	collection: CollectionName;
	id: string;
	hlc: string;
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
			const id = key.slice(pack.collection.length + 1);
			found.set(key, { collection: pack.collection, id, hlc: pack.hlcs[i]! });
		});
	}
	return { packs, found };
}

/**
 * Takes these keys out of the packs holding them (a pack left empty is deleted) and says
 * what each stood for. The caller stores each one's entry in the same transaction.
 */
export async function takeFromPacks(
	store: PackStore,
	keys: readonly string[]
): Promise<Map<string, Taken>> {
	const { packs, found } = await findPacked(store, keys);
	await Promise.all(
		packs.map((pack) => {
			const kept: PendingPack = { ...pack, keys: [], hlcs: [] };
			pack.keys.forEach((key, i) => {
				if (found.has(key)) return;
				kept.keys.push(key);
				kept.hlcs.push(pack.hlcs[i]!);
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

/** How many pending changes the packs stand for. */
export async function packedCount(store: PackStore): Promise<number> {
	return (await store.getAll()).reduce((sum, pack) => sum + pack.keys.length, 0);
}
