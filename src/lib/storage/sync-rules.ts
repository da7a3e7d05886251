/** The sync engine's decisions, as pure functions: what a cloud version does locally, and
 * when the pull checkpoint may move. */
import type { RecordMeta } from '../invoice/schema';
import { newerOf } from './merge';
import type { Change, ConflictCopy, OutboxEntry } from './record-store';

/** A write lands within this long of reserving its change number, or is abandoned. */
export const WRITE_DEADLINE_MS = 30_000;
/** A checkpoint is trusted this long after it was seen (also covers the index's lag). */
export const SETTLE_MS = 2 * WRITE_DEADLINE_MS;

export interface MergeResult {
	records: Change[];
	conflicts: ConflictCopy[];
	rebased: { key: string; baseHlc: string }[];
}

export interface PullState {
	checkpoint: number;
	candidates: { seq: number; at: number }[];
}

/**
 * What one cloud version does to local data. Newest stamp wins; when this device had an
 * unsent edit that did not start from the cloud's version, both sides changed at once and the
 * loser is kept as a conflict copy, unless the two say the same thing.
 */
export function resolveCloudVersion(
	cloud: Change,
	local: RecordMeta | undefined,
	entry: OutboxEntry | undefined,
	detectedAt: string,
	result: MergeResult
): void {
	const remote = cloud.record;
	if (!local) return void result.records.push(cloud);
	if (local.hlc === remote.hlc) return;
	const cloudWins = newerOf(local, remote) === remote;
	if (!entry) {
		if (cloudWins) result.records.push(cloud);
		return;
	}
	// Versions up to the pending edit's base are ones this device has already built on.
	if (entry.baseHlc !== undefined && remote.hlc <= entry.baseHlc) return;
	const loser = cloudWins ? local : remote;
	const kept = cloudWins ? remote : local;
	if (!sameContent(loser, kept)) {
		result.conflicts.push({
			key: `${entry.key}:${loser.hlc}`,
			collection: cloud.collection,
			id: remote.id,
			record: loser as Change['record'],
			keptHlc: kept.hlc,
			detectedAt
		});
	}
	if (cloudWins) result.records.push(cloud);
	else result.rebased.push({ key: entry.key, baseHlc: remote.hlc });
}

/**
 * Every change numbered up to `highest` was reserved before `seenAt`, so it has landed or
 * been abandoned by `seenAt + WRITE_DEADLINE_MS`. A pull that starts after that has read them
 * all, and only then does the checkpoint move up to `highest`.
 */
export function settle(
	state: PullState,
	highest: number,
	startedAt: number,
	seenAt: number
): PullState {
	const candidates = [...state.candidates, { seq: highest, at: seenAt }];
	const settled = candidates.filter((c) => startedAt - c.at >= SETTLE_MS);
	return {
		checkpoint: Math.max(state.checkpoint, ...settled.map((c) => c.seq)),
		candidates: candidates.filter((c) => startedAt - c.at < SETTLE_MS).slice(-20)
	};
}

function sameContent(a: RecordMeta, b: RecordMeta): boolean {
	return canonical(a) === canonical(b);
}

/** The record's content in a fixed key order, without the fields every edit changes. */
function canonical(record: RecordMeta): string {
	return JSON.stringify(record, (key, value) => {
		if (key === 'hlc' || key === 'updatedAt') return undefined;
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return Object.fromEntries(Object.entries(value).sort(([x], [y]) => x.localeCompare(y)));
		}
		return value;
	});
}
