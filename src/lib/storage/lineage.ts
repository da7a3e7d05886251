/**
 * Which versions a version was made from. Every record names the stamps of up to
 * HISTORY_LENGTH earlier versions it builds on, so a device can tell a cloud version that
 * already contains its pending edit (or that its edit was built on) from a concurrent one,
 * even when the acknowledgement of its own write was lost.
 */
import { HISTORY_LENGTH } from '../invoice/record-meta';
import type { RecordMeta } from '../invoice/schema';

/** The history of a version made on top of `parents` (newest parent first). */
export function lineageOf(...parents: (RecordMeta | undefined)[]): string[] {
	const stamps: string[] = [];
	for (const parent of parents) if (parent) stamps.push(parent.hlc);
	for (const parent of parents) if (parent?.history) stamps.push(...parent.history);
	return [...new Set(stamps)].slice(0, HISTORY_LENGTH);
}

/** Whether `version` was made on top of the version stamped `stamp` (or is it). */
export function descendsFrom(version: RecordMeta, stamp: string | undefined): boolean {
	return stamp !== undefined && (version.hlc === stamp || (version.history ?? []).includes(stamp));
}

/**
 * Whether `version` was made on top of `earlier`: named in its history, or older than all of a
 * full history (a chain of edits longer than the history; stamps grow along a chain).
 */
export function builtOn(version: RecordMeta, earlier: RecordMeta): boolean {
	if (descendsFrom(version, earlier.hlc)) return true;
	const history = version.history ?? [];
	return history.length === HISTORY_LENGTH && earlier.hlc < history[history.length - 1]!;
}
