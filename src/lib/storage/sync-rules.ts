/** The sync engine's decisions, as pure functions: what a cloud version does locally, and
 * when the pull checkpoint may move. */
import { allowedPart, furtherStatus, isIssued } from '../invoice/issue';
import type { Invoice } from '../invoice/schema';
import { mergeActivity } from '../invoice/activity';
import { canonical, changedFields, changedSince, mergeFields, sameContent } from './field-merge';
import { oversize } from './item-size';
import { builtOn, descendsFrom, lineageOf } from './lineage';
import { newerOf } from './merge';
import {
	outboxKey,
	type Change,
	type ConflictCopy,
	type OutboxEntry,
	type Resolution
} from './record-store';
import { sortKey, stampDigest } from './table-design';

/** A write lands within this long of reserving its change number (or the reconcile finds it). */
export const WRITE_DEADLINE_MS = 30_000;
/** A checkpoint is trusted this long after it was seen (also covers the index's lag). */
export const SETTLE_MS = 2 * WRITE_DEADLINE_MS;

export interface PullState {
	checkpoint: number;
	candidates: { seq: number; at: number }[];
}

export interface ResolveContext {
	detectedAt: string;
	/**
	 * The version was read strongly consistent, so the cloud holds it now; a version from the
	 * delta pull may be an old one seen late through the index.
	 */
	current: boolean;
	/** A new stamp, later than every stamp seen (for a merged version made here). */
	stamp: () => string;
}

/**
 * What one cloud version does to the local record. Without a pending local edit the newer
 * stamp wins. With one, lineage decides first: a cloud version the edit was built on, or one
 * built on the edit, is no conflict. Otherwise both changed at once: fields merge one by one
 * from the common version, deletes win over edits, and only a field both sides changed keeps
 * the other value as a conflict copy. An imported or repaired version merges from itself (it
 * is what the cloud had), so it takes the cloud's changes and raises no copies.
 */
export function resolveCloudVersion(
	cloud: Change,
	local: Record | undefined,
	entry: OutboxEntry | undefined,
	context: ResolveContext
): Resolution | null {
	const remote = cloud.record;
	const decision = {
		collection: cloud.collection,
		id: remote.id,
		expected: { hlc: local?.hlc, pendingHlc: entry?.hlc }
	};
	const takeCloud = (conflict?: ConflictCopy): Resolution => ({
		...decision,
		record: remote,
		entry: entry ? null : undefined,
		...withConflict(conflict)
	});
	if (!local) return takeCloud();
	if (local.hlc === remote.hlc) return entry ? { ...decision, entry: null } : null;
	// Made on top of the local version (with a pending edit: its write landed unacknowledged).
	// Only a stamp named in the history proves that for a pending edit; with nothing pending, a
	// chain of edits longer than the history counts too (at worst a version merges needlessly).
	const madeOnLocal = entry ? descendsFrom(remote, local.hlc) : builtOn(remote, local);
	// A logo is named by its content's digest: another content under its id is a tool's write.
	const alteredLogo = cloud.collection === 'logos' && !local.deleted && !sameContent(local, remote);
	const refused = alteredLogo
		? local
		: madeOnLocal && cloud.collection === 'invoices'
			? allowedOnIssued(local, remote)
			: undefined;
	if (madeOnLocal && !refused) return takeCloud();
	// Without a pending edit, a version neither side built on means the cloud lost one this
	// device had (an old write that landed late rolled it back): merge as if it were pending.
	const pending: OutboxEntry = entry ?? {
		key: outboxKey(cloud.collection, local.id),
		collection: cloud.collection,
		id: local.id,
		hlc: local.hlc,
		isNew: false,
		attempts: 0
	};
	const rebase = (record: Record = local): Resolution => ({
		...decision,
		...(record !== local ? { record } : {}),
		entry: { ...pending, hlc: record.hlc, baseHlc: remote.hlc, base: remote, isNew: false }
	});
	// The local version was made on top of this cloud version. It becomes the pending edit's
	// base, unless it is older than the base and may be a late sight of it through the index
	// (when the cloud really holds it, an old write that landed late rolled the item back).
	// With nothing pending, a chain longer than the history counts: only a first send (the
	// record's first version) can land unconditionally, and it is everyone's ancestor.
	if (entry ? descendsFrom(local, remote.hlc) : builtOn(local, remote)) {
		if (!entry || remote.hlc === entry.baseHlc) return null;
		const olderThanBase = entry.base !== undefined && descendsFrom(entry.base, remote.hlc);
		return olderThanBase && !context.current ? null : rebase();
	}
	if (sameContent(local, remote)) return newerOf(local, remote) === remote ? takeCloud() : rebase();
	const restamp = (record: Record): Record => ({
		...record,
		hlc: context.stamp(),
		history: lineageOf(remote, local),
		updatedAt: context.detectedAt
	});
	const copyOf = (record: Record, keptHlc: string, fields: string[]): ConflictCopy => ({
		key: `${pending.key}:${record.hlc}`,
		collection: cloud.collection,
		id: remote.id,
		record,
		keptHlc,
		fields,
		detectedAt: context.detectedAt
	});
	// Another tool wrote it on top of an issued invoice: only what may change lands; this device
	// puts the issued document back, and keeps what the tool wrote as a copy.
	if (refused) {
		const next = restamp(refused);
		const copy = remote.deleted ? undefined : copyOf(remote, next.hlc, changedFields(next, remote));
		return { ...rebase(next), ...withConflict(copy) };
	}
	// The newest version both sides are known to build on; unknown, every differing field clashes.
	const base = [pending.base, ...(pending.sent ?? [])]
		.filter((version) => version !== undefined && builtOn(remote, version))
		.at(-1);
	// An issued invoice is final: a draft edit or delete made alongside it never changes it.
	// The edit stays restorable as a copy (restored, it becomes a new draft).
	const issued = standingIssue(cloud.collection, local, remote);
	if (issued) {
		const other = issued === local ? remote : local;
		// Without a common version, every field that differs is what the copy brings back.
		const fields = changedFields(base ?? issued, other);
		const keep = (keptHlc: string) =>
			!other.deleted && fields.length > 0 ? copyOf(other, keptHlc, fields) : undefined;
		// Its document stands whole, carrying what happened to the other: the log, payments, void.
		const standing = { ...issued, ...carried(issued as Invoice, other as Invoice) } as Record;
		if (issued === remote && sameContent(standing, remote)) return takeCloud(keep(remote.hlc));
		const next = restamp(standing);
		return { ...rebase(next), ...withConflict(keep(next.hlc)) };
	}
	// A version from a file never overrides one made alongside it in the cloud: it is kept as a
	// copy, as an import does locally (importOutcome); the logs merge. A delete from a file wins
	// over an edit like any delete (below), as it does in importOutcome: taken in under a history
	// naming it, it would hide the delete from the device that made it.
	if (pending.imported && !local.deleted) {
		const copy = {
			...copyOf(local, remote.hlc, changedFields(remote, local)),
			source: 'import' as const
		};
		const activity = logsOf(local, remote);
		if (!activity || sameContent({ ...remote, activity } as Record, remote)) return takeCloud(copy);
		const next = restamp({ ...remote, activity } as Record);
		return { ...rebase(next), conflict: { ...copy, keptHlc: next.hlc } };
	}
	if (local.deleted || remote.deleted) {
		if (local.deleted && remote.deleted) {
			return newerOf(local, remote) === remote ? takeCloud() : rebase();
		}
		// A delete wins over an edit; the edit stays restorable if it changed anything.
		const edited = local.deleted ? remote : local;
		const keep = (keptHlc: string) =>
			changedSince(base, edited) ? copyOf(edited, keptHlc, ['deleted']) : undefined;
		if (remote.deleted) return takeCloud(keep(remote.hlc));
		const tombstone = restamp(local);
		return { ...rebase(tombstone), ...withConflict(keep(tombstone.hlc)) };
	}
	const { merged, clashes, otherSide } = voidStands(
		cloud.collection,
		mergeFields(base, local, remote)
	);
	const loser = newerOf(local, remote) === local ? remote : local;
	const lost = (keptHlc: string) =>
		clashes.length ? copyOf({ ...otherSide, hlc: loser.hlc }, keptHlc, clashes) : undefined;
	if (sameContent(merged, remote)) return takeCloud(lost(remote.hlc));
	// Both sides fit in an item but together they do not: keep the cloud's, and this one whole.
	if (oversize(merged) !== undefined) {
		return takeCloud(copyOf(local, remote.hlc, changedFields(base, local)));
	}
	const next = restamp(merged);
	return { ...rebase(next), ...withConflict(lost(next.hlc)) };
}

type Record = Change['record'];

/**
 * Of two concurrent invoice versions, the one whose document stands whole: the issued one
 * over a draft or a delete; of two issued independently (their snapshots differ), the newer.
 */
function standingIssue(
	collection: Change['collection'],
	local: Record,
	remote: Record
): Record | undefined {
	if (collection !== 'invoices') return undefined;
	const live = (record: Record) => !record.deleted && isIssued(record as Invoice);
	if (live(local) !== live(remote)) return live(local) ? local : remote;
	if (!live(local)) return undefined;
	const snapshot = (record: Record) => canonical((record as Invoice).issued ?? null);
	return snapshot(local) === snapshot(remote) ? undefined : laterIssue(local, remote);
}

/**
 * Of two issues of one invoice with different snapshots, the later one stands, whichever device
 * merges them (so every device picks the same). Issued at the same moment with different
 * details means one was altered after issue: the local one stands.
 */
function laterIssue(local: Record, other: Record): Record {
	const at = (record: Record) => (record as Invoice).issued?.at ?? '';
	return at(other) > at(local) ? other : local;
}

/** What the version that stands takes from the other: log entries, payments, a further status. */
function carried(standing: Invoice, other: Invoice): Partial<Invoice> {
	const payments = [...standing.payments];
	for (const payment of other.deleted ? [] : other.payments) {
		if (!payments.some((p) => p.id === payment.id)) payments.push(payment);
	}
	const status = other.deleted ? standing.status : furtherStatus(standing.status, other.status);
	return { activity: mergeActivity(standing.activity, other.activity), payments, status };
}

/** Both versions' activity logs as one, or undefined when the records are no invoices. */
function logsOf(a: Record, b: Record) {
	if (!isInvoice(a) || !isInvoice(b)) return undefined;
	return mergeActivity((a as Invoice).activity, (b as Invoice).activity);
}

/** Void is final: a void on either side stays void, whatever the other side did meanwhile. */
function voidStands<T extends Record>(
	collection: Change['collection'],
	merge: { merged: T; clashes: string[]; otherSide: T }
) {
	if (collection !== 'invoices') return merge;
	const sides = [merge.merged, merge.otherSide] as Invoice[];
	if (!sides.some((side) => side.status === 'void')) return merge;
	return {
		merged: { ...merge.merged, status: 'void' } as T,
		otherSide: { ...merge.otherSide, status: 'void' } as T,
		clashes: merge.clashes.filter((field) => field !== 'status')
	};
}

function withConflict(conflict: ConflictCopy | undefined): { conflict?: ConflictCopy } {
	return conflict ? { conflict } : {};
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

/**
 * The reconcile's first step: which records to read, strongly consistent, after comparing the
 * cloud's listing (sort key → stamp digest) with local data. Those whose digests differ, those
 * this device lacks, and local records missing from the listing (the index may lag, or the
 * item predates it) that are not pending anyway.
 */
export function reconcileCandidates(
	cloud: ReadonlyMap<string, string>,
	local: readonly Change[],
	pending: ReadonlySet<string>
): string[] {
	const localDigests = new Map(
		local.map((c) => [sortKey(c.collection, c.record.id), stampDigest(c.record.hlc)])
	);
	const differing = [...cloud]
		.filter(([sk, digest]) => !sk.startsWith('#') && localDigests.get(sk) !== digest)
		.map(([sk]) => sk);
	const unlisted = local
		.filter((c) => !pending.has(outboxKey(c.collection, c.record.id)))
		.map((c) => sortKey(c.collection, c.record.id))
		.filter((sk) => !cloud.has(sk));
	return [...differing, ...unlisted];
}

/** What a consistent read of a candidate found: its stamp, and whether it has a digest. */
export interface CloudStamp {
	hlc: string;
	listed: boolean;
}

/**
 * The reconcile's last step, after the cloud versions read were merged: local records, with
 * nothing pending, that the cloud lacks or holds older are queued (a repair); ones the cloud
 * holds as they are but without a stamp digest are queued to be written again so the index
 * lists them (an upgrade, not a repair).
 */
export function reconcileRepairs(
	candidates: readonly Change[],
	cloud: ReadonlyMap<string, CloudStamp>,
	pending: ReadonlySet<string>
): { repairs: Resolution[]; upgrades: Resolution[] } {
	const repairs: Resolution[] = [];
	const upgrades: Resolution[] = [];
	for (const { collection, record } of candidates) {
		const key = outboxKey(collection, record.id);
		if (pending.has(key)) continue;
		const found = cloud.get(sortKey(collection, record.id));
		const queue = (baseHlc: string | undefined): Resolution => ({
			collection,
			id: record.id,
			expected: { hlc: record.hlc, pendingHlc: undefined },
			// What the cloud should have held: a concurrent version merges from it.
			entry: {
				key,
				collection,
				id: record.id,
				hlc: record.hlc,
				baseHlc,
				base: record,
				isNew: false,
				attempts: 0
			}
		});
		if (!found || found.hlc < record.hlc) repairs.push(queue(found?.hlc));
		else if (found.hlc === record.hlc && !found.listed) upgrades.push(queue(found.hlc));
	}
	return { repairs, upgrades };
}

/**
 * What restoring a conflict copy saves: its values of the fields that clashed, on top of the
 * record as it is now (so later changes of other fields stay); a version that lost to a
 * delete, or whose record is gone, comes back whole.
 */
export function restoredVersion(copy: ConflictCopy, current: Record | undefined): Record {
	if (!current || current.deleted || copy.fields.includes('deleted')) return copy.record;
	const restored: { [field: string]: unknown } = { ...current };
	for (const field of copy.fields) {
		restored[field] = (copy.record as unknown as { [field: string]: unknown })[field];
	}
	return restored as unknown as Record;
}

export type ImportDecision = 'add' | 'update' | 'unchanged' | 'keep-local-and-copy' | 'merge';

export interface ImportOutcome {
	decision: ImportDecision;
	/** For `merge`: the content of a version made here from both (the caller stamps it). */
	merged?: Record;
	/** The version that does not stand, kept as a conflict copy (with `keep-local-and-copy`:
	 * the file's). */
	copy?: Record;
}

/**
 * What an imported version (a backup) does to the local record. A version made on top of the
 * local one replaces it; an older one changes nothing. One made alongside it (neither built on
 * the other) never replaces it: the file's version is kept as a conflict copy, so neither side
 * is lost and a delete is not undone. Invoices follow the issued-record rules sync follows: an
 * issued document stands over a draft's edit or delete, a version built on it changes only
 * what may change after issue, and activity logs merge.
 */
export function importOutcome(imported: Record, local: Record | undefined): ImportOutcome {
	if (!local) return { decision: 'add' };
	if (local.hlc === imported.hlc || descendsFrom(local, imported.hlc)) {
		return { decision: 'unchanged' };
	}
	const invoices = isInvoice(local);
	if (descendsFrom(imported, local.hlc)) {
		const allowed = invoices ? allowedOnIssued(local, imported) : undefined;
		if (!allowed) return { decision: 'update' };
		const copy = imported.deleted ? undefined : imported;
		if (sameContent(allowed, local)) return { decision: 'keep-local-and-copy', copy };
		return { decision: 'merge', merged: allowed, copy };
	}
	if (sameContent(local, imported) || (local.deleted && imported.deleted)) {
		return { decision: 'unchanged' };
	}
	// A delete wins over an edit, as in sync, unless an issued invoice stands over it; the edit
	// stays restorable. (A live version that took the delete into its history would hide the
	// delete from every device.)
	const deleteWins = imported.deleted && !(invoices && standingIssue('invoices', local, imported));
	if (deleteWins) return { decision: 'merge', merged: imported, copy: local };
	if (!invoices) return { decision: 'keep-local-and-copy', copy: imported };
	const activity = mergeActivity((local as Invoice).activity, (imported as Invoice).activity);
	const differing = changedFields(local, imported);
	if (!local.deleted && !imported.deleted && differing.every((f) => f === 'activity')) {
		return { decision: 'merge', merged: { ...newerOf(local, imported), activity } as Record };
	}
	const standing = standingIssue('invoices', local, imported);
	if (standing !== imported) {
		// The local version stands; the file's log entries join it.
		const withLog = { ...local, activity } as Record;
		if (local.deleted || sameContent(withLog, local)) {
			return { decision: 'keep-local-and-copy', copy: imported };
		}
		return { decision: 'merge', merged: withLog, copy: imported };
	}
	return {
		decision: 'merge',
		merged: { ...imported, activity } as Record,
		copy: local.deleted ? undefined : local
	};
}

function isInvoice(record: Record): boolean {
	return 'lines' in record && 'payments' in record;
}

/**
 * A version built on a live issued invoice that changes its document (no action of this app
 * makes one: a file or another tool did) stands only in what may change after issue; returns
 * that part, or undefined when the version may stand whole.
 */
function allowedOnIssued(local: Record, version: Record): Record | undefined {
	const stored = local as Invoice;
	if (stored.deleted || !isIssued(stored)) return undefined;
	// Another device's later issue of the same draft, which stood there: it stands here too.
	const live = !version.deleted && isIssued(version as Invoice);
	if (live && standingIssue('invoices', local, version) === version) return undefined;
	const allowed = allowedPart(stored, version as Invoice);
	if (allowed === version) return undefined;
	const activity = mergeActivity(stored.activity, (version as Invoice).activity);
	return { ...allowed, activity } as Record;
}
