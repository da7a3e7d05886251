/**
 * Adversarial review 15b, the paths through the app's services (restore, actions): each test
 * breaks one invariant (docs/records.md) and fails on main; its comment names the path.
 */
import { describe, expect, it } from 'vitest';
import { issue } from '../invoice/issue';
import { withoutMeta, type Invoice } from '../invoice/schema';
import { makeClient, makeInvoiceDraft, makeProfile } from '../testing/factories';
import { memoryAws, memorySync } from '../testing/memory-aws';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';
import { addPayment } from './invoice-actions';

const context = {
	profile: makeProfile({ name: 'Studio North' }),
	client: makeClient(),
	at: '2026-11-22T10:00:00.000Z',
	locale: 'en-GB'
};
const south = {
	...context,
	profile: makeProfile({ name: 'Studio South' }),
	at: '2026-11-22T10:05:00.000Z'
};
const PAYMENT = { id: 'p1', date: '2026-11-22', amount: 500, note: '' };

/** The app's restore (SyncCoordinator.restore) on a replica's own store and repository. */
function restorer(device: Replica) {
	const { connection } = memoryAws(device.clock);
	return memorySync(connection, device.store, device.repository, device.clock);
}

async function issueOn(device: Replica, draft: Invoice, ctx = context): Promise<Invoice> {
	return device.repository.save('invoices', withoutMeta(issue(draft, ctx)), draft);
}

describe('invariant 2: nothing is lost, a copy restores what it holds', () => {
	it('a copy of an invoice issued on two devices as a new record (no common version) restores to something', async () => {
		// Path: sync-rules.ts resolveCloudVersion → standingIssue branch, `keep()`: with no
		// known base (both devices made the record: a schedule's `<id>@<date>` invoice, issued
		// at once) the copy's fields are changedFields(undefined, …) = []. restoredVersion then
		// copies no field onto the current record, the restore rewrites the standing invoice
		// unchanged and dismisses the copy: the other issued document is gone.
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const id = 'schedule-1@2026-11-22';
		const onA = await a.repository.save('invoices', { ...makeInvoiceDraft({ notes: 'a' }), id });
		await issueOn(a, onA);
		b.clock.advance(60_000);
		const onB = await b.repository.save('invoices', { ...makeInvoiceDraft({ notes: 'b' }), id });
		await issueOn(b, onB, south);
		// A sends first; B, later clock, keeps its own issue and A's as a copy.
		await a.engine.run();
		await b.engine.run();
		const copy = (await b.store.conflicts()).find((c) => c.record.hlc.endsWith('-a'));
		expect(copy?.record).toMatchObject({ notes: 'a', status: 'sent' });
		await restorer(b).restore(copy!);
		const notes = (await b.repository.all('invoices'))
			.filter((i) => !i.deleted)
			.map((i) => i.notes);
		expect(notes).toContain('a');
	});

	it('restoring a paid invoice that lost to a later independent issue keeps its payment', async () => {
		// Path: standingIssue lets B's later issue stand whole over A's paid version (copy on A);
		// SyncCoordinator.restore → issuedChangeProblem refuses it on the sent invoice, so
		// #asNewDraft → issue.ts separateDraft makes a draft with `payments: []`. The payment A
		// recorded exists nowhere once the copy is restored (and dismissed).
		const remote = new MemoryRemote();
		const a = makeReplica('a', remote);
		const b = makeReplica('b', remote);
		const draft = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		await a.engine.run();
		await b.engine.run();
		const sentOnA = await issueOn(a, draft);
		await addPayment(a.repository, sentOnA, PAYMENT);
		b.clock.advance(60_000);
		await issueOn(b, (await b.repository.get('invoices', draft.id))!, south);
		await a.engine.run();
		await b.engine.run();
		const copy = (await b.store.conflicts()).find((c) => c.record.hlc.endsWith('-a'));
		expect((copy?.record as Invoice | undefined)?.payments).toEqual([PAYMENT]);
		await restorer(b).restore(copy!);
		const payments = (await b.repository.all('invoices')).flatMap((i) => i.payments);
		expect(payments).toContainEqual(PAYMENT);
	});
});
