import type { Item, RemoteStore } from '../storage/remote-store';

/** An in-memory sync table with DynamoDB's semantics, for the sync engine's unit tests. */
export class MemoryRemote implements RemoteStore {
	readonly items = new Map<string, Item>();
	readonly requests = new Map<string, number>();
	private next = 0;
	/** Called before every request; throw from it to inject a fault. */
	beforeRequest: (operation: string) => void = () => {};

	constructor(private readonly pageSize = 100) {}

	async reserveSeq(count: number): Promise<number> {
		this.count('UpdateItem');
		this.next += count;
		return this.next - count + 1;
	}

	async batchPut(items: readonly Item[]): Promise<Item[]> {
		this.count('BatchWriteItem');
		if (items.length > 25)
			throw Object.assign(new Error('Too many items'), { name: 'ValidationException' });
		for (const item of items) this.items.set(String(item.sk), structuredClone(item));
		return [];
	}

	async putIf(item: Item, expectedHlc: string | undefined): Promise<boolean> {
		this.count('PutItem');
		const current = this.items.get(String(item.sk));
		if (expectedHlc === undefined ? current !== undefined : current?.hlc !== expectedHlc) {
			return false;
		}
		this.items.set(String(item.sk), structuredClone(item));
		return true;
	}

	async get(sortKey: string): Promise<Item | undefined> {
		this.count('GetItem');
		return structuredClone(this.items.get(sortKey));
	}

	async changesSince(afterSeq: number, cursor?: unknown) {
		this.count('Query');
		const sorted = [...this.items.values()]
			.filter((item) => Number(item.seq) > afterSeq)
			.sort((a, b) => Number(a.seq) - Number(b.seq));
		const start = typeof cursor === 'number' ? cursor : 0;
		const page = sorted.slice(start, start + this.pageSize).map((item) => structuredClone(item));
		const end = start + page.length;
		return { items: page, cursor: end < sorted.length ? end : undefined };
	}

	private count(operation: string): void {
		this.beforeRequest(operation);
		this.requests.set(operation, (this.requests.get(operation) ?? 0) + 1);
	}
}
