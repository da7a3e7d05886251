/**
 * What a sync or a restore sets right in the records: drafts that took the same number on two
 * devices, and the other side of a conflict brought back. Comes with the first sync or
 * restore, not with the first page (app/sync.svelte.ts).
 */
import { kindOf, nextDocumentNumber, numberFormatOf } from '../invoice/documents';
import { separateDraft } from '../invoice/drafts';
import { issuedChangeProblem } from '../invoice/issue';
import { planNumberClashes, type NumberClash } from '../invoice/number-clashes';
import { DEFAULT_NUMBER_FORMAT } from '../invoice/numbering';
import { DEFAULT_PROFILE } from '../invoice/profile';
import { BUSINESS_PROFILE_ID, withoutMeta } from '../invoice/record-meta';
import type { Invoice } from '../invoice/schema';
import type { ConflictCopy, RecordStore } from '../storage/record-store';
import type { Repository } from '../storage/repository';
import { restoredVersion } from '../storage/sync-rules';

interface RepairDeps {
	store: RecordStore;
	repository: Repository;
	notify: (message: string, tone: 'info' | 'error') => void;
}

/**
 * Brings the other side of a conflict back as the newest version (see restoredVersion); a
 * version that cannot stand on an issued invoice comes back as a draft of its own.
 */
export async function restoreCopy(
	{ store, repository }: Omit<RepairDeps, 'notify'>,
	copy: ConflictCopy
): Promise<void> {
	const current = await repository.get(copy.collection, copy.id);
	const restored = restoredVersion(copy, current);
	const refused =
		copy.collection === 'invoices' &&
		issuedChangeProblem(current as Invoice | undefined, restored as Invoice);
	if (!refused) {
		await repository.update(copy.collection, withoutMeta(restored) as never, current);
		return;
	}
	const version = restored as Invoice;
	const profile = (await store.get('profile', BUSINESS_PROFILE_ID)) ?? DEFAULT_PROFILE;
	const invoices = await store.all('invoices');
	const number = nextDocumentNumber(profile, kindOf(version), version.issueDate, invoices);
	await repository.save('invoices', separateDraft(version, number));
}

/**
 * Renumbers the drafts that share a number with another invoice, saying so; returns how many
 * moved and the clashes between sent invoices, which the user resolves.
 */
export async function renumberClashingDrafts({
	store,
	repository,
	notify
}: RepairDeps): Promise<{ renumbered: number; unresolved: NumberClash[] }> {
	const invoices = await store.all('invoices');
	const profile = await store.get('profile', BUSINESS_PROFILE_ID);
	const formats = profile ?? { numberFormat: DEFAULT_NUMBER_FORMAT };
	const plan = planNumberClashes(invoices, (kind) => numberFormatOf(formats, kind));
	for (const { id, from, to } of plan.renumber) {
		const invoice = invoices.find((i) => i.id === id) as Invoice;
		// Changed since the plan was read (a save, a sync in another tab): plan again next run.
		if (!(await repository.replace('invoices', { ...invoice, number: to }, invoice))) continue;
		notify(`Draft ${from} was also used on another device; this draft is now ${to}.`, 'info');
	}
	return { renumbered: plan.renumber.length, unresolved: plan.unresolved };
}
