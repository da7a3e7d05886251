/**
 * What importing a backup writes, record by record (sync-rules.ts importOutcome decides each):
 * the file's versions taken as they are, versions made here from both sides, and the versions
 * that do not stand, kept as conflict copies. Pure: the Repository reads and writes.
 */
import type { CollectionName, Collections } from './record-store';
import { changedFields } from './field-merge';
import { lineageOf } from './lineage';
import {
	outboxKey,
	type Change,
	type ConflictCopy,
	type LocalWrite,
	type OutboxEntry,
	type Resolution
} from './record-store';
import { importOutcome } from './sync-rules';

export interface ImportCounts {
	added: number;
	updated: number;
	unchanged: number;
	/** Records left out, with the reason (a clock stamp more than a day ahead). */
	refused: string[];
}

/** A version that lost to another, as a copy the user can restore. */
export function copyOf<K extends CollectionName>(
	collection: K,
	record: Collections[K],
	keptHlc: string,
	fields: string[],
	detectedAt: string
): ConflictCopy {
	return {
		key: `${outboxKey(collection, record.id)}:${record.hlc}`,
		collection,
		id: record.id,
		record,
		keptHlc,
		fields,
		detectedAt
	};
}

export interface ImportContext {
	detectedAt: string;
	/** A new clock stamp, for a version made here. */
	stamp: () => string;
	validate: <K extends CollectionName>(collection: K, value: unknown) => Collections[K];
}

/** `locals` lines up with `records`; `pending` holds their outbox entries by key. */
export function planImport(
	records: readonly Change[],
	locals: readonly (Collections[CollectionName] | undefined)[],
	pending: ReadonlyMap<string, OutboxEntry>,
	{ detectedAt, stamp, validate }: ImportContext
) {
	const counts = { added: 0, updated: 0, unchanged: 0 };
	const writes: LocalWrite[] = [];
	const copies: Resolution[] = [];
	const fromImport = (
		collection: CollectionName,
		record: Collections[CollectionName],
		kept: string,
		fields: string[]
	) => ({ ...copyOf(collection, record, kept, fields, detectedAt), source: 'import' as const });
	for (const [index, change] of records.entries()) {
		const { collection, record } = change;
		const local = locals[index];
		const outcome = importOutcome(record, local);
		const { decision } = outcome;
		if (decision === 'add' || decision === 'update') {
			counts[decision === 'add' ? 'added' : 'updated'] += 1;
			writes.push({ change, origin: 'import', expected: { hlc: local?.hlc } });
		} else if (decision === 'merge' && local && outcome.merged) {
			// A version made here from both: newer than either, so both devices keep it.
			counts.updated += 1;
			const merged = validate(collection, {
				...outcome.merged,
				hlc: stamp(),
				history: lineageOf(record, local),
				updatedAt: detectedAt
			});
			const kept = outcome.copy;
			const conflict =
				kept && fromImport(collection, kept, merged.hlc, changedFields(merged, kept));
			writes.push({
				change: { collection, record: merged } as Change,
				origin: 'edit',
				expected: { hlc: local.hlc },
				...(conflict ? { conflict } : {})
			});
		} else {
			counts.unchanged += 1;
			if (decision !== 'keep-local-and-copy' || !local || !outcome.copy) continue;
			const fields = changedFields(local, outcome.copy);
			const conflict = fromImport(collection, outcome.copy, local.hlc, fields);
			const entry = pending.get(outboxKey(collection, record.id));
			const expected = { hlc: local.hlc, pendingHlc: entry?.hlc };
			copies.push({ collection, id: record.id, expected, conflict });
		}
	}
	return { counts, writes, copies };
}
