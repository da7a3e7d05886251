/**
 * Which versions a version was made from. Every record names the stamps of up to
 * HISTORY_LENGTH earlier versions it builds on, so a device can tell a cloud version that
 * already contains its pending edit (or that its edit was built on) from a concurrent one,
 * even when the acknowledgement of its own write was lost.
 */
import { HISTORY_LENGTH, type RecordMeta } from '../invoice/schema';

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
