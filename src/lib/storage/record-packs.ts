/**
 * The new records of a big write (an import), many to a value, until tidied into their
 * stores: IndexedDB's layout only.
 *
 * In Chromium an IndexedDB request costs about the same whatever its size (about 0.15 ms on a
 * 2-core machine): putting 10,000 invoices one by one takes 1.2–1.9 s, putting them 250 to a
 * value 0.15 s. A write of PACK_FROM records or more therefore packs the ones that are new (in
 * no store and no pack), and `tidy` later moves them into their stores a pack at a time, while
 * the app is idle. Until then every read finds them in either place. A record in its store
 * stands over a packed copy: every write puts into the store, so packs are never rewritten
 * and each key is in one pack at most. What the RecordStore returns is the same either way
 * (pending-packs.test.ts compares it with the in-memory store step by step).
 */
import type { DocumentKind, Invoice } from '../invoice/schema';
import {
	NewestPage,
	outboxKey,
	type Change,
	type CollectionName,
	type Collections
} from './record-store';

type AnyRecord = Collections[CollectionName];

export interface RecordPack {
	/** Given by IndexedDB (autoIncrement). */
	id?: number;
	collection: CollectionName;
	/** Outbox keys of the records, at the same positions (the `by-key` index). */
	keys: string[];
	records: AnyRecord[];
	/** Of invoices: the newest issue date among them (the `by-newest` index). */
	newest?: string;
}

/** The transaction's record-packs store, reduced to what is used here. */
export interface RecordPackStore {
	getAll(): Promise<RecordPack[]>;
	get(id: number): Promise<RecordPack | undefined>;
	count(): Promise<number>;
	index(name: 'by-key'): { getKey(key: string): Promise<number | undefined> };
}

/** Packs, newest first (the `by-newest` index read backwards). */
export interface PackCursor {
	value: RecordPack;
	continue(): Promise<PackCursor | null>;
}

const PACK_SIZE = 250;

/** Up to this many records are found through the index one by one; more read every pack. */
const FEW_KEYS = 200;

/** Packs of these new records of one write, PACK_SIZE to a value, one collection each. */
export function recordPacks(records: readonly { change: Change }[]): RecordPack[] {
	const packs: RecordPack[] = [];
	const open = new Map<CollectionName, RecordPack>();
	for (const { change } of records) {
		let pack = open.get(change.collection);
		if (!pack || pack.keys.length >= PACK_SIZE) {
			pack = { collection: change.collection, keys: [], records: [] };
			open.set(change.collection, pack);
			packs.push(pack);
		}
		pack.keys.push(outboxKey(change.collection, change.record.id));
		pack.records.push(change.record);
		const date = issueDateOf(change);
		if (date && !(pack.newest && pack.newest >= date)) pack.newest = date;
	}
	return packs;
}

const issueDateOf = ({ collection, record }: Change) =>
	collection === 'invoices' ? (record as Invoice).issueDate : undefined;

/**
 * Newest invoices first, the other records after them: packed in this order, the newest page
 * is found in a pack or two.
 */
export function newestFirst(a: { change: Change }, b: { change: Change }): number {
	const [x, y] = [issueDateOf(a.change) ?? '', issueDateOf(b.change) ?? ''];
	return x < y ? 1 : x > y ? -1 : 0;
}

/** The packed records of `collection` among `ids` (none are in two packs). */
export async function packedRecords(
	packs: RecordPackStore,
	collection: CollectionName,
	ids: readonly string[]
): Promise<AnyRecord[]> {
	if (ids.length === 0) return [];
	const wanted = new Set(ids.map((id) => outboxKey(collection, id)));
	let found: RecordPack[];
	if (ids.length <= FEW_KEYS) {
		const packIds = await Promise.all([...wanted].map((key) => packs.index('by-key').getKey(key)));
		const distinct = [...new Set(packIds.filter((id) => id !== undefined))];
		found = (await Promise.all(distinct.map((id) => packs.get(id)))).filter((p) => p !== undefined);
	} else {
		found = await packs.getAll();
	}
	return found.flatMap((pack) => pack.records.filter((_, i) => wanted.has(pack.keys[i]!)));
}

/** Every packed record of `collection`. */
export async function allPacked(
	packs: RecordPackStore,
	collection: CollectionName
): Promise<AnyRecord[]> {
	const all = await packs.getAll();
	return all.flatMap((pack) => (pack.collection === collection ? pack.records : []));
}

const newestOrder = (a: Invoice, b: Invoice) =>
	a.issueDate < b.issueDate ? 1 : a.issueDate > b.issueDate ? -1 : a.id < b.id ? 1 : -1;

/**
 * RecordStore.newestInvoices over the store's newest page (`stored`) and the packs: packs are
 * read newest first until the next one holds nothing as new as the page's last invoice.
 * `inStore` says which ids stand in the store (over their packed copies).
 */
export async function newestWithPacks(
	stored: readonly Invoice[],
	cursor: PackCursor | null,
	inStore: (ids: readonly string[]) => Promise<boolean[]>,
	kind: DocumentKind,
	count: number
): Promise<Invoice[]> {
	const candidates = [...stored];
	const lastDate = () =>
		candidates.length < count ? undefined : candidates.sort(newestOrder)[count - 1]!.issueDate;
	for (; cursor; cursor = await cursor.continue()) {
		const cut = lastDate();
		if (cut !== undefined && cursor.value.newest! < cut) break;
		const mine = (cursor.value.records as Invoice[]).filter(
			(invoice) => !invoice.deleted && (invoice.kind ?? 'invoice') === kind
		);
		const shadowed = await inStore(mine.map((invoice) => invoice.id));
		candidates.push(...mine.filter((_, i) => !shadowed[i]));
	}
	const page = new NewestPage(kind, count);
	candidates.sort(newestOrder).every((invoice) => page.add(invoice));
	return page.found;
}
