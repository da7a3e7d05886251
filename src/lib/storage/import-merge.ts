/**
 * Importing a backup into the local database (Repository.mergeInParts): each part of the file
 * is read and planned as it comes (import-plan.ts decides each record), then everything is
 * written in one transaction, with the `edit`s made on top. Loaded with the first import.
 */
import type { Invoice } from '../invoice/schema';
import { quote } from '../invoice/quote';
import { recordStampProblem } from './hlc';
import {
	outboxKey,
	StaleWriteError,
	type Change,
	type CollectionName,
	type Collections,
	type LocalWrite,
	type RecordStore,
	type Resolution,
	type WriteOptions
} from './record-store';
import {
	NOUNS,
	STALE_RETRIES,
	type Draft,
	type MergeInParts,
	type MergeOptions,
	type MergeResult
} from './repository';
import * as rules from './write-rules';

/** What the import needs of the Repository. */
export interface MergeHost {
	now(): number;
	store: RecordStore;
	observe(records: readonly Change['record'][]): void;
	stamp(): string;
	versionsOf(changes: readonly Change[]): Promise<(Collections[CollectionName] | undefined)[]>;
	/** Checks the item sizes (not of `checked` records) and writes, as every save does. */
	commit(writes: LocalWrite[], options: WriteOptions, checked?: ReadonlySet<object>): Promise<void>;
	/** The edit of a stored invoice as a write, as a save makes it. */
	editOf(
		writeRules: typeof rules,
		draft: Draft<Invoice> & { id: string },
		base: Invoice,
		at: string
	): LocalWrite;
}

interface MergePlan {
	counts: { added: number; updated: number; unchanged: number };
	writes: LocalWrite[];
	copies: Resolution[];
	edited: Invoice[];
}

const emptyPlan = (): MergePlan => ({
	counts: { added: 0, updated: 0, unchanged: 0 },
	writes: [],
	copies: [],
	edited: []
});

/** If a record moved between its part's read and the write, every part is planned again. */
export function startMerge(host: MergeHost, options: MergeOptions): MergeInParts {
	const now = host.now();
	const detectedAt = new Date(now).toISOString();
	const records: Change[] = [];
	const refused: string[] = [];
	let planned = Promise.resolve(emptyPlan());
	const planInto = (plan: Promise<MergePlan>, part: readonly Change[]) => {
		const next = plan.then((sofar) => planPart(host, part, options, detectedAt, sofar));
		// Awaited by `done`; an import whose file fails its check never calls it.
		next.catch(() => {});
		return next;
	};
	return {
		add: (part) => {
			const fresh = part.filter(({ collection, record }) => {
				const problem = recordStampProblem(record, now);
				if (problem) refused.push(`${NOUNS[collection]} ${quote(record.id)}: ${problem}`);
				return !problem;
			});
			for (const change of fresh) records.push(change);
			host.observe(fresh.map((c) => c.record));
			planned = planInto(planned, fresh);
		},
		done: async () => {
			const checked = options.sizeChecked
				? new Set<object>(records.map((c) => c.record))
				: undefined;
			for (let attempt = 1; ; attempt++) {
				try {
					return { ...(await write(host, await planned, options, checked)), refused };
				} catch (error) {
					if (!(error instanceof StaleWriteError) || attempt >= STALE_RETRIES) throw error;
					planned = planInto(Promise.resolve(emptyPlan()), records);
				}
			}
		}
	};
}

/** Reads what `part` meets here and adds what importing it writes to `plan`. */
async function planPart(
	host: MergeHost,
	part: readonly Change[],
	{ edit, signal }: MergeOptions,
	detectedAt: string,
	plan: MergePlan
): Promise<MergePlan> {
	signal?.throwIfAborted();
	const locals = await host.versionsOf(part);
	const keys = part.map(({ collection, record }) => outboxKey(collection, record.id));
	const entries = await host.store.pendingOf(keys);
	const pending = new Map(keys.flatMap((key, i) => (entries[i] ? [[key, entries[i]]] : [])));
	signal?.throwIfAborted();
	const { counts, writes, copies } = rules.planImport(part, locals, pending, {
		detectedAt,
		stamp: () => host.stamp(),
		validate: rules.validate
	});
	const edited = edit ? editImported(host, part, locals, writes, edit, detectedAt) : [];
	for (const [name, count] of Object.entries(counts) as [keyof typeof counts, number][]) {
		plan.counts[name] += count;
	}
	for (const write of writes) plan.writes.push(write);
	for (const { invoice, write } of edited) {
		plan.writes.push(write);
		plan.edited.push(invoice);
	}
	for (const copy of copies) plan.copies.push(copy);
	return plan;
}

async function write(
	host: MergeHost,
	{ counts, writes, copies, edited }: MergePlan,
	{ signal, onProgress }: MergeOptions,
	checked?: ReadonlySet<object>
): Promise<Omit<MergeResult, 'refused'>> {
	await host.commit(writes, { signal, onProgress }, checked);
	// Committed: too late to cancel. The copies of versions that did not stand follow.
	if (copies.length > 0 && (await host.store.resolve(copies)).length > 0) {
		throw new StaleWriteError(copies.map((c) => outboxKey(c.collection, c.id)));
	}
	return { ...counts, edited };
}

/** The `edit` of each invoice of the file that the `writes` leave stored as the file has it. */
function editImported(
	host: MergeHost,
	records: readonly Change[],
	locals: readonly (Collections[CollectionName] | undefined)[],
	writes: readonly LocalWrite[],
	edit: NonNullable<MergeOptions['edit']>,
	at: string
): { invoice: Invoice; write: LocalWrite }[] {
	const written = new Map(
		writes.map(({ change }) => [outboxKey(change.collection, change.record.id), change.record])
	);
	return records.flatMap(({ collection, record }, i) => {
		if (collection !== 'invoices') return [];
		const key = outboxKey(collection, record.id);
		const stored = (written.has(key) ? written.get(key) : locals[i]) as Invoice | undefined;
		// A newer version is here: it is left alone.
		if (!stored || stored.deleted || stored.hlc !== record.hlc) return [];
		const draft = edit(stored);
		return draft ? [{ invoice: record, write: host.editOf(rules, draft, stored, at) }] : [];
	});
}
