/**
 * Three-way merge of two versions of one record that changed concurrently from a common base.
 * A field changed on one side only takes that side's value; a field both sides changed to
 * different values is a clash, settled by the newer stamp and reported so the other value
 * can be kept. The `lines` array (like every non-scalar field) counts as one field.
 */
import { mergeActivity } from '../invoice/activity';
import type { ActivityEntry, RecordMeta } from '../invoice/schema';
import { newerOf } from './merge';

/** An invoice's activity log (invoice/activity.ts) merges as a union of entries. */
const APPEND_ONLY_LOG = 'activity';

/** Fields every version has that say when and where, not what. */
const META_FIELDS = new Set(['id', 'createdAt', 'updatedAt', 'hlc', 'history', 'deleted']);

export interface FieldMerge<T extends RecordMeta> {
	/** Both sides' changes; on a clash, the newer side's value. */
	merged: T;
	/** The clashing fields, named as in the record. */
	clashes: string[];
	/** `merged` with the older side's values on the clashing fields: what a restore brings back. */
	otherSide: T;
}

/** The record's content in a fixed key order, without the fields every edit changes. */
export function canonical(value: unknown): string {
	return JSON.stringify(value, (key, inner) => {
		if (key === 'hlc' || key === 'updatedAt' || key === 'history') return undefined;
		if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
			return Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x.localeCompare(y)));
		}
		return inner;
	});
}

export function sameContent(a: RecordMeta, b: RecordMeta): boolean {
	return canonical(a) === canonical(b);
}

function contentFields(...records: (RecordMeta | undefined)[]): string[] {
	const names = new Set<string>();
	for (const record of records) {
		for (const name of Object.keys(record ?? {})) if (!META_FIELDS.has(name)) names.add(name);
	}
	return [...names].sort();
}

/**
 * Merges `local` and `remote`, both live (not deleted), which changed from `base`. When the
 * common version is not known (both sides created the record), a field set on one side and
 * empty on the other takes the value, and every other differing field is a clash.
 */
export function mergeFields<T extends RecordMeta>(
	base: T | undefined,
	local: T,
	remote: T
): FieldMerge<T> {
	const newer = newerOf(local, remote);
	const older = newer === local ? remote : local;
	const merged: Record<string, unknown> = { ...newer };
	const otherSide: Record<string, unknown> = { ...newer };
	const clashes: string[] = [];
	const field = (record: T | undefined, name: string) =>
		canonical((record as Record<string, unknown> | undefined)?.[name] ?? null);
	for (const name of contentFields(base, local, remote)) {
		const [b, l, r] = [field(base, name), field(local, name), field(remote, name)];
		if (l === r) continue;
		if (name === APPEND_ONLY_LOG) {
			// Only ever appended to: both sides' entries are kept, never a clash.
			const log = (record: T) => (record as Record<string, unknown>)[name] as ActivityEntry[];
			merged[name] = otherSide[name] = mergeActivity(log(local), log(remote));
			continue;
		}
		const source = base
			? l === b
				? remote
				: r === b
					? local
					: undefined
			: // No known base (both sides created the record): a value beats an empty field.
				isEmpty(l)
				? remote
				: isEmpty(r)
					? local
					: undefined;
		if (source) {
			merged[name] = (source as Record<string, unknown>)[name];
			otherSide[name] = merged[name];
		} else {
			clashes.push(name);
			otherSide[name] = (older as Record<string, unknown>)[name];
		}
	}
	merged.createdAt = local.createdAt < remote.createdAt ? local.createdAt : remote.createdAt;
	otherSide.createdAt = merged.createdAt;
	return { merged: merged as T, clashes, otherSide: otherSide as T };
}

/**
 * The content fields `record` changed relative to `base` (none when base is unknown). The log
 * is left out: it records the changes, it is not one a person made.
 */
export function changedFields(base: RecordMeta | undefined, record: RecordMeta): string[] {
	if (!base) return [];
	const value = (r: RecordMeta, name: string) =>
		canonical((r as unknown as Record<string, unknown>)[name] ?? null);
	return contentFields(base, record).filter(
		(name) => name !== APPEND_ONLY_LOG && value(base, name) !== value(record, name)
	);
}

function isEmpty(canonicalValue: string): boolean {
	return ['null', '""', '[]', '{}'].includes(canonicalValue);
}

/** Whether `record` differs in content from `base` (always true when base is unknown). */
export function changedSince(base: RecordMeta | undefined, record: RecordMeta): boolean {
	return !base || !sameContent(base, record);
}
