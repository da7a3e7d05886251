import type { Invoice } from '../invoice/schema';
import { itemBytes } from '../storage/item-size';
import { fromItem } from '../storage/table-design';
import type { Item, ItemStamp, RemoteStore } from '../storage/remote-store';

/**
 * What a request meets, chosen by a test per request:
 * - `lost-request`: never reaches the table (a dropped connection before sending);
 * - `lost-response`: the write lands, the answer does not (timeout after the fact);
 * - `late`: the client gives up at once, the write lands when `landLate()` runs;
 * - `throttle`, `expired`: refused as DynamoDB refuses them.
 */
export type RemoteFault = 'lost-request' | 'lost-response' | 'late' | 'throttle' | 'expired';

const ITEM_LIMIT = 400 * 1024;
const PAGE_BYTES = 1024 * 1024;

const errors: Record<Exclude<RemoteFault, 'late'>, () => Error> = {
	'lost-request': () => named('TypeError', 'Failed to fetch'),
	'lost-response': () => named('TimeoutError', 'Request timed out'),
	throttle: () => named('ThrottlingException', 'Rate of requests exceeds the allowed throughput.'),
	expired: () =>
		named('ExpiredTokenException', 'The security token included in the request is expired')
};

function named(name: string, message: string): Error {
	return Object.assign(new Error(message), { name });
}

/**
 * An in-memory sync table with DynamoDB's semantics: conditional writes, BatchWriteItem of at
 * most 25 with UnprocessedItems, 400 KB items, 1 MB query pages, an eventually consistent
 * index (with `indexLags`, index reads see writes only after `catchUpIndex()`), writes that
 * land after the client gave up, and a table that can be deleted and created again.
 */
export class MemoryRemote implements RemoteStore {
	items = new Map<string, Item>();
	readonly requests = new Map<string, number>();
	/** Called before every request; throw from it to inject a fault. */
	beforeRequest: (operation: string) => void = () => {};
	/** Picks the fault a request meets (null: none). */
	fault: (operation: string) => RemoteFault | null = () => null;
	/** Which of a batch's items DynamoDB leaves unprocessed this time. */
	leaveUnprocessed: (items: readonly Item[]) => Item[] = () => [];
	/** When true, index reads (changes, stamps) see only what `catchUpIndex()` has let through. */
	indexLags = false;
	/** Sort keys of items a late write put back to a version older than the one they held. */
	readonly rolledBack = new Set<string>();
	private index = new Map<string, Item>();
	private late: (() => void)[] = [];
	private next = 0;
	private incarnation = 1;

	constructor(private readonly pageSize = 100) {}

	async identity(): Promise<string> {
		this.read('DescribeTable');
		return `table-${this.incarnation}`;
	}

	/** The table is deleted and created again: empty, counter from zero, a new identity. */
	recreate(): void {
		this.items = new Map();
		this.index = new Map();
		this.late = [];
		this.next = 0;
		this.incarnation += 1;
	}

	async reserveSeq(count: number): Promise<number> {
		this.next += count;
		this.read('UpdateItem');
		return this.next - count + 1;
	}

	async batchPut(items: readonly Item[]): Promise<Item[]> {
		if (items.length > 25) throw named('ValidationException', 'Too many items');
		const oversized = items.find((item) => itemBytes(item) > ITEM_LIMIT);
		if (oversized)
			throw named('ValidationException', 'Item size has exceeded the maximum allowed size');
		const unprocessed = new Set(this.leaveUnprocessed(items));
		return this.write('BatchWriteItem', () => {
			for (const item of items) if (!unprocessed.has(item)) this.store(item);
			return [...unprocessed].map((item) => structuredClone(item));
		});
	}

	async putIf(item: Item, expectedHlc: string | undefined): Promise<boolean> {
		if (itemBytes(item) > ITEM_LIMIT) {
			throw named('ValidationException', 'Item size has exceeded the maximum allowed size');
		}
		return this.write('PutItem', () => {
			const current = this.items.get(String(item.sk));
			if (expectedHlc === undefined ? current !== undefined : current?.hlc !== expectedHlc) {
				return false;
			}
			this.store(item);
			return true;
		});
	}

	async get(sortKey: string): Promise<Item | undefined> {
		this.read('GetItem');
		return structuredClone(this.items.get(sortKey));
	}

	async getMany(sortKeys: readonly string[]) {
		this.read('BatchGetItem');
		const items = sortKeys.flatMap((sk) => {
			const item = this.items.get(sk);
			return item ? [structuredClone(item)] : [];
		});
		return { items, unprocessed: [] };
	}

	async changesSince(afterSeq: number, cursor?: unknown) {
		this.read('Query');
		const sorted = [...this.indexed().values()]
			.filter((item) => Number(item.seq) > afterSeq)
			.sort((a, b) => Number(a.seq) - Number(b.seq));
		const { page, next } = this.page(sorted, cursor, (item) => itemBytes(item));
		return { items: page.map((item) => structuredClone(item)), cursor: next };
	}

	async stamps(cursor?: unknown) {
		this.read('Query');
		const sorted = [...this.indexed().values()]
			.filter((item) => typeof item.ver === 'string')
			.map((item): ItemStamp => ({ sk: String(item.sk), ver: String(item.ver) }))
			.sort((a, b) => a.sk.localeCompare(b.sk));
		// The index entry holds pk, sk and ver (names and values).
		const size = (stamp: ItemStamp) => itemBytes(stamp) + 20;
		const { page, next } = this.page(sorted, cursor, size, Infinity);
		const bytes = page.reduce((sum, stamp) => sum + size(stamp), 0);
		return { items: page, cursor: next, readUnits: Math.ceil(bytes / 4096) / 2 };
	}

	/** The invoices the table holds, read as a device reads them (unreadable items left out). */
	invoices(): Invoice[] {
		return [...this.items.values()]
			.flatMap((item) => {
				const reading = fromItem(item);
				return reading.ok && reading.change.collection === 'invoices'
					? [reading.change.record as Invoice]
					: [];
			})
			.sort((a, b) => a.id.localeCompare(b.id));
	}

	/** One invoice as the table holds it, if readable. */
	invoice(id: string): Invoice | undefined {
		return this.invoices().find((invoice) => invoice.id === id);
	}

	/** Lets the lagging index see every write so far. */
	catchUpIndex(): void {
		this.index = new Map([...this.items].map(([sk, item]) => [sk, structuredClone(item)]));
	}

	/** Writes whose client gave up now land (conditions are checked now, as DynamoDB would). */
	landLate(): number {
		const late = this.late;
		this.late = [];
		for (const land of late) land();
		return late.length;
	}

	private indexed(): Map<string, Item> {
		if (!this.indexLags) this.catchUpIndex();
		return this.index;
	}

	private page<T>(
		sorted: T[],
		cursor: unknown,
		size: (value: T) => number,
		limit = this.pageSize
	): { page: T[]; next?: number } {
		const start = typeof cursor === 'number' ? cursor : 0;
		let bytes = 0;
		let end = start;
		while (end < sorted.length && end - start < limit && bytes < PAGE_BYTES) {
			bytes += size(sorted[end]!);
			end += 1;
		}
		return { page: sorted.slice(start, end), next: end < sorted.length ? end : undefined };
	}

	private store(item: Item): void {
		this.items.set(String(item.sk), structuredClone(item));
	}

	private write<T>(operation: string, apply: () => T): T {
		const fault = this.request(operation);
		if (fault === 'late') {
			this.late.push(() => {
				const before = new Map([...this.items].map(([sk, item]) => [sk, item.hlc]));
				apply();
				for (const [sk, hlc] of before) {
					if (String(this.items.get(sk)?.hlc) < String(hlc)) this.rolledBack.add(sk);
				}
			});
			throw errors['lost-response']();
		}
		const result = apply();
		if (fault === 'lost-response') throw errors['lost-response']();
		return result;
	}

	/** A request that is not a record write: any fault means no answer. */
	private read(operation: string): void {
		if (this.request(operation)) throw errors['lost-response']();
	}

	private request(operation: string): RemoteFault | null {
		this.beforeRequest(operation);
		this.requests.set(operation, (this.requests.get(operation) ?? 0) + 1);
		const fault = this.fault(operation);
		if (fault === 'lost-request' || fault === 'throttle' || fault === 'expired') {
			throw errors[fault]();
		}
		return fault === 'late' || fault === 'lost-response' ? fault : null;
	}
}
