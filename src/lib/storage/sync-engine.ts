/**
 * One sync run: pull what changed in the cloud since the last checkpoint, merge it, then push
 * every pending local change. Safe to stop at any point: local data and the outbox are only
 * changed in transactions, and every step can run again (merge is idempotent).
 */
import type { Clock } from '../platform/clock';
import { awsProblemOf } from '../aws/aws-errors';
import type { Change, OutboxEntry, RecordStore } from './record-store';
import { outboxKey } from './record-store';
import type { Repository } from './repository';
import { BATCH_SIZE, type Item, type RemoteStore } from './remote-store';
import {
	resolveCloudVersion,
	settle,
	WRITE_DEADLINE_MS,
	type MergeResult,
	type PullState
} from './sync-rules';
import { fromItem, sortKey, toItem } from './table-design';

/** Change numbers reserved at a time: one counter update per this many pushed records. */
export const RESERVE_BLOCK = 1000;
const UNPROCESSED_RETRIES = 8;
const CONFLICT_RETRIES = 3;

export interface SyncProgress {
	phase: 'pull' | 'push';
	done: number;
	total: number;
}

export interface SyncReport {
	pulled: number;
	pushed: number;
	conflicts: number;
	/** Cloud items that could not be read, with the reason; never stored locally. */
	skipped: string[];
	/** Local changes the cloud refused (they stay pending, marked with the reason). */
	failed: number;
}

export interface SyncDeps {
	store: RecordStore;
	repository: Repository;
	remote: RemoteStore;
	workspace: string;
	clock: Clock;
	sleep: (ms: number) => Promise<void>;
	/** Names this table/workspace/endpoint, so each keeps its own checkpoint. */
	scope: string;
}

export class SyncEngine {
	private report: SyncReport = { pulled: 0, pushed: 0, conflicts: 0, skipped: [], failed: 0 };
	private reservation = { next: 0, end: -1, at: 0 };

	constructor(private readonly deps: SyncDeps) {}

	async run(onProgress: (progress: SyncProgress) => void = () => {}): Promise<SyncReport> {
		this.report = { pulled: 0, pushed: 0, conflicts: 0, skipped: [], failed: 0 };
		await this.pull(onProgress);
		await this.push(onProgress);
		return this.report;
	}

	/** Forgets the checkpoint, so the next run reads the whole workspace again. */
	async resetCheckpoint(): Promise<void> {
		await this.deps.store.writeMeta(this.checkpointKey, undefined);
	}

	private get checkpointKey(): string {
		return `sync-checkpoint:${this.deps.scope}`;
	}

	private async pull(onProgress: (progress: SyncProgress) => void): Promise<void> {
		const { store, remote, clock } = this.deps;
		const state = (await store.readMeta<PullState>(this.checkpointKey)) ?? {
			checkpoint: 0,
			candidates: []
		};
		const startedAt = clock.now();
		let cursor: unknown;
		let highest = state.checkpoint;
		do {
			const page = await remote.changesSince(state.checkpoint, cursor);
			cursor = page.cursor;
			const changes: Change[] = [];
			for (const item of page.items) {
				highest = Math.max(highest, Number(item.seq) || 0);
				const reading = fromItem(item);
				if (reading.ok) changes.push(reading.change);
				else this.report.skipped.push(reading.reason);
			}
			await this.merge(changes);
			this.report.pulled += changes.length;
			onProgress({ phase: 'pull', done: this.report.pulled, total: 0 });
		} while (cursor);
		await store.writeMeta(this.checkpointKey, settle(state, highest, startedAt, clock.now()));
	}

	/** Merges cloud versions into local data; concurrent edits keep the loser as a copy. */
	private async merge(changes: readonly Change[]): Promise<void> {
		if (changes.length === 0) return;
		const { store, repository } = this.deps;
		const pending = new Map((await store.outbox()).map((e) => [e.key, e]));
		const apply: MergeResult = { records: [], conflicts: [], rebased: [] };
		const locals = await repository.versionsOf(changes);
		const detectedAt = new Date(this.deps.clock.now()).toISOString();
		changes.forEach((change, i) => {
			const entry = pending.get(outboxKey(change.collection, change.record.id));
			resolveCloudVersion(change, locals[i], entry, detectedAt, apply);
		});
		this.report.conflicts += apply.conflicts.length;
		await repository.applyRemote(apply);
	}

	private async push(onProgress: (progress: SyncProgress) => void): Promise<void> {
		const { store } = this.deps;
		const entries = await store.outbox();
		const total = entries.length;
		let done = 0;
		const progress = (count: number) => {
			done += count;
			onProgress({ phase: 'push', done, total });
		};
		const fresh = entries.filter((e) => e.isNew);
		for (let i = 0; i < fresh.length; i += BATCH_SIZE) {
			await this.pushBatch(fresh.slice(i, i + BATCH_SIZE));
			progress(Math.min(BATCH_SIZE, fresh.length - i));
		}
		for (const entry of entries.filter((e) => !e.isNew)) {
			await this.pushOne(entry);
			progress(1);
		}
	}

	/** Records the cloud has never seen: one unconditional BatchWriteItem per 25. */
	private async pushBatch(entries: readonly OutboxEntry[]): Promise<void> {
		const changes = await this.current(entries);
		const seqs = await this.take(changes.length);
		let waiting: Item[] = changes.map((change, i) => toItem(this.deps.workspace, change, seqs[i]!));
		try {
			for (let attempt = 0; waiting.length > 0; attempt++) {
				if (attempt > 0) {
					if (attempt > UNPROCESSED_RETRIES) throw busy('DynamoDB left items unprocessed');
					await this.deps.sleep(backoff(attempt));
				}
				waiting = await this.deps.remote.batchPut(waiting);
			}
		} catch (error) {
			// One bad item fails the whole batch: send them one by one to find it.
			if (awsProblemOf(error) !== 'other') throw error;
			for (const entry of entries) await this.pushOne({ ...entry, isNew: false });
			return;
		}
		await this.acknowledge(changes);
	}

	/** A record the cloud may have: written only over the version this edit builds on. */
	private async pushOne(entry: OutboxEntry): Promise<void> {
		const [change] = await this.current([entry]);
		if (!change) return;
		let expected = entry.baseHlc;
		for (let attempt = 0; attempt < CONFLICT_RETRIES; attempt++) {
			const [seq] = await this.take(1);
			let written: boolean;
			try {
				written = await this.deps.remote.putIf(toItem(this.deps.workspace, change, seq!), expected);
			} catch (error) {
				if (awsProblemOf(error) !== 'other') throw error;
				await this.deps.store.markFailed(entry.key, (error as Error).message);
				this.report.failed += 1;
				return;
			}
			if (written) return this.acknowledge([change]);
			// Someone else wrote it: read theirs, merge, and try again on top of it.
			const cloud = await this.deps.remote.get(sortKey(change.collection, change.record.id));
			if (!cloud) {
				expected = undefined;
				continue;
			}
			const reading = fromItem(cloud);
			if (!reading.ok) {
				await this.deps.store.markFailed(
					entry.key,
					`The cloud copy is unreadable: ${reading.reason}`
				);
				this.report.failed += 1;
				return;
			}
			await this.merge([reading.change]);
			const [after] = await this.current([entry]);
			const stillPending = (await this.deps.store.outbox()).some((e) => e.key === entry.key);
			if (!after || !stillPending) return;
			change.record = after.record;
			expected = reading.change.record.hlc;
		}
		await this.deps.store.markFailed(entry.key, 'Kept changing in the cloud while syncing');
		this.report.failed += 1;
	}

	/** The stored records of these outbox entries, as they are now. */
	private async current(entries: readonly OutboxEntry[]): Promise<Change[]> {
		const records = await this.deps.repository.versionsOf(
			entries.map((e) => ({ collection: e.collection, record: { id: e.id } }))
		);
		return entries.flatMap((entry, i) => {
			const record = records[i];
			return record ? [{ collection: entry.collection, record } as Change] : [];
		});
	}

	private async acknowledge(changes: readonly Change[]): Promise<void> {
		await this.deps.store.acknowledge(
			changes.map(({ collection, record }) => ({
				key: outboxKey(collection, record.id),
				hlc: record.hlc
			}))
		);
		this.report.pushed += changes.length;
	}

	/** Change numbers for the next writes, from a block reserved recently enough. */
	private async take(count: number): Promise<number[]> {
		const now = this.deps.clock.now();
		const left = this.reservation.end - this.reservation.next + 1;
		if (left < count || now - this.reservation.at > WRITE_DEADLINE_MS / 2) {
			const size = Math.max(count, RESERVE_BLOCK);
			const first = await this.deps.remote.reserveSeq(size);
			this.reservation = { next: first, end: first + size - 1, at: now };
		}
		const first = this.reservation.next;
		this.reservation.next += count;
		return Array.from({ length: count }, (_, i) => first + i);
	}
}

function backoff(attempt: number): number {
	return Math.min(5_000, 50 * 2 ** attempt) * (0.5 + Math.random() / 2);
}

function busy(message: string): Error {
	return Object.assign(new Error(message), { name: 'ThrottlingException' });
}
