/** The cloud side of sync, behind an interface: DynamoDB in the app, memory in unit tests. */
export type Item = Record<string, unknown>;

export interface RemoteStore {
	/** Reserves `count` consecutive change numbers for this workspace; returns the first. */
	reserveSeq(count: number): Promise<number>;
	/** Writes items without conditions; returns the ones the service left unprocessed. */
	batchPut(items: readonly Item[]): Promise<Item[]>;
	/**
	 * Writes the item only if the cloud still holds the version stamped `expectedHlc` (or
	 * holds nothing, when it is undefined). False when the cloud holds something else.
	 */
	putIf(item: Item, expectedHlc: string | undefined): Promise<boolean>;
	get(sortKey: string): Promise<Item | undefined>;
	/** One page of items changed after `afterSeq`, in change order. */
	changesSince(afterSeq: number, cursor?: unknown): Promise<{ items: Item[]; cursor?: unknown }>;
}

/** DynamoDB's limit for one BatchWriteItem call. */
export const BATCH_SIZE = 25;
