/**
 * From an adversarial review of issue 15, section 1 (issued invoices are records): each test
 * names the invariant and the path that broke it before the fix. (Holes still open are listed
 * in docs/records.md.)
 */
import { describe, expect, it } from 'vitest';
import { issue } from '../invoice/issue';
import { withoutMeta, type Invoice } from '../invoice/schema';
import { makeClient, makeInvoiceDraft, makeProfile } from '../testing/factories';
import { MemoryRemote } from '../testing/memory-remote';
import { makeReplica, type Replica } from '../testing/replica';
import { logActivity } from '../app/invoice-actions';

const profile = makeProfile({ name: 'Studio North' });
const client = makeClient();
const AT = '2026-11-22T10:00:00.000Z';
const context = { profile, client, at: AT, locale: 'en-GB' };

/** A draft made on A and synced to B. */
async function sharedDraft(notes = 'v1') {
	const remote = new MemoryRemote();
	const a = makeReplica('a', remote);
	const b = makeReplica('b', remote);
	const draft = await a.repository.save('invoices', makeInvoiceDraft({ notes }));
	await a.engine.run();
	await b.engine.run();
	return { remote, a, b, draft };
}

async function issueOn(device: Replica, id: string, ctx = context) {
	const stored = (await device.repository.get('invoices', id))!;
	return device.repository.save('invoices', withoutMeta(issue(stored, ctx)), stored);
}

/** The document content of an invoice: everything but status, payments, links and the log. */
function documentOf(invoice: Invoice | undefined) {
	if (!invoice) return undefined;
	const { number, clientId, clientName, issueDate, dueDate, currency, lines, discount, notes } =
		invoice;
	return {
		number,
		clientId,
		clientName,
		issueDate,
		dueDate,
		currency,
		lines,
		discount,
		notes,
		issued: invoice.issued,
		corrects: invoice.corrects
	};
}

describe('invariant 1: an issued invoice never changes its document', () => {
	it('an invoice issued on two devices at once ends as one of the two issued documents, never a mix', async () => {
		// Path: sync-rules.ts resolveCloudVersion. Both versions are live and issued, so
		// issuedOverDraft does not apply and mergeFields merges them field by field: A's notes
		// (edited before A issued) go with B's snapshot (newer), a document neither device issued.
		const { a, b, draft } = await sharedDraft();
		const onA = (await a.repository.get('invoices', draft.id))!;
		await a.repository.save('invoices', { ...withoutMeta(onA), notes: 'edited on a' }, onA);
		const issuedOnA = await issueOn(a, draft.id);
		b.clock.advance(5_000);
		const issuedOnB = await issueOn(b, draft.id, {
			...context,
			profile: makeProfile({ name: 'Studio South' }),
			at: '2026-11-22T10:05:00.000Z'
		});
		await a.engine.run();
		await b.engine.run();
		await a.engine.run();
		const kept = await b.repository.get('invoices', draft.id);
		expect([documentOf(issuedOnA), documentOf(issuedOnB)]).toContainEqual(documentOf(kept));
	});

	it('a voided invoice is never reopened by a sync with a payment recorded alongside', async () => {
		// Path: sync-rules.ts resolveCloudVersion → mergeFields. A voids, B (later clock) marks
		// it paid; `status` clashes and the newer side wins, so the void is undone (void is final).
		const { a, b, draft } = await sharedDraft();
		await issueOn(a, draft.id);
		await a.engine.run();
		await b.engine.run();
		const onA = (await a.repository.get('invoices', draft.id))!;
		await a.repository.save('invoices', { ...withoutMeta(onA), status: 'void' }, onA);
		b.clock.advance(5_000);
		const onB = (await b.repository.get('invoices', draft.id))!;
		await b.repository.save(
			'invoices',
			{
				...withoutMeta(onB),
				status: 'paid',
				payments: [{ id: 'p1', date: '2026-11-22', amount: 100, note: '' }]
			},
			onB
		);
		await a.engine.run();
		await b.engine.run();
		await a.engine.run();
		for (const device of [a, b]) {
			expect((await device.repository.get('invoices', draft.id))?.status, device.name).toBe('void');
		}
	});

	it('Repository.replace never edits an issued invoice', async () => {
		// Path: repository.ts replace (used by the number-clash renumbering in sync.svelte.ts)
		// writes without refuseIssuedChange, so an issued invoice's document can be rewritten.
		const a = makeReplica('a', new MemoryRemote());
		const draft = await a.repository.save('invoices', makeInvoiceDraft({ notes: 'v1' }));
		const issued = await issueOn(a, draft.id);
		await a.repository
			.replace(
				'invoices',
				{ ...withoutMeta(issued), id: issued.id, number: 'X-9', notes: 'rewritten' },
				issued
			)
			.catch(() => false);
		expect(documentOf(await a.repository.get('invoices', issued.id))).toEqual(documentOf(issued));
	});
});

describe('invariant 1: status only moves forward', () => {
	it('Repository.update never moves a paid invoice back to sent', async () => {
		// Path: repository.ts update → issue.ts issuedChangeProblem refuses only "back to draft"
		// and "void reopened"; paid → sent (backwards) passes, from any caller or a restore.
		const a = makeReplica('a', new MemoryRemote());
		const draft = await a.repository.save('invoices', makeInvoiceDraft());
		const issued = await issueOn(a, draft.id);
		const paid = await a.repository.save(
			'invoices',
			{ ...withoutMeta(issued), status: 'paid' },
			issued
		);
		await a.repository
			.save('invoices', { ...withoutMeta(paid), status: 'sent' }, paid)
			.catch(() => undefined);
		expect((await a.repository.get('invoices', draft.id))?.status).toBe('paid');
	});
});

describe('invariant 3: the activity log loses nothing and raises no conflict by itself', () => {
	it('a PDF downloaded from the draft alongside its issue stays in the log, without a conflict copy', async () => {
		// Path: sync-rules.ts resolveCloudVersion → issuedOverDraft takes the issued side whole:
		// B's log entry is dropped, and B's version (different only in its log) is kept as a
		// conflict copy naming no field.
		const { a, b, draft } = await sharedDraft();
		const onB = (await b.repository.get('invoices', draft.id))!;
		await logActivity(b.repository, onB, 'pdf-downloaded', {
			at: '2026-11-22T09:00:30.000Z',
			device: 'b'
		});
		await issueOn(a, draft.id);
		a.clock.advance(1_000);
		await a.engine.run();
		b.clock.advance(5_000);
		await b.engine.run();
		await a.engine.run();
		for (const device of [a, b]) {
			const kept = await device.repository.get('invoices', draft.id);
			expect(kept?.status, device.name).toBe('sent');
			expect(
				kept?.activity?.map((e) => e.kind),
				device.name
			).toContain('pdf-downloaded');
			expect(await device.store.conflicts(), device.name).toEqual([]);
		}
	});
});
