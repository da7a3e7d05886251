/** The cloud side of sync, behind an interface: DynamoDB in the app, memory in unit tests. */
export type Item = Record<string, unknown>;

/** One record's key and stamp digest (`ver`), as the keys-only index lists them. */
export interface ItemStamp {
	sk: string;
	ver: string;
}

export interface RemoteStore {
	/** Names this incarnation of the table: it changes when the table is deleted and re-created. */
	identity(): Promise<string>;
	/** Reserves `count` consecutive change numbers for this workspace; returns the first. */
	reserveSeq(count: number): Promise<number>;
	/** Writes items without conditions; returns the ones the service left unprocessed. */
	batchPut(items: readonly Item[]): Promise<Item[]>;
	/**
	 * Writes the item only if the cloud still holds the version stamped `expectedHlc` (or
	 * holds nothing, when it is undefined). False when the cloud holds something else.
	 */
	putIf(item: Item, expectedHlc: string | undefined): Promise<boolean>;
	/** Reads one item, strongly consistent. */
	get(sortKey: string): Promise<Item | undefined>;
	/** Reads up to 100 items, strongly consistent; keys left unprocessed come back to retry. */
	getMany(sortKeys: readonly string[]): Promise<{ items: Item[]; unprocessed: string[] }>;
	/** One page of items changed after `afterSeq`, in change order. */
	changesSince(afterSeq: number, cursor?: unknown): Promise<{ items: Item[]; cursor?: unknown }>;
	/**
	 * One page of every record's key and stamp digest, from a small index (eventually
	 * consistent; an item written before the index existed may be missing); `readUnits` is
	 * what the page cost.
	 */
	stamps(cursor?: unknown): Promise<{ items: ItemStamp[]; cursor?: unknown; readUnits: number }>;
}

/** DynamoDB's limit for one BatchWriteItem call. */
export const BATCH_SIZE = 25;
/** DynamoDB's limit for one BatchGetItem call. */
export const GET_BATCH_SIZE = 100;
