/**
 * The parts of the record format that reading needs: the stamp and history rules, the business
 * profile's id, stripping the sync metadata. Apart from schema.ts so that showing the first
 * page loads no schema (and no valibot): those come with the first write.
 */
import type { RecordMeta } from './schema';

/**
 * A hybrid-logical-clock stamp (see storage/hlc.ts): `<ISO wall time>-<4 hex counter>-<device>`.
 * Anything else could sort above every real edit ("~") and freeze the record.
 */
export const STAMP_PATTERN =
	/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([A-Za-z0-9_.-]{1,64})$/;

/** How many earlier versions a record names, so sync can tell what a version was built on. */
export const HISTORY_LENGTH = 10;

export const BUSINESS_PROFILE_ID = 'business';

/** The sync metadata a record carries besides its id: every save stamps these afresh. */
const META_FIELDS: Record<Exclude<keyof RecordMeta, 'id'>, true> = {
	createdAt: true,
	updatedAt: true,
	hlc: true,
	history: true,
	deleted: true
};

/** A record without its sync metadata (but with its id): a draft to save an edit of it. */
export function withoutMeta<T extends RecordMeta>(
	record: T
): Omit<T, keyof RecordMeta> & { id: string } {
	const draft: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(record))
		if (!Object.hasOwn(META_FIELDS, name)) draft[name] = value;
	return draft as Omit<T, keyof RecordMeta> & { id: string };
}
