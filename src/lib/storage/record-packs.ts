/**
 * The new invoices of a big write (an import), many to a value, until tidied into their
 * store: IndexedDB's layout only.
 *
 * In Chromium an IndexedDB request costs about the same whatever its size (about 0.15 ms on a
 * 2-core machine): putting 10,000 invoices one by one takes 1.2–1.9 s, putting them 250 to a
 * value 0.15 s. A write of PACK_FROM records or more therefore packs the invoices that are new
 * (in no store and no pack), and `tidy` later moves them into their store a pack at a time,
 * while the app is idle. Until then every read finds them in either place. An invoice in its
 * store stands over a packed copy: every write puts into the store, so packs are never
 * rewritten and each id is in one pack at most. Other records are few and never packed. What the RecordStore returns is the same either way
 * (pending-packs.test.ts compares it with the in-memory store step by step).
 */
import type { DocumentKind, Invoice } from '../invoice/schema';
import { NewestPage, type Change } from './record-store';

export interface RecordPack {
	/** Given by IndexedDB (autoIncrement). */
	id?: number;
	/** The invoices' ids, at the same positions (the `by-id` index). */
	ids: string[];
	records: Invoice[];
	/** The newest issue date among them (the `by-newest` index). */
	newest: string;
}

/** The transaction's record-packs store, reduced to what is used here. */
export interface RecordPackStore {
	getAll(query?: IDBKeyRange, count?: number): Promise<RecordPack[]>;
	get(id: number): Promise<RecordPack | undefined>;
	count(): Promise<number>;
	index(name: 'by-id'): { getKey(id: string): Promise<number | undefined> };
}

/** Pack ids by their newest issue date, newest first (a key cursor over `by-newest`). */
export interface NewestPackCursor {
	key: string;
	primaryKey: number;
	continue(): Promise<NewestPackCursor | null>;
}

const PACK_SIZE = 250;

/**
 * Up to this many records are found through the index one by one; more read every pack. A
 * whole pack of pending changes (250) is unpacked at once, and should not read every pack.
 */
const FEW_KEYS = 2 * PACK_SIZE;

/** Packs of these new invoices of one write, PACK_SIZE to a value. */
export function recordPacks(invoices: readonly Invoice[]): RecordPack[] {
	const packs: RecordPack[] = [];
	for (let start = 0; start < invoices.length; start += PACK_SIZE) {
		const records = invoices.slice(start, start + PACK_SIZE);
		const newest = records.reduce(
			(date, { issueDate }) => (issueDate > date ? issueDate : date),
			''
		);
		packs.push({ ids: records.map((invoice) => invoice.id), records, newest });
	}
	return packs;
}

/** Whether a write packs this record, if it is new: invoices, the many. */
export const packable = (change: Change) => change.collection === 'invoices';

/** Newest invoices first: packed in this order, the newest page is found in a pack or two. */
export function newestFirst(a: { change: Change }, b: { change: Change }): number {
	const [x, y] = [(a.change.record as Invoice).issueDate, (b.change.record as Invoice).issueDate];
	return x < y ? 1 : x > y ? -1 : 0;
}

/** The packed invoices among `ids` (none are in two packs). */
export async function packedRecords(
	packs: RecordPackStore,
	ids: readonly string[]
): Promise<Invoice[]> {
	if (ids.length === 0) return [];
	const wanted = new Set(ids);
	let found: RecordPack[];
	if (ids.length <= FEW_KEYS) {
		const packIds = await Promise.all([...wanted].map((id) => packs.index('by-id').getKey(id)));
		const distinct = [...new Set(packIds.filter((id) => id !== undefined))];
		found = (await Promise.all(distinct.map((id) => packs.get(id)))).filter((p) => p !== undefined);
	} else {
		found = await packs.getAll();
	}
	return found.flatMap((pack) => pack.records.filter((_, i) => wanted.has(pack.ids[i]!)));
}

/** Packs per read in `allPacked`: each read arrives as a task of its own, as in `all`. */
const PACKS_PER_READ = 8;

/** Every packed invoice, read a few packs at a time so the page can paint in between. */
export async function allPacked(packs: RecordPackStore): Promise<Invoice[]> {
	const invoices: Invoice[] = [];
	for (let after: number | undefined; ;) {
		const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
		const slice = await packs.getAll(range, PACKS_PER_READ);
		for (const pack of slice) for (const invoice of pack.records) invoices.push(invoice);
		if (slice.length < PACKS_PER_READ) return invoices;
		after = slice.at(-1)!.id;
	}
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
	cursor: NewestPackCursor | null,
	packs: Pick<RecordPackStore, 'get'>,
	inStore: (ids: readonly string[]) => Promise<boolean[]>,
	kind: DocumentKind,
	count: number
): Promise<Invoice[]> {
	const candidates = [...stored];
	const lastDate = () =>
		count < 1 || candidates.length < count
			? undefined
			: candidates.sort(newestOrder)[count - 1]!.issueDate;
	for (; cursor; cursor = await cursor.continue()) {
		const cut = lastDate();
		if (cut !== undefined && cursor.key < cut) break;
		const records = (await packs.get(cursor.primaryKey))?.records ?? [];
		const mine = records.filter(
			(invoice) =>
				!invoice.deleted &&
				(invoice.kind ?? 'invoice') === kind &&
				(cut === undefined || invoice.issueDate >= cut)
		);
		const shadowed = await inStore(mine.map((invoice) => invoice.id));
		candidates.push(...mine.filter((_, i) => !shadowed[i]));
	}
	const page = new NewestPage(kind, count);
	candidates.sort(newestOrder).every((invoice) => page.add(invoice));
	return page.found;
}

/**
 * Moves the first pack's invoices into their store and drops the pack (RecordStore.tidy);
 * false when there is none. An invoice in its store is newer than its packed copy: `add`
 * leaves that one alone.
 */
export function tidyOne(tx: IDBTransaction): Promise<boolean> {
	return new Promise((resolve, reject) => {
		const packs = tx.objectStore('record-packs');
		const first = packs.getAll(null, 1);
		first.onsuccess = () => {
			const [pack] = first.result as RecordPack[];
			if (!pack) return;
			const invoices = tx.objectStore('invoices');
			for (const invoice of pack.records) invoices.add(invoice).onerror = keepStored;
			packs.delete(pack.id!);
		};
		tx.oncomplete = () => resolve((first.result as RecordPack[]).length > 0);
		tx.onabort = () => reject(tx.error);
	});
}

/** The key was taken (a newer version is stored): handled, the transaction goes on. */
function keepStored(event: Event): void {
	if ((event.target as IDBRequest).error?.name !== 'ConstraintError') return;
	event.preventDefault();
	event.stopPropagation();
}
