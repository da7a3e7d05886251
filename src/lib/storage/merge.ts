import type { RecordMeta } from '../invoice/schema';

/**
 * Last-writer-wins by HLC stamp, ties broken by the whole record's text so that every
 * replica picks the same winner whatever order it sees versions in (commutative,
 * idempotent). A tombstone is an ordinary newer version, so it beats older edits.
 */
export function newerOf<T extends RecordMeta>(a: T | undefined, b: T): T;
export function newerOf<T extends RecordMeta>(a: T, b: T | undefined): T;
export function newerOf<T extends RecordMeta>(a: T | undefined, b: T | undefined): T | undefined {
	if (!a) return b;
	if (!b) return a;
	if (a.hlc !== b.hlc) return a.hlc > b.hlc ? a : b;
	return JSON.stringify(a) >= JSON.stringify(b) ? a : b;
}
