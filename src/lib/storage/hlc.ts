import { quote } from '../invoice/quote';
import { STAMP_PATTERN } from '../invoice/record-meta';
import type { RecordMeta } from '../invoice/schema';
import type { Clock } from '../platform/clock';

/**
 * Hybrid logical clock (as in Actual Budget's loot-core): stamps are
 * `<ISO wall time>-<counter, 4 hex>-<device id>` and sort as strings in causal order, so a
 * device whose clock runs behind still stamps after every change it has already seen.
 */
export interface HlcState {
	wall: number;
	counter: number;
}

const MAX_COUNTER = 0xffff;

export function formatStamp(wall: number, counter: number, deviceId: string): string {
	return `${new Date(wall).toISOString()}-${counter.toString(16).padStart(4, '0')}-${deviceId}`;
}

export function parseStamp(
	stamp: string
): { wall: number; counter: number; deviceId: string } | null {
	const match = STAMP_PATTERN.exec(stamp);
	if (!match) return null;
	const wall = Date.parse(match[1] as string);
	if (Number.isNaN(wall)) return null;
	return { wall, counter: parseInt(match[2] as string, 16), deviceId: match[3] as string };
}

export class HybridLogicalClock {
	private state: HlcState;

	constructor(
		private readonly deviceId: string,
		private readonly clock: Clock,
		state: HlcState = { wall: 0, counter: 0 }
	) {
		this.state = { ...state };
	}

	get snapshot(): HlcState {
		return { ...this.state };
	}

	/** A new stamp for a local change, later than every stamp seen so far. */
	tick(): string {
		const physical = this.clock.now();
		if (physical > this.state.wall) {
			this.state = { wall: physical, counter: 0 };
		} else {
			this.bump();
		}
		return formatStamp(this.state.wall, this.state.counter, this.deviceId);
	}

	/**
	 * Folds in a stamp from elsewhere (another tab, an import, the cloud). A stamp too far
	 * ahead is ignored: followed, it would drag every later edit into the future.
	 */
	receive(stamp: string): void {
		const remote = parseStamp(stamp);
		if (!remote || remote.wall < this.state.wall) return;
		if (remote.wall - this.clock.now() > MAX_AHEAD_MS) return;
		if (remote.wall > this.state.wall) {
			this.state = { wall: remote.wall, counter: remote.counter };
		} else {
			this.state = { wall: this.state.wall, counter: Math.max(this.state.counter, remote.counter) };
		}
	}

	private bump(): void {
		if (this.state.counter >= MAX_COUNTER) {
			this.state = { wall: this.state.wall + 1, counter: 0 };
		} else {
			this.state = { wall: this.state.wall, counter: this.state.counter + 1 };
		}
	}
}

/** Stamps further ahead of this device's clock are refused at every boundary. */
export const MAX_AHEAD_MS = 24 * 60 * 60_000;

/** Why a stamp cannot be taken in (malformed, or more than a day ahead), or null. */
export function stampProblem(stamp: string, now: number): string | null {
	const parsed = parseStamp(stamp);
	if (!parsed) return `${quote(stamp, 40)} is not a clock stamp`;
	if (parsed.wall - now > MAX_AHEAD_MS)
		return `its clock stamp ${stamp.slice(0, 24)} is more than a day ahead`;
	return null;
}

/**
 * Why a record cannot be taken in, or null: its own stamp as stampProblem, and the stamps of
 * its history too (their format is the schema's to check). A future stamp there makes every
 * older version look like its ancestor (lineage.builtOn), so a concurrent edit would be taken
 * for one it already contains.
 */
export function recordStampProblem(
	record: Pick<RecordMeta, 'hlc' | 'history'>,
	now: number
): string | null {
	const own = stampProblem(record.hlc, now);
	if (own) return own;
	const ahead = record.history?.find(
		(stamp) => (parseStamp(stamp)?.wall ?? 0) - now > MAX_AHEAD_MS
	);
	return ahead === undefined
		? null
		: `its history names a clock stamp (${ahead.slice(0, 24)}) more than a day ahead`;
}

/** A device whose stamps run this far ahead of this one's clock is flagged to the user. */
export const MAX_DRIFT_MS = 5 * 60_000;

export interface ClockDrift {
	deviceId: string;
	aheadMs: number;
}

/** How far a stamp's wall time is ahead of `now`, when that is more than MAX_DRIFT_MS. */
export function driftOf(stamp: string, now: number): ClockDrift | null {
	const parsed = parseStamp(stamp);
	if (!parsed || parsed.wall - now <= MAX_DRIFT_MS) return null;
	return { deviceId: parsed.deviceId, aheadMs: parsed.wall - now };
}

/**
 * Of many stamps, the one `receive` moves a clock furthest with (the newest not too far
 * ahead of `now`) and the one furthest ahead (for `driftOf`). Stamps sort as strings, so
 * this compares 100,000 of them instead of parsing each.
 */
export function newestStamps(
	records: readonly { hlc: string }[],
	now: number
): { receivable: string | null; highest: string | null } {
	// A stamp at or before the limit's wall time sorts below its ISO form plus one millisecond.
	const limit = new Date(now + MAX_AHEAD_MS + 1).toISOString();
	let receivable: string | null = null;
	let highest: string | null = null;
	for (const { hlc } of records) {
		if (highest === null || hlc > highest) highest = hlc;
		if (hlc < limit && (receivable === null || hlc > receivable)) receivable = hlc;
	}
	return { receivable, highest };
}
