/**
 * One sync run: pull what changed in the cloud since the checkpoint, merge it, optionally
 * reconcile the whole workspace, then push every pending local change. Safe to stop at any
 * point: local data and the outbox change only in transactions that re-check what they were
 * decided against, every write after a record's first send is conditional, and every step
 * can run again (merge is idempotent).
 */
import type { Clock } from '../platform/clock';
import { awsProblemOf } from '../aws/aws-errors';
import { backoff, busy, isTransient, RemoteCalls, UNPROCESSED_RETRIES } from './remote-calls';
import { recordStampProblem } from './hlc';
import type { Change, CollectionName, OutboxEntry, RecordStore, Resolution } from './record-store';
import { COLLECTIONS, outboxKey } from './record-store';
import type { Repository } from './repository';
import { BATCH_SIZE, GET_BATCH_SIZE, type Item, type RemoteStore } from './remote-store';
import {
	reconcileCandidates,
	reconcileRepairs,
	resolveCloudVersion,
	settle,
	type CloudStamp,
	type PullState
} from './sync-rules';
import { fromItem, sortKey, toItem } from './table-design';

const CONFLICT_RETRIES = 5;
const STALE_ROUNDS = 5;

export interface SyncProgress {
	phase: 'pull' | 'check' | 'push';
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
	/** Whether this run compared the whole workspace with the cloud. */
	reconciled: boolean;
	/** Records the reconcile found different and set right (a sign a write went missing). */
	repaired: number;
	/** What the reconcile's listing cost, in read units. */
	readUnits: number;
}

export interface SyncOptions {
	/** Compare the whole workspace with the cloud, not just what changed since the checkpoint. */
	reconcile?: boolean;
	onProgress?: (progress: SyncProgress) => void;
}

export interface SyncDeps {
	store: RecordStore;
	repository: Repository;
	remote: RemoteStore;
	workspace: string;
	clock: Clock;
	sleep: (ms: number) => Promise<void>;
	/** Names the endpoint/table/workspace; with the table's identity it keys the checkpoint. */
	scope: string;
	/** Takes secrets out of a reason before it is stored (and later shown). */
	redact?: (text: string) => string;
}

interface SkippedItem {
	sk: string;
	reason: string;
}

export class SyncEngine {
	private report = emptyReport();
	private calls: RemoteCalls;
	private progress: (progress: SyncProgress) => void = () => {};

	constructor(private readonly deps: SyncDeps) {
		this.calls = new RemoteCalls(deps.remote, deps.clock, deps.sleep);
	}

	async run({ reconcile = false, onProgress }: SyncOptions = {}): Promise<SyncReport> {
		this.report = emptyReport();
		this.calls = new RemoteCalls(this.deps.remote, this.deps.clock, this.deps.sleep);
		this.progress = onProgress ?? (() => {});
		const { store } = this.deps;
		const identity = await this.calls.call(() => this.deps.remote.identity());
		const known = await store.readMeta<string>(this.identityKey);
		if (known !== identity) {
			if (known !== undefined) await this.requeueAll();
			// Recorded at once, so a run that fails later does not requeue what it pulled since.
			await store.writeMeta(this.identityKey, identity);
			await store.writeMeta(this.checkKey, true);
		}
		await this.pull(identity);
		if (reconcile || (await store.readMeta<boolean>(this.checkKey))) {
			await this.reconcile();
			await store.writeMeta(this.checkKey, false);
		}
		await this.push();
		this.report.skipped = (await this.skippedItems()).map((s) => s.reason);
		return this.report;
	}

	/** Forgets the checkpoint, so the next run reads the whole workspace again. */
	async resetCheckpoint(): Promise<void> {
		await this.deps.store.writeMeta(this.identityKey, undefined);
	}

	private get identityKey(): string {
		return `sync-table:${this.deps.scope}`;
	}

	/** Set while a new table still needs a whole-workspace check. */
	private get checkKey(): string {
		return `sync-check-due:${this.deps.scope}`;
	}

	private async pull(identity: string): Promise<void> {
		const { store, remote, clock } = this.deps;
		const checkpointKey = `sync-checkpoint:${this.deps.scope}|${identity}`;
		const state = (await store.readMeta<PullState>(checkpointKey)) ?? {
			checkpoint: 0,
			candidates: []
		};
		const startedAt = clock.now();
		let cursor: unknown;
		let highest = state.checkpoint;
		do {
			const page = await this.calls.call(() => remote.changesSince(state.checkpoint, cursor));
			cursor = page.cursor;
			for (const item of page.items) highest = Math.max(highest, Number(item.seq) || 0);
			await this.apply(page.items, false);
			this.progress({ phase: 'pull', done: this.report.pulled, total: 0 });
		} while (cursor);
		await store.writeMeta(checkpointKey, settle(state, highest, startedAt, clock.now()));
	}

	/**
	 * Compares every record's stamp in the cloud (a keys-only index) with local data: fetches
	 * what differs, and queues what the cloud lacks or holds older. Catches any write the
	 * delta pull missed (a late write, a re-created table, a skipped item now readable).
	 */
	private async reconcile(): Promise<void> {
		const { store, remote, repository } = this.deps;
		this.report.reconciled = true;
		const listing = new Map<string, string>();
		let cursor: unknown;
		do {
			const page = await this.calls.call(() => remote.stamps(cursor));
			for (const { sk, ver } of page.items) listing.set(sk, ver);
			this.report.readUnits += page.readUnits;
			cursor = page.cursor;
			this.progress({ phase: 'check', done: listing.size, total: 0 });
		} while (cursor);
		const local = (
			await Promise.all(
				COLLECTIONS.map(async (collection) =>
					(await store.all(collection)).map((record) => ({ collection, record }) as Change)
				)
			)
		).flat();
		const pendingKeys = async () => new Set((await store.outbox()).map((e) => e.key));
		const candidates = reconcileCandidates(listing, local, await pendingKeys());
		const found = new Map<string, CloudStamp>();
		for (let i = 0; i < candidates.length; i += GET_BATCH_SIZE) {
			const items = await this.calls.getMany(candidates.slice(i, i + GET_BATCH_SIZE));
			for (const item of items) {
				// An unreadable item counts as missing: the local version goes over it.
				if (!this.read(item).ok) continue;
				found.set(String(item.sk), { hlc: String(item.hlc), listed: typeof item.ver === 'string' });
			}
			this.report.repaired += await this.apply(items, true);
			this.progress({ phase: 'check', done: i, total: candidates.length });
		}
		const keys = candidates.flatMap((sk) => {
			const at = sk.indexOf('#');
			const collection = sk.slice(0, at) as CollectionName;
			return COLLECTIONS.includes(collection)
				? [{ collection, record: { id: sk.slice(at + 1) } }]
				: [];
		});
		const now = await repository.versionsOf(keys);
		const current = keys.flatMap(({ collection }, i) =>
			now[i] ? [{ collection, record: now[i] } as Change] : []
		);
		const { repairs, upgrades } = reconcileRepairs(current, found, await pendingKeys());
		if (repairs.length + upgrades.length === 0) return;
		const stale = new Set(await store.resolve([...repairs, ...upgrades]));
		this.report.repaired += repairs.filter((r) => !stale.has(r)).length;
	}

	/**
	 * Every local record goes up again, conditionally, and merges with whatever another device
	 * put there first: after the table was deleted and created again (what it acknowledged is
	 * gone), or when the user copies this browser's data into another workspace.
	 */
	async requeueAll(): Promise<void> {
		const { store } = this.deps;
		const pending = new Map((await store.outbox()).map((e) => [e.key, e]));
		const resolutions: Resolution[] = [];
		for (const collection of COLLECTIONS) {
			for (const record of await store.all(collection)) {
				const key = outboxKey(collection, record.id);
				const entry = pending.get(key);
				const requeued: OutboxEntry = entry
					? { ...entry, baseHlc: undefined, isNew: false }
					: {
							key,
							collection,
							id: record.id,
							hlc: record.hlc,
							isNew: false,
							attempts: 0
						};
				const expected = { hlc: record.hlc, pendingHlc: entry?.hlc };
				resolutions.push({ collection, id: record.id, expected, entry: requeued });
			}
		}
		if ((await store.resolve(resolutions)).length > 0) {
			throw busy('Local data kept changing while the new table was being filled');
		}
	}

	/**
	 * Reads cloud items, merges them into local data; returns how many local records changed.
	 * `current`: read strongly consistent, so the cloud holds these versions now.
	 */
	private async apply(items: readonly Item[], current: boolean): Promise<number> {
		const changes: Change[] = [];
		const skipped = await this.skippedItems();
		const unreadable = new Map(skipped.map((s) => [s.sk, s]));
		for (const item of items) {
			const reading = this.read(item);
			if (reading.ok) {
				changes.push(reading.change);
				unreadable.delete(String(item.sk));
			} else unreadable.set(String(item.sk), { sk: String(item.sk), reason: reading.reason });
		}
		if (unreadable.size !== skipped.length || skipped.some((s) => !unreadable.has(s.sk))) {
			await this.deps.store.writeMeta(this.skippedKey, [...unreadable.values()]);
		}
		this.report.pulled += changes.length;
		return this.merge(changes, current);
	}

	/**
	 * Decides what each cloud version does locally and applies it; decisions whose record or
	 * pending edit moved meanwhile (a save in this or another tab) are made again.
	 */
	private async merge(changes: readonly Change[], current: boolean): Promise<number> {
		const { store, repository } = this.deps;
		repository.observe(changes.map((c) => c.record));
		let waiting = changes;
		let applied = 0;
		for (let round = 0; waiting.length > 0; round++) {
			if (round === STALE_ROUNDS) throw busy('Local data kept changing during the sync');
			const pending = await store.pendingOf(
				waiting.map((change) => outboxKey(change.collection, change.record.id))
			);
			const locals = await repository.versionsOf(waiting);
			const detectedAt = new Date(this.deps.clock.now()).toISOString();
			const context = { detectedAt, current, stamp: () => repository.stamp() };
			const decided = waiting.flatMap((change, i) => {
				const resolution = resolveCloudVersion(change, locals[i], pending[i], context);
				return resolution ? [{ change, resolution }] : [];
			});
			const stale = new Set<Resolution>(await repository.resolve(decided.map((d) => d.resolution)));
			for (const { resolution } of decided) {
				if (stale.has(resolution)) continue;
				if (resolution.record) applied += 1;
				if (resolution.conflict) this.report.conflicts += 1;
			}
			waiting = decided.filter((d) => stale.has(d.resolution)).map((d) => d.change);
		}
		return applied;
	}

	private async push(): Promise<void> {
		const entries = await this.deps.store.outbox();
		const total = entries.length;
		let done = 0;
		const progress = (count: number) => {
			done += count;
			this.progress({ phase: 'push', done, total });
		};
		const fresh = entries.filter((e) => e.isNew);
		for (let i = 0; i < fresh.length; i += BATCH_SIZE) {
			const batch = fresh.slice(i, i + BATCH_SIZE);
			await this.pushBatch(batch);
			progress(batch.length);
		}
		for (const entry of entries.filter((e) => !e.isNew)) {
			await this.pushOne(entry);
			progress(1);
		}
	}

	/**
	 * Records the cloud has never seen go out unconditionally, 25 to a BatchWriteItem. They are
	 * marked as possibly sent first, so if the answer is lost every later attempt is conditional.
	 */
	private async pushBatch(entries: readonly OutboxEntry[]): Promise<void> {
		const { store, remote, workspace } = this.deps;
		let waiting = await this.current(entries);
		await store.markSending(waiting);
		for (let attempt = 0; waiting.length > 0; attempt++) {
			if (attempt > 0) {
				if (attempt > UNPROCESSED_RETRIES) throw busy('DynamoDB left items unprocessed');
				await this.deps.sleep(backoff(attempt));
			}
			const seqs = await this.calls.take(waiting.length);
			const items = waiting.map((change, i) => toItem(workspace, change, seqs[i]!));
			let unprocessed: Item[];
			try {
				unprocessed = await remote.batchPut(items);
			} catch (error) {
				if (!transientOrRefused(error)) throw error;
				// It may have landed: from here on, one conditional write each.
				for (const change of waiting) await this.pushOne(entryFor(entries, change));
				return;
			}
			const left = new Set(unprocessed.map((item) => String(item.sk)));
			const isLeft = (c: Change) => left.has(sortKey(c.collection, c.record.id));
			await this.acknowledge(waiting.filter((c) => !isLeft(c)));
			waiting = waiting.filter(isLeft);
		}
	}

	/** A record the cloud may have: written only over the version this edit builds on. */
	private async pushOne(start: OutboxEntry): Promise<void> {
		const { store, remote, workspace } = this.deps;
		let entry: OutboxEntry | undefined = start;
		for (let attempt = 0; entry && attempt < CONFLICT_RETRIES; attempt++) {
			const [change] = await this.current([entry]);
			if (!change) return;
			const expected: string | undefined = entry.baseHlc;
			let written: boolean;
			try {
				await store.markSending([change]);
				written = await this.calls.call(async () => {
					const [seq] = await this.calls.take(1);
					return remote.putIf(toItem(workspace, change, seq!), expected);
				});
			} catch (error) {
				if (awsProblemOf(error) !== 'other') throw error;
				return this.fail(entry.key, (error as Error).message);
			}
			if (written) return this.acknowledge([change]);
			// Someone else wrote it (or an earlier attempt of ours landed): read, merge, retry.
			const cloud = await this.calls.call(() =>
				remote.get(sortKey(change.collection, change.record.id))
			);
			const reading = cloud && this.read(cloud);
			if (reading && reading.ok) {
				await this.merge([reading.change], true);
			} else {
				// Nothing there (write on top of nothing), or an item whose only fault is a stamp
				// that is no clock stamp (write over exactly that item); anything else stays.
				if (cloud && !onlyTheStampIsBad(cloud)) {
					return this.fail(
						entry.key,
						`The cloud copy is unreadable: ${reading?.ok === false ? reading.reason : ''}`
					);
				}
				const baseHlc = cloud ? String(cloud.hlc) : undefined;
				await store.resolve([
					{
						collection: entry.collection,
						id: entry.id,
						expected: { hlc: change.record.hlc, pendingHlc: entry.hlc },
						entry: { ...entry, baseHlc }
					}
				]);
			}
			[entry] = await store.pendingOf([start.key]);
		}
		if (entry) await this.fail(entry.key, 'Kept changing in the cloud while syncing');
	}

	private read(item: Item) {
		const reading = fromItem(item);
		if (!reading.ok) return reading;
		const problem = recordStampProblem(reading.change.record, this.deps.clock.now());
		return problem ? { ok: false as const, reason: `${String(item.sk)}: ${problem}` } : reading;
	}

	private get skippedKey(): string {
		return `sync-skipped:${this.deps.scope}`;
	}

	private async skippedItems(): Promise<SkippedItem[]> {
		return (await this.deps.store.readMeta<SkippedItem[]>(this.skippedKey)) ?? [];
	}

	private async fail(key: string, reason: string): Promise<void> {
		await this.deps.store.markFailed(key, this.deps.redact?.(reason) ?? reason);
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
			changes.map(({ collection, record }) => ({ key: outboxKey(collection, record.id), record }))
		);
		this.report.pushed += changes.length;
	}
}

function emptyReport(): SyncReport {
	return {
		pulled: 0,
		pushed: 0,
		conflicts: 0,
		skipped: [],
		failed: 0,
		reconciled: false,
		repaired: 0,
		readUnits: 0
	};
}

/** The item would be a valid record but for its stamp (malformed, or far in the future). */
function onlyTheStampIsBad(item: Item): boolean {
	if (typeof item.hlc !== 'string') return false;
	const stamped = fromItem({ ...item, hlc: '2000-01-01T00:00:00.000Z-0000-check', history: [] });
	return stamped.ok;
}

function entryFor(entries: readonly OutboxEntry[], change: Change): OutboxEntry {
	const key = outboxKey(change.collection, change.record.id);
	return { ...(entries.find((e) => e.key === key) as OutboxEntry), isNew: false };
}

/** A batch that failed in a way that may have written some of it, or refused one bad item. */
function transientOrRefused(error: unknown): boolean {
	return isTransient(error) || awsProblemOf(error) === 'other';
}
