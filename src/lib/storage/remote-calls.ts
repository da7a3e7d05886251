/**
 * Requests to the sync table as the engine makes them, for one run: its own retries with
 * back-off (the SDK makes no retries of its own, so a retried write is stamped afresh), change
 * numbers handed out right before each write, and batched reads that retry what DynamoDB
 * leaves unprocessed.
 */
import { awsProblemOf } from '../aws/aws-errors';
import type { Clock } from '../platform/clock';
import type { Item, RemoteStore } from './remote-store';

/** Change numbers reserved at a time: one counter update per this many pushed records. */
export const RESERVE_BLOCK = 1000;
/** A reserved block is used only this soon after reserving, so writes land well in the window. */
export const RESERVATION_REUSE_MS = 5_000;
const TRANSIENT_RETRIES = 4;
export const UNPROCESSED_RETRIES = 8;

export class RemoteCalls {
	// A new run starts with no numbers: ones reserved earlier may belong to a deleted table.
	private reservation = { next: 0, end: -1, at: 0 };

	constructor(
		readonly remote: RemoteStore,
		private readonly clock: Clock,
		readonly sleep: (ms: number) => Promise<void>
	) {}

	/** Runs one request, retrying throttling, server errors and time-outs with back-off. */
	async call<T>(request: () => Promise<T>): Promise<T> {
		for (let attempt = 1; ; attempt++) {
			try {
				return await request();
			} catch (error) {
				if (!isTransient(error) || attempt >= TRANSIENT_RETRIES) throw error;
				await this.sleep(backoff(attempt));
			}
		}
	}

	/** Change numbers for the next writes, from a block reserved moments ago. */
	async take(count: number): Promise<number[]> {
		const now = this.clock.now();
		const left = this.reservation.end - this.reservation.next + 1;
		if (left < count || now - this.reservation.at > RESERVATION_REUSE_MS) {
			const size = Math.max(count, RESERVE_BLOCK);
			const first = await this.call(() => this.remote.reserveSeq(size));
			this.reservation = { next: first, end: first + size - 1, at: this.clock.now() };
		}
		const first = this.reservation.next;
		this.reservation.next += count;
		return Array.from({ length: count }, (_, i) => first + i);
	}

	/** Strongly consistent reads, 100 at a time, retrying what DynamoDB leaves unprocessed. */
	async getMany(sortKeys: readonly string[]): Promise<Item[]> {
		const found: Item[] = [];
		let waiting = [...sortKeys];
		for (let attempt = 0; waiting.length > 0; attempt++) {
			if (attempt > UNPROCESSED_RETRIES) throw busy('DynamoDB left reads unprocessed');
			if (attempt > 0) await this.sleep(backoff(attempt));
			const page = await this.call(() => this.remote.getMany(waiting));
			found.push(...page.items);
			waiting = page.unprocessed;
		}
		return found;
	}
}

export function isTransient(error: unknown): boolean {
	const problem = awsProblemOf(error);
	return problem === 'throttled' || problem === 'server' || problem === 'unreachable';
}

export function backoff(attempt: number): number {
	return Math.min(5_000, 100 * 2 ** attempt);
}

/** An error that reads as throttling: the run fails and is tried again later. */
export function busy(message: string): Error {
	return Object.assign(new Error(message), { name: 'ThrottlingException' });
}
